import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { RenderedCoverReport } from "~/components/packs/cover-report-view";
import { exemptNotice } from "~/shared/meetings/labels";
import type { CoverReportGap } from "~/shared/packs/cover-report-content";
import coverReportStylesheet from "~/styles/cover-report.css?url";
import meetingsStylesheet from "~/styles/meetings.css?url";
import { CoverReportGaps } from "./cover-report-gaps";
import { loadCoverReportPage, startCoverReport } from "./cover-report-page.server";

const CoverReportEditor = lazy(() => import("~/components/packs/cover-report-editor.client"));

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: meetingsStylesheet },
  { rel: "stylesheet", href: coverReportStylesheet },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Cover report: ${data.item.title}, ${data.meeting.title} – Minuted` : "Cover report – Minuted" },
];

export async function loader(args: LoaderFunctionArgs) {
  return loadCoverReportPage(args);
}

export async function action(args: ActionFunctionArgs) {
  return startCoverReport(args);
}

function useMounted() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

export default function CoverReportPage() {
  const page = useLoaderData<typeof loader>();
  const mounted = useMounted();
  const navigation = useNavigation();
  const [liveGaps, setLiveGaps] = useState<CoverReportGap[] | null>(null);
  const { meeting, item, report } = page;
  const meetingHref = `/o/${page.orgSlug}/meetings/${meeting.id}`;

  return (
    <>
      <p>
        <Link to={meetingHref} className="back-link">
          Back to the meeting
        </Link>
      </p>
      <h1>
        <span className="page-caption">{item.minuteNumber ?? `Item ${item.number}`}: cover report</span>
        {item.title}
      </h1>
      <p className="cover-report-meeting">
        {meeting.title}, {meeting.when}.{item.presenter ? ` Presented by ${item.presenter}.` : ""}
      </p>
      {item.exempt ? (
        <p className="inset">{exemptNotice(item.exemptParagraph)}. This report is kept out of the public copy of the pack.</p>
      ) : null}

      {report ? (
        <>
          {mounted ? (
            <Suspense fallback={<RenderedCoverReport data={report.initial} />}>
              <CoverReportEditor
                documentName={report.documentName}
                user={page.user}
                canWrite={report.canWrite}
                frozen={report.frozen}
                initial={report.initial}
                onGaps={setLiveGaps}
              />
            </Suspense>
          ) : (
            <RenderedCoverReport data={report.initial} />
          )}
          <CoverReportGaps gaps={liveGaps ?? report.gaps} frozen={report.frozen} />
        </>
      ) : (
        <div className="notification" data-testid="no-cover-report">
          <p>No cover report has been written yet.</p>
          {page.meetingOpened ? <p>The meeting has opened, so a cover report can no longer be started for this item.</p> : null}
        </div>
      )}
      {!report && page.canStart ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <button className="button" type="submit" disabled={navigation.state === "submitting"}>
            Start the cover report
          </button>
        </Form>
      ) : null}
    </>
  );
}
