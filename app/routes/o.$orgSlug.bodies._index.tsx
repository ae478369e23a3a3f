import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BodyDetailsForm } from "~/components/meetings/body-details-form";
import { ErrorSummary } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { bodyDetailsSchema } from "~/shared/meetings/body-schemas";
import { BODY_KIND_LABELS } from "~/shared/meetings/labels";
import { describeQuorumRule } from "~/shared/meetings/quorum-rule";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { listBodySummaries } from "../../db/queries/meeting-planning";
import { listAreas } from "../../db/queries/performance-library";
import { createBody } from "../../server/commands/body-commands";
import { authorize } from "../../server/policies/authorize";
import { bodyPolicy } from "../../server/policies/meeting-policy";
import { readFormData } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction = () => [{ title: "Committees and panels – Minuted" }];

const BODY_FIELDS = [
  "name",
  "kind",
  "minutePrefix",
  "termsOfReference",
  "quorumCount",
  "quorumRequiresKind",
  "areaId",
  "minutesMode",
] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(bodyPolicy.view(principal, { organisationId: org.id })));
  const { db } = context.services;
  const canManage = bodyPolicy.manage(principal, { organisationId: org.id });
  const [bodies, areas] = await Promise.all([listBodySummaries(db, org.id), canManage ? listAreas(db, org.id) : []]);
  return {
    orgSlug: org.slug,
    canManage,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    bodies: bodies.map((b) => ({
      id: b.id,
      name: b.name,
      kind: BODY_KIND_LABELS[b.kind] + (b.areaName ? ` (${b.areaName})` : ""),
      minutePrefix: b.minutePrefix,
      quorum: describeQuorumRule(b),
      seats: b.seats,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const formData = await readFormData(request);
  const parsed = parseForm(bodyDetailsSchema, formData);
  if (!parsed.ok) return invalidForm("create-body", parsed.fieldErrors, formData);
  authorizeOr403(() => authorize(bodyPolicy.manage(principal, { organisationId: org.id })));
  try {
    // The command checks the form again with the same schema (it is the boundary for every
    // caller); the organisation comes last so that no form field can name another.
    const body = await createBody(
      context.services.db,
      { ...Object.fromEntries(formData), organisationId: org.id },
      { userId: user.id, label: user.email },
    );
    return redirect(`/o/${org.slug}/bodies/${body.id}`);
  } catch (error) {
    return refusedForm("create-body", error, BODY_FIELDS, formData);
  }
}

export default function BodiesPage() {
  const { orgSlug, canManage, areas, bodies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      <p>
        <Link to={`/o/${orgSlug}/meetings`} className="back-link">
          Back to meetings
        </Link>
      </p>
      <h1>Committees and panels</h1>
      <p className="lede">The bodies that meet: who sits on them, how many make a quorum, and how they number their minutes.</p>
      {bodies.length ? (
        <TableRegion label="Committees and panels">
          <table className="table">
            <caption className="visually-hidden">Committees and panels</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Minute prefix</th>
                <th scope="col">Quorum</th>
                <th scope="col" className="numeric">
                  Members
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/bodies/${b.id}`}>{b.name}</Link>
                  </th>
                  <td>{b.kind}</td>
                  <td>{b.minutePrefix}</td>
                  <td>{b.quorum}</td>
                  <td className="numeric">{b.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <div className="notification">No committees or panels have been set up yet.</div>
      )}
      {canManage ? (
        <section aria-labelledby="new-body" className="form-section">
          <h2 id="new-body">Set up a committee or panel</h2>
          <BodyDetailsForm
            intent="create-body"
            submitLabel="Set up the committee or panel"
            areas={areas}
            errors={result?.fieldErrors}
            typed={result?.values}
          />
        </section>
      ) : null}
    </>
  );
}
