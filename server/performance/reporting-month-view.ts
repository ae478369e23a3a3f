import type { Database } from "../../db/client";
import { isPublishedPeriod, monthInProgress } from "../../app/shared/performance/reporting-period";
import { hasRole, type Principal } from "../policies/principal";
import { reportingPeriods } from "./scorecard";

export type ReportingMonthView = {
  /** The month shown is not published yet: the page marks it "Not yet published". */
  notYetPublished: boolean;
  /** The month being worked on, offered one click away to those who work on it (admins, officers). */
  inProgress: string | null;
  lastPublished: string | null;
  /** The latest month a period choice should offer: the month in progress when there is one. */
  latestChoice: string | null;
};

/** Where the month a page shows stands: published or not, and the month in progress for those who work on it. */
export async function reportingMonthView(
  db: Database,
  organisationId: string,
  shown: string | null,
  principal: Principal,
): Promise<ReportingMonthView> {
  const periods = await reportingPeriods(db, organisationId);
  const inProgress = monthInProgress(periods);
  const worksOnIt = hasRole(principal, "officer");
  const candidates = [shown, worksOnIt ? inProgress : null].filter((p): p is string => p !== null).sort();
  return {
    notYetPublished: shown !== null && !isPublishedPeriod(shown, periods.lastPublished),
    inProgress: worksOnIt && inProgress !== shown ? inProgress : null,
    lastPublished: periods.lastPublished,
    latestChoice: candidates.at(-1) ?? null,
  };
}
