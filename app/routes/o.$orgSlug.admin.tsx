import { TableRegion } from "~/components/ui/table-region";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { typedText } from "~/shared/typed-text";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form-fields";
import { formatUkDate, formatUkDateTime } from "~/shared/dates";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { authorize } from "../../server/policies/authorize";
import { organisationPolicy } from "../../server/policies/organisation-policy";
import { ROLE_LABELS } from "../../server/policies/principal";
import {
  ApiTokenNotFoundError,
  createApiToken,
  expiresInDaysSchema,
  listApiTokens,
  revokeApiToken,
} from "../../server/commands/api-token-creator";
import { CommandError } from "../../server/commands/errors";
import { createInvitation, createPasswordReset, listPendingInvitations } from "../../server/commands/one-time-links";
import { emailSchema, roleSchema } from "../../server/commands/user-creator";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Admin – Minuted" }];

const adminActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email: emailSchema, role: roleSchema }),
  z.object({ intent: z.literal("reset-password"), email: emailSchema }),
  z.object({
    intent: z.literal("create-token"),
    name: typedText().trim().min(1, "Give the token a name that says what uses it").max(80),
    // Empty means the token works until it is revoked.
    expiresInDays: z.preprocess((v) => (v === "" || v == null ? null : v), expiresInDaysSchema.nullable()),
  }),
  z.object({ intent: z.literal("revoke-token"), tokenId: z.string().uuid("Choose a token to revoke") }),
]);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(organisationPolicy.administer(principal, org)));
  const { db } = context.services;
  const now = new Date();
  const [members, invitations, tokens] = await Promise.all([
    listMembersOfOrganisation(db, org.id),
    listPendingInvitations(db, org.id),
    listApiTokens(db, org.id),
  ]);
  return {
    members,
    invitations: invitations.map((i) => ({ ...i, expires: formatUkDate(i.expiresAt) })),
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      created: formatUkDate(t.createdAt),
      expires: t.expiresAt ? formatUkDate(t.expiresAt) : "Never",
      lastUsed: t.lastUsedAt ? formatUkDateTime(t.lastUsedAt) : "Never",
      state: t.revokedAt ? "Revoked" : t.expiresAt && t.expiresAt <= now ? "Expired" : "Active",
    })),
  };
}

type ActionResult =
  { fieldErrors: Record<string, string> } | { message: string; secret: string; secretLabel: string } | { message: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const parsed = parseForm(adminActionSchema, await readFormData(request));
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  authorizeOr403(() => authorize(organisationPolicy.administer(principal, org)));
  const { db, config } = context.services;
  const actor = { userId: user.id, label: user.email };
  const origin = config.publicUrl ?? new URL(request.url).origin;
  const input = parsed.data;
  try {
    if (input.intent === "invite") {
      const { token, expiresAt } = await createInvitation(
        db,
        { organisationId: org.id, email: input.email, role: input.role, invitedBy: user.id },
        actor,
      );
      return data<ActionResult>({
        message: `Invitation created for ${input.email} as ${input.role}. Send them this link; it works once, until ${formatUkDate(expiresAt)}.`,
        secret: `${origin}/invite/${token}`,
        secretLabel: "Invitation link",
      });
    }
    if (input.intent === "reset-password") {
      const { token, expiresAt } = await createPasswordReset(db, { email: input.email, organisationId: org.id }, actor);
      return data<ActionResult>({
        message: `Password reset link for ${input.email}. It works once, until ${formatUkDate(expiresAt)}.`,
        secret: `${origin}/reset/${token}`,
        secretLabel: "Reset link",
      });
    }
    if (input.intent === "revoke-token") {
      const revoked = await revokeApiToken(db, { organisationId: org.id, reference: input.tokenId }, actor);
      return data<ActionResult>({
        message: revoked.alreadyRevoked
          ? `API token “${revoked.name}” was already revoked.`
          : `API token “${revoked.name}” (${revoked.prefix}…) is revoked: it no longer works.`,
      });
    }
    const { token, expiresAt } = await createApiToken(
      db,
      { organisationId: org.id, name: input.name, createdBy: user.id, expiresInDays: input.expiresInDays },
      actor,
    );
    const lasts = expiresAt ? `It works until ${formatUkDate(expiresAt)}.` : "It works until it is revoked.";
    return data<ActionResult>({
      message: `API token “${input.name}” created. ${lasts} Copy it now: it will not be shown again.`,
      secret: token,
      secretLabel: "API token",
    });
  } catch (error) {
    // Another organisation's token is not found here, as the rest of that organisation is.
    if (error instanceof ApiTokenNotFoundError) throw new Response("Not found", { status: 404 });
    if (error instanceof CommandError) {
      return data<ActionResult>({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    }
    throw error;
  }
}

const roleOptions = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export default function Admin() {
  const { members, invitations, tokens } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {result && "message" in result && !("secret" in result) ? (
        <div className="notification notification--success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      {result && "secret" in result ? (
        <div className="notification notification--success" role="status">
          <p>{result.message}</p>
          <p>
            <strong>{result.secretLabel}</strong>
            <code className="secret" data-testid="one-time-secret">
              {result.secret}
            </code>
          </p>
        </div>
      ) : null}
      <h1>Admin</h1>
      <p>
        <Link to="../imports" relative="path">
          Import performance data
        </Link>
        : indicators, targets, benchmarks and monthly figures from CSV or Excel.
      </p>

      <h2 id="members">Members</h2>
      <TableRegion label="Members table">
        <table className="table" aria-labelledby="members">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td>{m.active ? "Active" : "Invited"}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset-password" />
                    <input type="hidden" name="email" value={m.email} />
                    <button className="link-button" type="submit">
                      Reset link<span className="visually-hidden"> for {m.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <h2>Invite a person</h2>
      <Form method="post" className="inline-form" noValidate>
        <input type="hidden" name="intent" value="invite" />
        <TextField name="email" type="email" label="Email address" autoComplete="off" error={errors?.email} />
        <SelectField name="role" label="Role" options={roleOptions} defaultValue="member" error={errors?.role} />
        <div className="form-group">
          <button className="button" type="submit">
            Create invitation link
          </button>
        </div>
      </Form>

      <h2 id="invitations">Invitations waiting</h2>
      {invitations.length ? (
        <table className="table" aria-labelledby="invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Link expires</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{i.role}</td>
                <td>{i.expires}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No invitations are waiting.</p>
      )}

      <h2 id="tokens">API tokens</h2>
      <p className="hint">
        For housing-management systems that send figures to Minuted. A token acts for the whole organisation.
      </p>
      {tokens.length ? (
        <table className="table" aria-labelledby="tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.created}</td>
                <td>{t.expires}</td>
                <td>{t.lastUsed}</td>
                <td>{t.state}</td>
                <td>
                  {t.state === "Revoked" ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-token" />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button className="link-button" type="submit">
                        Revoke<span className="visually-hidden"> {t.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Form method="post" className="inline-form" noValidate>
        <input type="hidden" name="intent" value="create-token" />
        <TextField name="name" label="Token name" hint="For example: Housing system nightly export" error={errors?.name} />
        <TextField
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          label="Expires after (days)"
          hint="Leave empty for a token that works until it is revoked"
          error={errors?.expiresInDays}
        />
        <div className="form-group">
          <button className="button button--secondary" type="submit">
            Create API token
          </button>
        </div>
      </Form>
    </>
  );
}
