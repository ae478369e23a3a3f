import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrgMember } from "~/utils/auth.server";
import { formatUkDate, formatUkDateTime, formatUkDay } from "~/shared/dates";
import type { OwedItem } from "~/shared/home/what-they-owe";
import { monthLabel } from "~/shared/performance/periods";
import { statusPresentation, type TargetStatus } from "~/shared/performance/status";
import { loadHomePage } from "../../server/home/home-page-data";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.orgName ?? "Organisation"} – Minuted` }];

/** Each person's home page: what they owe and what is next for them (server/home/home-page-data.ts decides). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, user, principal } = await requireOrgMember(request, context, params.orgSlug);
  const home = await loadHomePage(context.services.db, { organisationId: org.id, principal, user });
  const item = (i: OwedItem) => ({ ...i, dueByText: formatUkDay(i.dueBy) });
  return {
    orgName: org.name,
    orgSlug: org.slug,
    userName: user.name,
    today: formatUkDate(new Date()),
    owed: home.owed
      ? {
          period: home.owed.period,
          figures: home.owed.figures.map(item),
          commentaries: home.owed.commentaries.map(item),
          actions: home.owed.actions.map((a) => ({ ...a, dueDateText: formatUkDay(a.dueDate) })),
          due: { figures: formatUkDay(home.owed.due.figures), commentaries: formatUkDay(home.owed.due.commentaries) },
        }
      : null,
    meetings: home.meetings.map((m) => ({
      id: m.id,
      title: m.title,
      bodyName: m.bodyName,
      when: formatUkDateTime(m.startsAt),
      papers: m.papers,
    })),
    coverReports: home.coverReports.map((r) => ({ ...r, when: formatUkDate(r.startsAt) })),
    month: home.month
      ? {
          ...home.month,
          due: { figures: formatUkDay(home.month.due.figures), commentaries: formatUkDay(home.month.due.commentaries) },
        }
      : null,
    scorecard: home.scorecard,
  };
}

/** Figures or commentaries owed: each with what is there now and when it is (or was) due. */
function OwedList(props: {
  testId: string;
  items: (OwedItem & { dueByText: string })[];
  href: (code: string) => string;
  words: Record<OwedItem["state"], string>;
  ownerNote: string;
  none: string;
}) {
  if (props.items.length === 0) return <p>{props.none}</p>;
  return (
    <ul data-testid={props.testId}>
      {props.items.map((item) => (
        <li key={item.code} data-code={item.code}>
          <Link to={props.href(item.code)}>
            {item.code} {item.title}
          </Link>
          : {props.words[item.state]}
          {item.as === "owner" ? ` (${props.ownerNote})` : ""}.{" "}
          {item.overdue ? <strong>Overdue: it was due by {item.dueByText}.</strong> : `Due by ${item.dueByText}.`}
        </li>
      ))}
    </ul>
  );
}

const STATUS_ORDER: TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_target", "no_data"];

export default function OrganisationHome() {
  const data = useLoaderData<typeof loader>();
  const base = `/o/${data.orgSlug}`;
  const { owed } = data;
  return (
    <>
      <h1>{data.orgName}</h1>
      <p className="lede">
        Welcome, {data.userName}. Today is {data.today}.
      </p>

      {data.month ? (
        <section aria-labelledby="home-month" className="home-section">
          <h2 id="home-month">Month in progress: {monthLabel(data.month.period)}</h2>
          <p>
            Figures due by {data.month.due.figures}; commentaries by {data.month.due.commentaries}.
          </p>
          <ul>
            <li>{data.month.figures} figures missing</li>
            <li>{data.month.unverified} figures not verified</li>
            <li>{data.month.commentaries} commentaries not ready</li>
          </ul>
          <p>
            <Link to={`${base}/months`}>Open the month in progress</Link>
          </p>
        </section>
      ) : null}

      {owed ? (
        <section aria-labelledby="home-owed" className="home-section">
          <h2 id="home-owed">What you owe for {monthLabel(owed.period)}</h2>
          <h3>Figures (due by {owed.due.figures})</h3>
          <OwedList
            testId="owed-figures"
            items={owed.figures}
            href={(code) => `${base}/indicators/${encodeURIComponent(code)}?period=${owed.period}`}
            words={{ missing: "no figure yet", draft: "a draft figure, not submitted" }}
            ownerNote="you own this indicator; its manager enters the figure"
            none={`No figures owed: every figure of yours for ${monthLabel(owed.period)} is in.`}
          />
          <h3>Commentaries (due by {owed.due.commentaries})</h3>
          <OwedList
            testId="owed-commentaries"
            items={owed.commentaries}
            href={(code) => `${base}/exceptions/${encodeURIComponent(code)}?period=${owed.period}`}
            words={{ missing: "not started", draft: "in draft, not marked ready" }}
            ownerNote="you own this indicator"
            none={`No commentaries owed for ${monthLabel(owed.period)}.`}
          />
          {data.coverReports.length ? (
            <>
              <h3>Cover reports</h3>
              <ul data-testid="owed-cover-reports">
                {data.coverReports.map((r) => (
                  <li key={r.itemId}>
                    <Link to={`${base}/meetings/${r.meetingId}/reports/${r.itemId}`}>{r.itemTitle}</Link> for {r.meetingTitle} on{" "}
                    {r.when}: {r.coverReportId ? "started" : "not started"}.
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h3>Your actions</h3>
          {owed.actions.length ? (
            <ul data-testid="owed-actions">
              {owed.actions.map((a) => (
                <li key={a.id}>
                  <Link to={`${base}/actions/${a.id}`}>{a.description}</Link>:{" "}
                  {a.overdue ? <strong>Overdue: it was due by {a.dueDateText}.</strong> : `due by ${a.dueDateText}.`}
                </li>
              ))}
            </ul>
          ) : (
            <p>No open actions of yours.</p>
          )}
        </section>
      ) : null}

      {data.meetings.length ? (
        <section aria-labelledby="home-meetings" className="home-section">
          <h2 id="home-meetings">Your next meetings</h2>
          <ul data-testid="next-meetings">
            {data.meetings.map((m) => (
              <li key={m.id}>
                <Link to={`${base}/meetings/${m.id}`}>{m.title}</Link> ({m.bodyName}), {m.when}.{" "}
                {m.papers ? (
                  <Link to={`${base}/packs/${m.papers.packId}/v/${m.papers.version}`}>Papers for {m.title}</Link>
                ) : (
                  "Papers not yet published."
                )}{" "}
                <Link to={`${base}/meetings/${m.id}/apologies`}>Send apologies for {m.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.scorecard ? (
        <section aria-labelledby="home-scorecard" className="home-section">
          <h2 id="home-scorecard">Scorecard: {monthLabel(data.scorecard.period)}</h2>
          <ul>
            {STATUS_ORDER.filter((s) => data.scorecard?.counts[s]).map((s) => (
              <li key={s}>
                {statusPresentation(s).label}: {data.scorecard?.counts[s]}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`${base}/scorecard`}>Open the scorecard</Link>
          </p>
        </section>
      ) : null}

      <h2>Everything else</h2>
      <ul className="cards">
        <li className="card">
          <h3>
            <Link to={`${base}/scorecard`}>Scorecard</Link>
          </h3>
          <p>Indicators against target, direction of travel and quartile, by period and area.</p>
        </li>
        <li className="card">
          <h3>
            <Link to={`${base}/meetings`}>Meetings</Link>
          </h3>
          <p>Performance Committee, area panels and clinics: agendas, live sessions and minutes.</p>
        </li>
        <li className="card">
          <h3>
            <Link to={`${base}/actions`}>Actions</Link>
          </h3>
          <p>The action log carried forward from meeting to meeting until each action closes.</p>
        </li>
        <li className="card">
          <h3>
            <Link to={`${base}/packs`}>Packs</Link>
          </h3>
          <p>Agenda packs and minuted packs: frozen, versioned and verifiable.</p>
        </li>
      </ul>
    </>
  );
}
