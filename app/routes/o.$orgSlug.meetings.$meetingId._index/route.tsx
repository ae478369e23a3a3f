import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { MemberHelpPanel } from "~/components/members/member-help-panel";
import { ResultBanner } from "~/components/meetings/result-banner";
import { ErrorSummary } from "~/components/ui/form-fields";
import { isUuid } from "~/shared/meetings/form-values";
import { isBeforeOpening } from "~/shared/meetings/meeting-stage";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import type { FormResult } from "~/utils/command-response.server";
import { findMeeting } from "../../../db/queries/meetings";
import { authorize } from "../../../server/policies/authorize";
import { meetingPolicy } from "../../../server/policies/meeting-policy";
import { AgendaBuilder } from "./agenda-builder";
import { AgendaItemForm } from "./agenda-item-form";
import { AttendanceSection } from "./attendance-section";
import { handleMeetingAction } from "./meeting-actions.server";
import { loadMeetingPage } from "./meeting-page-data.server";
import { readFormData } from "~/utils/request-body.server";
import { PublishSection, type PublishResult } from "./publish-section";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meeting.title}, ${data.meeting.when} – Minuted` : "Meeting – Minuted" },
];

async function requireMeeting(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  // Another organisation's meeting, or no meeting: the same 404.
  const meeting = isUuid(args.params.meetingId)
    ? await findMeeting(args.context.services.db, org.id, args.params.meetingId)
    : null;
  if (!meeting) throw notFound();
  return { user, org, principal, meeting };
}

export async function loader(args: LoaderFunctionArgs) {
  const { org, principal, meeting } = await requireMeeting(args);
  authorizeOr403(() => authorize(meetingPolicy.view(principal, meeting)));
  const search = new URL(args.request.url).searchParams;
  const page = await loadMeetingPage(args.context.services.db, {
    organisationId: org.id,
    principal,
    meeting,
    editId: search.get("edit"),
    savedId: search.get("saved"),
  });
  return { orgSlug: org.slug, ...page };
}

export async function action(args: ActionFunctionArgs) {
  const { user, org, principal, meeting } = await requireMeeting(args);
  return handleMeetingAction(
    {
      db: args.context.services.db,
      documents: args.context.services.documents,
      principal,
      actor: { userId: user.id, label: user.email, name: user.name },
      organisationId: org.id,
      meeting,
      pageUrl: `/o/${org.slug}/meetings/${meeting.id}`,
    },
    await readFormData(args.request),
  );
}

export default function MeetingPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const { meeting, body, permissions, orgSlug } = page;
  const base = `/o/${orgSlug}/meetings/${meeting.id}`;
  const errors = result?.fieldErrors;

  return (
    <>
      <ErrorSummary errors={errors} />
      <ResultBanner message={result?.message ?? page.savedMessage} />
      <p>
        <Link to={`/o/${orgSlug}/meetings`} className="back-link">
          Back to meetings
        </Link>
      </p>
      <h1>
        <span className="page-caption">{meeting.kind}</span>
        {meeting.title}
      </h1>

      <dl className="summary-rows">
        <div>
          <dt>Status</dt>
          <dd>
            <MeetingStatusTag status={meeting.status} />
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{meeting.when}</dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {meeting.place ? <span className="meeting-place">{meeting.place}</span> : null}
            {meeting.onlineLink ? (
              <a href={meeting.onlineLink} rel="noreferrer noopener" target="_blank">
                Join online<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Body</dt>
          <dd>
            <Link to={`/o/${orgSlug}/bodies/${body.id}`}>{body.name}</Link>
            <span className="hint"> · quorum {body.quorum}</span>
          </dd>
        </div>
      </dl>

      <ul className="meeting-links">
        <li>
          <Link to={`${base}/session`} className="button">
            Open the live session
          </Link>
        </li>
        <li>
          <Link to={`${base}/present`} className="button button--secondary">
            Projector view
          </Link>
        </li>
        <li>
          <Link to={`${base}/pack`} className="button button--secondary">
            Agenda and minuted packs
          </Link>
        </li>
      </ul>

      <MemberHelpPanel orgSlug={orgSlug} meetingId={meeting.id} {...page.memberHelp} />

      <PublishSection
        status={meeting.status}
        canPublish={permissions.manage}
        published={page.publishedAgenda}
        orgSlug={orgSlug}
        result={result?.intent === "publish" ? (result as PublishResult) : undefined}
      />

      <AgendaBuilder items={page.items} canEdit={permissions.editAgenda} editingId={page.editing?.id ?? null} />

      {permissions.editAgenda && page.choices ? (
        <>
          {page.missingStandardItems.length ? (
            <div className="standard-items">
              <p>
                Every agenda usually opens with the standard items.{" "}
                {page.missingStandardItems.length === 1 ? "This one is" : "These are"} missing:
              </p>
              <ul className="plain-list">
                {page.missingStandardItems.map((missing) => (
                  <li key={missing.kind}>
                    <Form method="post" className="inline-action">
                      <input type="hidden" name="intent" value="add-standard" />
                      <input type="hidden" name="kind" value={missing.kind} />
                      <button className="button button--secondary button--small" type="submit">
                        Put back “{missing.label}”
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <AgendaItemForm
            key={page.editing?.id ?? `new-${page.items.length}`}
            editing={page.editing}
            choices={page.choices}
            bodyAreaId={body.areaId}
            cancelHref={base}
            result={result?.intent === "add-item" || result?.intent === "update-item" ? result : undefined}
          />
        </>
      ) : null}

      <AttendanceSection
        rows={page.attendance}
        expected={page.expected}
        body={body}
        canManage={permissions.manage && isBeforeOpening(meeting)}
        canCorrect={permissions.manage && meeting.status !== "in_session" && meeting.status !== "minutes_approved"}
        invitable={page.invitable}
        result={result}
      />
    </>
  );
}
