// A member's standing register of interests: they add what they hold and remove what no
// longer does (kept, with its date). The clerk also reads everyone's current entries.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ResultBanner } from "~/components/meetings/result-banner";
import { TableRegion } from "~/components/ui/table-region";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form-fields";
import { formatUkDate } from "~/shared/dates";
import {
  REGISTERED_INTEREST_KIND_LABELS,
  REGISTERED_INTEREST_KIND_SHORT,
  registerInterestSchema,
} from "~/shared/members/interests";
import { REGISTERED_INTEREST_KINDS } from "~/shared/vocabulary";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { listCurrentInterests, listRegisteredInterests } from "../../db/queries/members";
import { registerInterest, removeInterest } from "../../server/commands/interest-commands";
import { authorize } from "../../server/policies/authorize";
import { memberPolicy } from "../../server/policies/member-policy";

export const meta: MetaFunction = () => [{ title: "Register of interests – Minuted" }];

async function requireRegister(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  const subject = { organisationId: org.id };
  authorizeOr403(() => authorize(memberPolicy.keepRegister(principal, subject), "Viewers keep no register of interests"));
  return { user, org, principal, subject };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, org, principal, subject } = await requireRegister(args);
  const { db } = args.context.services;
  const mine = await listRegisteredInterests(db, org.id, user.id);
  const everyone = memberPolicy.viewRegisters(principal, subject) ? await listCurrentInterests(db, org.id) : null;
  return {
    mine: mine.map((entry) => ({
      id: entry.id,
      interest: entry.interest,
      kind: REGISTERED_INTEREST_KIND_SHORT[entry.kind],
      registered: formatUkDate(entry.registeredAt),
      removed: entry.removedAt ? formatUkDate(entry.removedAt) : null,
    })),
    everyone:
      everyone?.map((entry) => ({
        id: entry.id,
        name: entry.name,
        interest: entry.interest,
        kind: REGISTERED_INTEREST_KIND_SHORT[entry.kind],
        registered: formatUkDate(entry.registeredAt),
      })) ?? null,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("register") }).extend(registerInterestSchema.shape),
  z.object({ intent: z.literal("remove"), interestId: z.uuid({ message: "Choose an entry of your register" }) }),
]);

export async function action(args: ActionFunctionArgs) {
  const { user, org } = await requireRegister(args);
  const formData = await readFormData(args.request);
  const intent = String(formData.get("intent") ?? "register");
  const parsed = parseForm(actionSchema, formData);
  if (!parsed.ok) return invalidForm(intent, parsed.fieldErrors, formData);
  const owner = { organisationId: org.id, userId: user.id };
  const actor = { userId: user.id, label: user.email };
  const { db } = args.context.services;
  try {
    if (parsed.data.intent === "register") {
      const entry = await registerInterest(db, { ...owner, interest: parsed.data.interest, kind: parsed.data.kind }, actor);
      return formDone("register", `“${entry.interest}” is on your register.`);
    }
    const entry = await removeInterest(db, { ...owner, interestId: parsed.data.interestId }, actor);
    return formDone("remove", `“${entry.interest}” is removed from your register (kept as removed today).`);
  } catch (error) {
    return refusedForm(intent, error, ["interest", "kind"], formData);
  }
}

export default function InterestsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const errors = result?.intent === "register" ? result.fieldErrors : result?.fieldErrors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <ResultBanner message={result?.message} />
      <h1>Your register of interests</h1>
      <p>
        What you register here is offered back to you when an agenda is published: “You registered … Does it relate to item …?”,
        so you are prompted to declare it at the meeting. The clerk sees your register.
      </p>
      {page.mine.length ? (
        <TableRegion label="Your register of interests">
          <table className="table" data-testid="my-interests">
            <caption className="visually-hidden">Your register of interests</caption>
            <thead>
              <tr>
                <th scope="col">Interest</th>
                <th scope="col">Kind</th>
                <th scope="col">Registered</th>
                <th scope="col">Removed</th>
              </tr>
            </thead>
            <tbody>
              {page.mine.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.interest}</th>
                  <td>{entry.kind}</td>
                  <td>{entry.registered}</td>
                  <td>
                    {entry.removed ?? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="interestId" value={entry.id} />
                        <button type="submit" className="link-button">
                          Remove<span className="visually-hidden"> “{entry.interest}”</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>Your register is empty.</p>
      )}

      <h2>Register an interest</h2>
      <Form method="post" noValidate key={page.mine.length}>
        <input type="hidden" name="intent" value="register" />
        <TextField
          name="interest"
          label="The interest"
          hint="For example “Director of Northfield Repairs Ltd” or “Tenant of Tŷ Ŵyn, Cardiff Road”"
          maxLength={300}
          defaultValue={result?.intent === "register" ? result.values?.interest : undefined}
          error={result?.intent === "register" ? result.fieldErrors?.interest : undefined}
          autoComplete="off"
        />
        <SelectField
          name="kind"
          label="Kind"
          options={REGISTERED_INTEREST_KINDS.map((kind) => ({ value: kind, label: REGISTERED_INTEREST_KIND_LABELS[kind] }))}
          defaultValue={result?.intent === "register" ? result.values?.kind : "pecuniary"}
          error={result?.intent === "register" ? result.fieldErrors?.kind : undefined}
        />
        <button type="submit" className="button">
          Register the interest
        </button>
      </Form>

      {page.everyone ? (
        <section aria-labelledby="everyone-heading">
          <h2 id="everyone-heading">Everyone’s current register</h2>
          {page.everyone.length ? (
            <TableRegion label="Everyone’s current register table">
              <table className="table" data-testid="all-interests">
                <caption className="visually-hidden">Everyone’s current register of interests</caption>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Interest</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Registered</th>
                  </tr>
                </thead>
                <tbody>
                  {page.everyone.map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row">{entry.name}</th>
                      <td>{entry.interest}</td>
                      <td>{entry.kind}</td>
                      <td>{entry.registered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>Nobody has registered an interest yet.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
