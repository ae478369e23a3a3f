import { TableRegion } from "~/components/ui/table-region";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { typedText } from "~/shared/typed-text";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form-fields";
import { formatUkDate, formatUkDateTime } from "~/shared/dates";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { listMemberResponsibilities } from "../../db/queries/member-responsibilities";
import {
  changeMemberRole,
  MemberNotFoundError,
  removeMember,
  type Reassignment,
} from "../../server/commands/membership-commands";
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
  z.object({ intent: z.literal("change-role"), userId: z.string().uuid("Choose a member"), role: roleSchema }),
  // Who takes over each open action and indicator comes in fields of their own (reassignmentFrom).
  z.object({ intent: z.literal("remove-member"), userId: z.string().uuid("Choose a member") }),
]);

/**
 * The selects of the removal form: `action:<id>`, `owner:<indicator id>`,
 * `manager:<indicator id>`, `objective:<id>`, `plan:<id>` and `plan-action:<id>`, each
 * naming a member ("" for a manager: nobody). The command checks that each names another
 * member of this organisation.
 */
const REASSIGNED: Record<string, Exclude<keyof Reassignment, "managers">> = {
  action: "actions",
  owner: "owners",
  objective: "objectives",
  plan: "plans",
  "plan-action": "planActions",
};

function reassignmentFrom(formData: FormData): Reassignment {
  const reassign: Reassignment = { actions: {}, owners: {}, managers: {}, objectives: {}, plans: {}, planActions: {} };
  for (const [key, value] of formData) {
    const match = /^(action|owner|manager|objective|plan|plan-action):(.+)$/.exec(key);
    if (!match || typeof value !== "string") continue;
    if (match[1] === "manager") reassign.managers[match[2]] = value === "" ? null : value;
    else if (value !== "") reassign[REASSIGNED[match[1]]][match[2]] = value;
  }
  return reassign;
}

/**
 * The address named by the redirect after a removal, for the banner. The link can be
 * written by anyone, so only an address (of someone no longer a member) is shown: not any
 * text a link puts in the admin's success banner.
 */
