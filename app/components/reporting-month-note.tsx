import { Link } from "@remix-run/react";
import { monthLabel } from "~/shared/performance/periods";

/**
 * Says whether the month on the page is published, and offers the month in progress to
 * those who work on it. Text, not colour: "Not yet published" is read out as it is shown.
 */
export function ReportingMonthNote({
  period,
  notYetPublished,
  inProgress,
  lastPublished,
  hrefFor,
}: {
  period: string;
  notYetPublished: boolean;
  inProgress: string | null;
  lastPublished: string | null;
  hrefFor: (period: string) => string;
}) {
  if (!notYetPublished && !inProgress) return null;
  return (
    <div className="notification" role="note">
      {notYetPublished ? (
        <p>
          <strong>Not yet published.</strong> The figures for {monthLabel(period)} are still being entered and checked.{" "}
          {lastPublished ? (
            <Link to={hrefFor(lastPublished)}>See {monthLabel(lastPublished)}, the last published month</Link>
          ) : (
            "No month has been published yet."
          )}
        </p>
      ) : null}
      {inProgress ? (
        <p>
          <Link to={hrefFor(inProgress)}>Month in progress: {monthLabel(inProgress)}</Link> (not yet published).
        </p>
      ) : null}
    </div>
  );
}
