import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BodyDetailsForm } from "~/components/meetings/body-details-form";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { ResultBanner } from "~/components/meetings/result-banner";
import { memberKindOptions, positionOptions, SeatRow, seatRowField } from "~/components/meetings/seat-row";
import { ErrorSummary, SelectField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDateTime } from "~/shared/dates";
import { bodyDetailsSchema, seatSchema } from "~/shared/meetings/body-schemas";
import { isUuid } from "~/shared/meetings/form-values";
import { BODY_KIND_LABELS, MEMBER_KIND_LABELS, MINUTES_MODE_LABELS, SEAT_POSITION_LABELS } from "~/shared/meetings/labels";
import { describeQuorumRule } from "~/shared/meetings/quorum-rule";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { listMeetingsOfOrganisation } from "../../db/queries/meeting-planning";
import { findBody, listBodyMembers } from "../../db/queries/meetings";
import { listAreas } from "../../db/queries/performance-library";
import { listMembersOfOrganisation } from "../../db/queries/users";
import { removeSeat, setSeat, updateBody } from "../../server/commands/body-commands";
import { authorize } from "../../server/policies/authorize";
import { bodyPolicy } from "../../server/policies/meeting-policy";
import { readFormData } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.body.name ?? "Committee or panel"} – Minuted` },
];

async function requireBody(context: LoaderFunctionArgs["context"], organisationId: string, bodyId: string | undefined) {
  const body = isUuid(bodyId) ? await findBody(context.services.db, organisationId, bodyId) : null;
  if (!body) throw notFound();
  return body;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const body = await requireBody(context, org.id, params.bodyId);
  authorizeOr403(() => authorize(bodyPolicy.view(principal, body)));
  const { db } = context.services;
  const canManage = bodyPolicy.manage(principal, body);
  const [seats, areas, people, meetings] = await Promise.all([
    listBodyMembers(db, body.id),
    listAreas(db, org.id),
    canManage ? listMembersOfOrganisation(db, org.id) : [],
    listMeetingsOfOrganisation(db, org.id),
  ]);
  const seated = new Set(seats.map((s) => s.userId));
  return {
    orgSlug: org.slug,
    canManage,
    body: {
      id: body.id,
      name: body.name,
      kind: body.kind,
      minutePrefix: body.minutePrefix,
      termsOfReference: body.termsOfReference,
      quorumCount: body.quorumCount,
      quorumRequiresKind: body.quorumRequiresKind,
      areaId: body.areaId,
      minutesMode: body.minutesMode,
      areaName: areas.find((a) => a.id === body.areaId)?.name ?? null,
      quorum: describeQuorumRule(body),
    },
    seats: seats.map((s) => ({ id: s.id, userId: s.userId, name: s.name, position: s.position, memberKind: s.memberKind })),
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    unseated: people.filter((p) => !seated.has(p.userId)).map((p) => ({ id: p.userId, name: p.name, email: p.email })),
    meetings: meetings
      .filter((m) => m.bodyId === body.id)
      .reverse()
      .slice(0, 10)
      .map((m) => ({ id: m.id, title: m.title, when: formatUkDateTime(m.startsAt), status: m.status })),
  };
}

const intentSchema = z.enum(["update-body", "set-seat", "remove-seat"], { error: "Choose what to change" });
const seatIdSchema = z.object({ seatId: z.uuid({ error: "Choose a seat" }) });
const BODY_FIELDS = [
  "name",
  "kind",
  "minutePrefix",
  "termsOfReference",
  "quorumCount",
  "quorumRequiresKind",
  "areaId",
  "minutesMode",
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const body = await requireBody(context, org.id, params.bodyId);
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return invalidForm("unknown", { form: intent.error.issues[0].message });
  const { db } = context.services;
  const actor = { userId: user.id, label: user.email };
  // Spread after the form's fields, so that no field can name another organisation or body.
  const where = { organisationId: org.id, bodyId: body.id };

  if (intent.data === "update-body") {
    const parsed = parseForm(bodyDetailsSchema, formData);
    if (!parsed.ok) return invalidForm(intent.data, parsed.fieldErrors, formData);
    authorizeOr403(() => authorize(bodyPolicy.manage(principal, body)));
    try {
      const changed = await updateBody(db, { ...Object.fromEntries(formData), ...where }, actor);
      return formDone(intent.data, `Saved the details of ${changed.name}.`);
    } catch (error) {
      return refusedForm(intent.data, error, BODY_FIELDS, formData);
    }
  }

  if (intent.data === "set-seat") {
    const inRow = formData.get("row") === "yes";
    const parsed = parseForm(seatSchema, formData);
    const userId = String(formData.get("userId") ?? "");
    const place = (errors: Record<string, string>) =>
      inRow
        ? Object.fromEntries(
            Object.entries(errors).map(([field, message]) => [field === "form" ? field : seatRowField(field, userId), message]),
          )
        : errors;
    if (!parsed.ok) return invalidForm(intent.data, place(parsed.fieldErrors));
    authorizeOr403(() => authorize(bodyPolicy.manage(principal, body)));
    try {
      const { personName, created, seat } = await setSeat(db, { ...Object.fromEntries(formData), ...where }, actor);
      const as = `${SEAT_POSITION_LABELS[seat.position].toLowerCase()} (${MEMBER_KIND_LABELS[seat.memberKind].toLowerCase()})`;
      return formDone(
        intent.data,
        created ? `${personName} now sits on ${body.name} as ${as}.` : `${personName}'s seat is now ${as}.`,
      );
    } catch (error) {
      const refused = refusedForm(intent.data, error, ["userId", "position", "memberKind"]);
      return inRow ? invalidForm(intent.data, place(refused.data.fieldErrors ?? {})) : refused;
    }
  }

  const parsed = parseForm(seatIdSchema, formData);
  if (!parsed.ok) return invalidForm(intent.data, { form: parsed.fieldErrors.seatId });
  authorizeOr403(() => authorize(bodyPolicy.manage(principal, body)));
  try {
    const { personName } = await removeSeat(db, { ...where, seatId: parsed.data.seatId }, actor);
    return formDone(intent.data, `${personName} no longer sits on ${body.name}.`);
  } catch (error) {
    return refusedForm(intent.data, error, []);
  }
}