function removedEmail(value: string | null, members: { email: string }[]): string | null {
  const parsed = emailSchema.max(254).safeParse(value ?? "");
  if (!parsed.success || members.some((m) => m.email.toLowerCase() === parsed.data)) return null;
  return parsed.data;
}

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
  // "Remove…" on a member: what they answer for, to be passed to someone else first.
  const removeId = new URL(request.url).searchParams.get("remove");
  const leaving = removeId ? members.find((m) => m.userId === removeId) : undefined;
  if (removeId && !leaving) throw notFound();
  return {
    me: principal.kind === "user" ? principal.userId : null,
    removed: removedEmail(new URL(request.url).searchParams.get("removed"), members),
    adminCount: members.filter((m) => m.role === "admin").length,
    removal: leaving ? { member: leaving, duties: await listMemberResponsibilities(db, org.id, leaving.userId) } : null,
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
  const formData = await readFormData(request);
  const parsed = parseForm(adminActionSchema, formData);
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
    if (input.intent === "change-role") {
      const member = await changeMemberRole(db, { organisationId: org.id, userId: input.userId, role: input.role }, actor);
      return data<ActionResult>({
        message: member.changed
          ? `${member.name}’s role is now ${ROLE_LABELS[input.role]}.`
          : `${member.name}’s role was already ${ROLE_LABELS[input.role]}.`,
      });
    }
    if (input.intent === "remove-member") {
      const member = await removeMember(
        db,
        { organisationId: org.id, userId: input.userId, reassign: reassignmentFrom(formData) },
        actor,
      );
      if (member.userId === user.id) return redirect("/");
      return redirect(`/o/${org.slug}/admin?removed=${encodeURIComponent(member.email)}`);
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
    if (error instanceof ApiTokenNotFoundError || error instanceof MemberNotFoundError)
      throw new Response("Not found", { status: 404 });
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
  const { members, invitations, tokens, me, adminCount, removal, removed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  const others = removal ? members.filter((m) => m.userId !== removal.member.userId) : [];
  const someoneElse = [
    { value: "", label: "Choose someone" },
    ...others.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
  ];
  return (
    <>
      <ErrorSummary errors={errors} />
      {removed && !result ? (
        <div className="notification notification--success" role="status">
          <p>
            {removed} is no longer a member of the organisation. Their actions, indicators, objectives and plans have been passed
            on, and their seats here have ended.
          </p>
        </div>
      ) : null}
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
      <p>
        <Link to="../exception-setting" relative="path">
          What counts as an exception
        </Link>
        : any figure not on target, or off target only.
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
                <td>
                  {m.role === "admin" && adminCount <= 1 ? (
                    <>
                      {ROLE_LABELS[m.role]} <span className="hint">(the only admin)</span>
                    </>
                  ) : (
                    <Form method="post" className="inline-form" aria-label={`Access level of ${m.name}`}>
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <label htmlFor={`role-${m.userId}`} className="visually-hidden">
                        Access level of {m.name}
                      </label>
                      <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                        {roleOptions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button className="button button--secondary" type="submit">
                        Change role<span className="visually-hidden"> of {m.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
                <td>{m.active ? "Active" : "Invited"}</td>
                <td className="cell-actions">
                  <Form method="post">
                    <input type="hidden" name="intent" value="reset-password" />
                    <input type="hidden" name="email" value={m.email} />
                    <button className="link-button" type="submit">
                      Reset link<span className="visually-hidden"> for {m.name}</span>
                    </button>
                  </Form>
                  {m.role === "admin" && adminCount <= 1 ? null : (
                    <Link to={`?remove=${m.userId}#remove-member`}>
                      {m.userId === me ? "Leave" : "Remove"}
                      <span className="visually-hidden"> {m.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {removal ? (
        <section aria-labelledby="remove-member" className="form-section">
          <h2 id="remove-member">Remove {removal.member.name}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="remove-member" />
            <input type="hidden" name="userId" value={removal.member.userId} />
            {Object.values(removal.duties).every((duties) => duties.length === 0) ? (
              <p>
                {removal.member.name} has no open actions, owns or manages no indicators, and owns no objective, plan or plan
                action.
              </p>
            ) : (
              <>
                <p>
                  Every action, indicator, objective and plan keeps a named person: choose who takes over each of{" "}
                  {removal.member.name}’s before removing them.
                </p>
                {removal.duties.actions.map((a) => (
                  <SelectField
                    key={a.id}
                    name={`action:${a.id}`}
                    label={`Action${a.minuteNumber ? ` (minute ${a.minuteNumber})` : ""}: ${a.description}, due ${formatUkDate(a.dueDate)}`}
                    options={someoneElse}
                  />
                ))}
                {removal.duties.owned.map((i) => (
                  <SelectField key={i.id} name={`owner:${i.id}`} label={`Owner of ${i.code} ${i.title}`} options={someoneElse} />
                ))}
                {removal.duties.managed.map((i) => (
                  <SelectField
                    key={i.id}
                    name={`manager:${i.id}`}
                    label={`Manager of ${i.code} ${i.title}`}
                    options={[{ value: "", label: "Nobody" }, ...someoneElse.slice(1)]}
                  />
                ))}
                {removal.duties.objectives.map((o) => (
                  <SelectField
                    key={o.id}
                    name={`objective:${o.id}`}
                    label={`Accountable for objective ${o.code} ${o.title}`}
                    options={someoneElse}
                  />
                ))}
                {removal.duties.plans.map((p) => (
                  <SelectField
                    key={p.id}
                    name={`plan:${p.id}`}
                    label={`Owner of plan ${p.code} ${p.title}`}
                    options={someoneElse}
                  />
                ))}
                {removal.duties.planActions.map((a) => (
                  <SelectField
                    key={a.id}
                    name={`plan-action:${a.id}`}
                    label={`Owner of plan action ${a.code}: ${a.title}`}
                    options={someoneElse}
                  />
                ))}
              </>
            )}
            <p className="hint">
              Their seats on this organisation’s committees and panels end, and their register of interests here is closed (kept,
              marked removed). Their finished actions and the records of past meetings keep their name.
            </p>
            <button className="button button--warning" type="submit">
              Remove {removal.member.name} from the organisation
            </button>{" "}
            <Link to=".">Cancel</Link>
          </Form>
        </section>
      ) : null}

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
        <TableRegion label="Invitations waiting">
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
        </TableRegion>
      ) : (
        <p>No invitations are waiting.</p>
      )}

      <h2 id="tokens">API tokens</h2>
      <p className="hint">
        For housing-management systems that send figures to Minuted. A token acts for the whole organisation.
      </p>
      {tokens.length ? (
        <TableRegion label="API tokens">
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
        </TableRegion>
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
