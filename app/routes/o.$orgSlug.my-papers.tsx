// "My papers": the person's next meetings (the bodies they sit on, the meetings they are
// invited to) with the published agenda pack of each and its cover reports.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MeetingStatusTag } from "~/components/meetings/meeting-status-tag";
import { formatUkDateTime } from "~/shared/dates";
import { papersFor } from "~/shared/members/my-papers";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { listMyNextMeetings } from "../../db/queries/members";
import { authorize } from "../../server/policies/authorize";
import { memberPolicy } from "../../server/policies/member-policy";

export const meta: MetaFunction = () => [{ title: "My papers – Minuted" }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  authorizeOr403(() => authorize(memberPolicy.viewPapers(principal, { organisationId: org.id })));
  const meetings = await listMyNextMeetings(args.context.services.db, org.id, user.id);
  return {
    orgSlug: org.slug,
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      bodyName: m.bodyName,
      status: m.status,
      when: formatUkDateTime(m.startsAt),
      place: m.place,
      papers: papersFor(org.slug, m),
    })),
  };
}

export default function MyPapers() {
  const { orgSlug, meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My papers</h1>
      <p>The papers of your next meetings: the committees and panels you sit on, and the meetings you are invited to.</p>
      {meetings.length === 0 ? <p>You have no meetings coming up.</p> : null}
      <ol className="plain-list my-papers" data-testid="my-papers">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            {/* Named with the date too: a committee's meetings share a title, and each region needs a name of its own. */}
            <section aria-label={`${meeting.title}, ${meeting.when}`}>
              <h2 id={`papers-${meeting.id}`}>
                <Link to={`/o/${orgSlug}/meetings/${meeting.id}`}>{meeting.title}</Link>
              </h2>
              <p>
                {meeting.bodyName}, {meeting.when}
                {meeting.place ? `, ${meeting.place}` : ""}. <MeetingStatusTag status={meeting.status} />
              </p>
              <p>{meeting.papers.summary}</p>
              {meeting.papers.pack ? (
                <ul className="meeting-links">
                  <li>
                    <Link to={meeting.papers.pack.web} className="button">
                      {meeting.papers.pack.label}
                      <span className="visually-hidden"> of {meeting.title}</span>
                    </Link>
                  </li>
                  <li>
                    <a href={meeting.papers.pack.pdf} className="button button--secondary">
                      PDF<span className="visually-hidden"> of the agenda pack of {meeting.title}</span>
                    </a>
                  </li>
                </ul>
              ) : null}
              {meeting.papers.reports.length ? (
                <ul>
                  {meeting.papers.reports.map((report) => (
                    <li key={report.href}>
                      <Link to={report.href}>{report.label}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          </li>
        ))}
      </ol>
    </>
  );
}