export default function BodyPage() {
  const { orgSlug, canManage, body, seats, areas, unseated, meetings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const errors = result?.fieldErrors;
  const editing = result?.intent === "update-body" && Boolean(errors);
  const fewerSeatsThanQuorum = seats.length < body.quorumCount;

  return (
    <>
      <ErrorSummary errors={errors} />
      <ResultBanner message={result?.message} />
      <p>
        <Link to={`/o/${orgSlug}/bodies`} className="back-link">
          Back to committees and panels
        </Link>
      </p>
      <h1>
        <span className="page-caption">{BODY_KIND_LABELS[body.kind]}</span>
        {body.name}
      </h1>

      <dl className="summary-rows">
        <div>
          <dt>Minute prefix</dt>
          <dd>
            {body.minutePrefix} <span className="hint">(minutes are numbered like {body.minutePrefix} 26/14)</span>
          </dd>
        </div>
        <div>
          <dt>Quorum</dt>
          <dd>{body.quorum}</dd>
        </div>
        <div>
          <dt>Minutes</dt>
          <dd data-testid="minutes-mode">{MINUTES_MODE_LABELS[body.minutesMode]}</dd>
        </div>
        {body.kind === "area_panel" ? (
          <div>
            <dt>Area</dt>
            <dd>{body.areaName ?? "No area chosen"}</dd>
          </div>
        ) : null}
        <div>
          <dt>Terms of reference</dt>
          <dd className="preserve-lines">{body.termsOfReference || "None recorded."}</dd>
        </div>
      </dl>

      {canManage ? (
        <details className="details" open={editing}>
          <summary>Change the details</summary>
          <BodyDetailsForm
            intent="update-body"
            submitLabel="Save the details"
            defaults={body}
            areas={areas}
            errors={editing ? errors : undefined}
            typed={editing ? result?.values : undefined}
          />
        </details>
      ) : null}

      <h2 id="seats">Members</h2>
      {fewerSeatsThanQuorum ? (
        <div className="notification notification--warning">
          <p>
            <strong>No meeting can be quorate yet:</strong> {seats.length} {seats.length === 1 ? "seat is" : "seats are"} filled,
            and the quorum is {body.quorum}.
          </p>
        </div>
      ) : null}
      {seats.length ? (
        <TableRegion label="Members">
          <table className="table seats-table" aria-labelledby="seats">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Position</th>
                <th scope="col">Kind of member</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Change or remove</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {seats.map((seat) =>
                canManage ? (
                  <SeatRow key={seat.id} seat={seat} errors={errors} />
                ) : (
                  <tr key={seat.id}>
                    <th scope="row">{seat.name}</th>
                    <td>{SEAT_POSITION_LABELS[seat.position]}</td>
                    <td>{MEMBER_KIND_LABELS[seat.memberKind]}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>Nobody sits on {body.name} yet.</p>
      )}

      {canManage ? (
        <section aria-labelledby="add-seat" className="form-section">
          <h3 id="add-seat">Add a member</h3>
          {unseated.length ? (
            <Form method="post" className="inline-form" noValidate key={seats.length}>
              <input type="hidden" name="intent" value="set-seat" />
              <SelectField
                name="userId"
                label="Person"
                hint="Everyone in the organisation. Invite a new person from Admin first."
                options={[
                  { value: "", label: "Choose a person" },
                  ...unseated.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
                ]}
                error={result?.intent === "set-seat" ? errors?.userId : undefined}
              />
              <SelectField
                name="position"
                label="Position"
                options={positionOptions}
                defaultValue="member"
                error={result?.intent === "set-seat" ? errors?.position : undefined}
              />
              <SelectField
                name="memberKind"
                label="Kind of member"
                options={memberKindOptions}
                defaultValue="tenant"
                error={result?.intent === "set-seat" ? errors?.memberKind : undefined}
              />
              <div className="form-group">
                <button className="button" type="submit">
                  Add the member
                </button>
              </div>
            </Form>
          ) : (
            <p>Everyone in the organisation already sits on {body.name}.</p>
          )}
        </section>
      ) : null}

      <h2 id="body-meetings">Meetings</h2>
      {meetings.length ? (
        <ul className="plain-list">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/o/${orgSlug}/meetings/${m.id}`}>
                {m.title}, {m.when}
              </Link>{" "}
              <MeetingStatusTag status={m.status} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {body.name} has no meetings yet. <Link to={`/o/${orgSlug}/meetings`}>Arrange a meeting</Link>.
        </p>
      )}
    </>
  );
}
