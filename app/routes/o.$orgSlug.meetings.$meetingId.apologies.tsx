// A member's apologies for a meeting of a body they sit on: send them with a reason, or
// withdraw them, until the meeting closes. The clerk sees them on the meeting's
// attendance at once (live in the session room when it is open).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { ResultBanner } from "~/components/meetings/result-banner";
import { ErrorSummary, TextArea } from "~/components/ui/form-fields";
import { formatUkDateTime } from "~/shared/dates";
import { isUuid } from "~/shared/meetings/form-values";
import { apologiesRefusal, apologiesSchema, describeAttendance, withdrawalRefusal } from "~/shared/members/apologies";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { formDone, invalidForm, refusedForm, type FormResult } from "~/utils/command-response.server";
import { parseForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { findAttendee, findBody, findMeeting, findSeat } from "../../db/queries/meetings";
import { sendApologies, withdrawApologies } from "../../server/commands/apology-commands";
import { authorize } from "../../server/policies/authorize";
import { memberPolicy } from "../../server/policies/member-policy";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Apologies: ${data.meeting.title}, ${data.meeting.when} – Minuted` : "Apologies – Minuted" },
];

async function requireSeatedMember(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  const { db } = args.context.services;
  // Another organisation's meeting, or no meeting: the same 404.
  const meeting = isUuid(args.params.meetingId) ? await findMeeting(db, org.id, args.params.meetingId) : null;
  const body = meeting ? await findBody(db, org.id, meeting.bodyId) : null;
  if (!meeting || !body) throw notFound();
  const seat = await findSeat(db, body.id, user.id);
  authorizeOr403(() =>
    authorize(
      memberPolicy.sendApologies(principal, meeting, seat),
      `Only the members of ${body.name} send apologies for its meetings`,
    ),
  );
  return { user, org, meeting, body };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, org, meeting, body } = await requireSeatedMember(args);
  const attendee = await findAttendee(args.context.services.db, meeting.id, user.id);
  const attendance = attendee?.attendance ?? "expected";
  return {
    orgSlug: org.slug,
    meeting: { id: meeting.id, title: meeting.title, when: formatUkDateTime(meeting.startsAt), status: meeting.status },
    bodyName: body.name,
    attendance: describeAttendance(attendance, attendee?.apologyReason ?? ""),
    sentAt: attendee?.apologiesSentAt ? formatUkDateTime(attendee.apologiesSentAt) : null,
    reason: attendance === "apologies" ? (attendee?.apologyReason ?? "") : "",
    sendRefusal: apologiesRefusal(meeting.status, attendee),
    canWithdraw: withdrawalRefusal(meeting.status, attendee) === null,
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send") }).extend(apologiesSchema.shape),
  z.object({ intent: z.literal("withdraw") }),
]);

export async function action(args: ActionFunctionArgs) {
  const { user, org, meeting } = await requireSeatedMember(args);
  const { services } = args.context;
  const formData = await readFormData(args.request);
  const parsed = parseForm(actionSchema, formData);
  const intent = String(formData.get("intent") ?? "send");
  if (!parsed.ok) return invalidForm(intent, parsed.fieldErrors, formData);
  const ref = { organisationId: org.id, meetingId: meeting.id, userId: user.id };
  const actor = { userId: user.id, label: user.email };
  try {
    const done =
      parsed.data.intent === "send"
        ? await sendApologies(services.db, { ...ref, reason: parsed.data.reason }, actor)
        : await withdrawApologies(services.db, ref, actor);
    // In session, the clerk's room hears of it at once.
    if (done.meeting.status === "in_session") await services.meetingEvents.meetingChanged(meeting.id);
    return parsed.data.intent === "send"
      ? formDone("send", `Your apologies are sent: the clerk sees them on the attendance of ${meeting.title}.`)
      : formDone("withdraw", "Your apologies are withdrawn: you are expected at the meeting.");
  } catch (error) {
    return refusedForm(intent, error, ["reason"], formData);
  }
}

export default function ApologiesPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const meetingPath = `/o/${page.orgSlug}/meetings/${page.meeting.id}`;
  return (
    <>
      <ErrorSummary errors={result?.fieldErrors} />
      <ResultBanner message={result?.message} />
      <p>
        <Link to={meetingPath} className="back-link">
          Back to the meeting
        </Link>
      </p>
      <h1>
        <span className="page-caption">
          {page.bodyName}, {page.meeting.when}
        </span>
        Apologies for {page.meeting.title}
      </h1>
      <dl className="summary-rows">
        <div>
          <dt>Status</dt>
          <dd>
            <MeetingStatusTag status={page.meeting.status} />
          </dd>
        </div>
        <div>
          <dt>Your attendance</dt>
          <dd data-testid="my-attendance">
            {page.attendance}
            {page.sentAt ? <span className="hint"> · sent {page.sentAt}</span> : null}
          </dd>
        </div>
      </dl>

      {page.sendRefusal ? (
        <p>{page.sendRefusal}.</p>
      ) : (
        <Form method="post" noValidate key={page.reason}>
          <input type="hidden" name="intent" value="send" />
          <TextArea
            name="reason"
            label={page.reason ? "Change your reason" : "Why you cannot come"}
            hint="The clerk and the chair see it; the minutes list your name under apologies."
            defaultValue={result?.values?.reason ?? page.reason}
            error={result?.fieldErrors?.reason}
          />
          <button type="submit" className="button">
            {page.reason ? "Send the new reason" : "Send apologies"}
          </button>
        </Form>
      )}
      {page.canWithdraw ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="button button--secondary">
            Withdraw your apologies
          </button>
        </Form>
      ) : null}
    </>
  );
}
