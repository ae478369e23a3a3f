import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form-fields";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDate } from "~/shared/dates";
import { ukToday } from "~/shared/meetings/action-status";
import { DEFAULT_MEETING_KIND, MEETING_KIND_LABELS } from "~/shared/meetings/labels";
import { londonDateAndTime } from "~/shared/meetings/london-time";
import { newMeetingSchema } from "~/shared/meetings/meeting-schemas";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { listMeetingsOfOrganisation } from "../../db/queries/meeting-planning";
import { listBodies } from "../../db/queries/meetings";
import type { MeetingKind } from "../../db/schema/meetings";
import { createMeeting } from "../../server/commands/meeting-commands";
import { authorize } from "../../server/policies/authorize";
import { meetingPolicy } from "../../server/policies/meeting-policy";
import { readFormData } from "~/utils/request-body.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction = () => [{ title: "Meetings – Minuted" }];

const MEETING_FIELDS = ["bodyId", "kind", "title", "date", "time", "place", "onlineLink"];

/** Whether the person may arrange meetings: the policy's answer for a meeting not yet held. */
const mayArrange = (principal: Parameters<typeof meetingPolicy.manage>[0], organisationId: string) =>
  meetingPolicy.manage(principal, { organisationId, status: "draft" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(meetingPolicy.view(principal, { organisationId: org.id, status: "draft" })));
  const { db } = context.services;
  const canArrange = mayArrange(principal, org.id);
  const [meetings, bodies] = await Promise.all([listMeetingsOfOrganisation(db, org.id), listBodies(db, org.id)]);
  const today = ukToday();
  const rows = meetings.map((m) => {
    const local = londonDateAndTime(m.startsAt);
    return {
      id: m.id,
      title: m.title,
      day: local.date,
      date: formatUkDate(m.startsAt),
      time: local.time,
      bodyName: m.bodyName,
      kind: MEETING_KIND_LABELS[m.kind],
      status: m.status,
      place: m.place,
      online: Boolean(m.onlineLink),
    };
  });
  return {
    orgSlug: org.slug,
    canArrange,
    // A meeting stays "upcoming" for the whole of its day.
    upcoming: rows.filter((r) => r.day >= today),
    past: rows.filter((r) => r.day < today).reverse(),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, usualKind: DEFAULT_MEETING_KIND[b.kind] })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { org, principal, user } = await requireOrgMember(request, context, params.orgSlug);
  const formData = await readFormData(request);
  const parsed = parseForm(newMeetingSchema, formData);
  if (!parsed.ok) return invalidForm("create-meeting", parsed.fieldErrors, formData);
  authorizeOr403(() => authorize(mayArrange(principal, org.id)));
  try {
    // The command checks the form again (it is the boundary for every caller); the organisation comes last.
    const meeting = await createMeeting(
      context.services.db,
      { ...Object.fromEntries(formData), organisationId: org.id },
      { userId: user.id, label: user.email },
    );
    return redirect(`/o/${org.slug}/meetings/${meeting.id}`);
  } catch (error) {
    return refusedForm("create-meeting", error, MEETING_FIELDS, formData);
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function MeetingsTable({ id, caption, rows, orgSlug }: { id: string; caption: string; rows: Row[]; orgSlug: string }) {
  return (
    <TableRegion label={caption}>
      <table className="table meetings-table" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Meeting</th>
            <th scope="col">Body</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td className="meetings-table__date">
                {m.date}
                <span className="meetings-table__time">{m.time}</span>
              </td>
              <th scope="row">
                <Link to={`/o/${orgSlug}/meetings/${m.id}`}>{m.title}</Link>
              </th>
              <td>{m.bodyName}</td>
              <td>{m.kind}</td>
              <td>
                <MeetingStatusTag status={m.status} />
              </td>
              <td>{[m.place, m.online ? "Online" : ""].filter(Boolean).join(" and ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default function MeetingsPage() {
  const { orgSlug, canArrange, upcoming, past, bodies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const errors = result?.fieldErrors;
  const typed = result?.values ?? {};

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>Meetings</h1>
      <p className="lede">Committees, area panels, clinics and scrutiny panels: their agendas, attendance and minutes.</p>
      <p>
        <Link to={`/o/${orgSlug}/bodies`}>Committees and panels</Link>: who sits on each, its quorum and its terms of reference.
      </p>

      <h2 id="upcoming">Upcoming meetings</h2>
      {upcoming.length ? (
        <MeetingsTable id="upcoming-meetings" caption="Upcoming meetings" rows={upcoming} orgSlug={orgSlug} />
      ) : (
        <p>No meetings are arranged.</p>
      )}

      <h2 id="past">Past meetings</h2>
      {past.length ? (
        <MeetingsTable id="past-meetings" caption="Past meetings" rows={past} orgSlug={orgSlug} />
      ) : (
        <p>No meetings have been held yet.</p>
      )}

      {canArrange ? (
        <section aria-labelledby="arrange" className="form-section">
          <h2 id="arrange">Arrange a meeting</h2>
          {bodies.length ? (
            <Form method="post" className="meeting-form" noValidate>
              <input type="hidden" name="intent" value="create-meeting" />
              <BodyAndKindFields bodies={bodies} errors={errors} typed={typed} />
              <TextField
                type="text"
                name="title"
                label="Title (optional)"
                hint="Leave blank to use the name of the committee or panel"
                defaultValue={typed.title}
                error={errors?.title}
              />
              <div className="field-row">
                <TextField name="date" type="date" label="Date" defaultValue={typed.date} error={errors?.date} />
                <TextField
                  name="time"
                  type="time"
                  label="Start time"
                  hint="UK time, 24-hour clock"
                  defaultValue={typed.time ?? "18:00"}
                  error={errors?.time}
                />
              </div>
              <TextField
                type="text"
                name="place"
                label="Place"
                hint="For example: Committee Room 1, Civic Centre. Leave blank for an online-only meeting."
                defaultValue={typed.place}
                error={errors?.place}
              />
              <TextField
                name="onlineLink"
                type="url"
                label="Online link (optional)"
                hint="The https:// address of the video call, for those joining remotely"
                defaultValue={typed.onlineLink}
                error={errors?.onlineLink}
              />
              <button className="button" type="submit">
                Arrange the meeting
              </button>
            </Form>
          ) : (
            <p>
              Set up the committee or panel that meets first: <Link to={`/o/${orgSlug}/bodies`}>committees and panels</Link>.
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}

/**
 * The body, and the kind of meeting. Without scripts "Usual for the body" leaves the
 * choice to the server; with them, choosing a body shows its usual kind, to keep or change.
 */
function BodyAndKindFields({
  bodies,
  errors,
  typed,
}: {
  bodies: { id: string; name: string; usualKind: MeetingKind }[];
  errors: Record<string, string> | undefined;
  typed: Record<string, string>;
}) {
  const [kind, setKind] = useState(typed.kind ?? "");
  const kindOptions = [
    { value: "", label: "Usual for the body" },
    ...(Object.keys(MEETING_KIND_LABELS) as MeetingKind[]).map((value) => ({ value, label: MEETING_KIND_LABELS[value] })),
  ];
  const describedBy = ["kind-hint", errors?.kind ? "kind-error" : null].filter(Boolean).join(" ");
  return (
    <>
      {/* The change event of the body's select bubbles here: React's SelectField takes no onChange. */}
      <div
        onChange={(event) => {
          const target = event.target as HTMLSelectElement;
          const body = target.name === "bodyId" ? bodies.find((b) => b.id === target.value) : undefined;
          if (body) setKind(body.usualKind);
        }}
      >
        <SelectField
          name="bodyId"
          label="Committee or panel"
          options={[{ value: "", label: "Choose a committee or panel" }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
          defaultValue={typed.bodyId ?? ""}
          error={errors?.bodyId}
        />
      </div>
      <div className={`form-group${errors?.kind ? " form-group--error" : ""}`}>
        <label htmlFor="kind">Kind of meeting</label>
        <div id="kind-hint" className="hint">
          A performance clinic is a deep dive into one or a few indicators that are a serious concern
        </div>
        {errors?.kind ? (
          <span id="kind-error" className="error-message">
            <span className="visually-hidden">Error:</span> {errors.kind}
          </span>
        ) : null}
        <select
          id="kind"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          aria-describedby={describedBy}
          aria-invalid={errors?.kind ? true : undefined}
        >
          {kindOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
