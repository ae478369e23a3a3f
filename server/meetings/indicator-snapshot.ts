import { and, eq } from "drizzle-orm";
import type { TargetStatus } from "../../app/shared/performance/status";
import type { Database } from "../../db/client";
import { indicators } from "../../db/schema/performance";
import {
  historyWindow,
  defaultReportingPeriod,
  loadIndicatorSeries,
  organisationWideFigures,
  scorecardEntry,
} from "../performance/scorecard";
import { toScorecardLine } from "../performance/scorecard-view";

/** An indicator's organisation-wide figure as the scorecard shows it in one reporting month. */
export type IndicatorSnapshot = {
  indicatorId: string;
  code: string;
  title: string;
  /** The indicator's own reporting period (a quarterly indicator reports at the quarter end). */
  period: string;
  status: TargetStatus;
  valueText: string;
};

/**
 * The linked indicators' status in a reporting month, computed by the scorecard's own
 * functions so that the action log can never disagree with the scorecard. Used twice: to
 * snapshot the status of the month an action is raised for, and to show the status of
 * the month being viewed beside that snapshot. Without a month named, the month every
 * page shows by default: the last published one, never an early figure of a month still
 * open (which once made a snapshot of half-entered figures). An organisation with no
 * figures yet has no reporting period: the map is empty.
 */
export async function indicatorSnapshots(
  db: Database,
  organisationId: string,
  indicatorIds: Iterable<string>,
  month?: string | null,
): Promise<Map<string, IndicatorSnapshot>> {
  const wanted = new Set(indicatorIds);
  const result = new Map<string, IndicatorSnapshot>();
  if (wanted.size === 0) return result;
  const period = month ?? (await defaultReportingPeriod(db, organisationId));
  if (!period) return result;
  // One indicator (an action added by hand, one action page): load only its series.
  let code: string | undefined;
  if (wanted.size === 1) {
    const [only] = await db
      .select({ code: indicators.code })
      .from(indicators)
      .where(and(eq(indicators.id, [...wanted][0]), eq(indicators.organisationId, organisationId)))
      .limit(1);
    if (!only) return result;
    code = only.code;
  }
  const { series, areas } = await loadIndicatorSeries(db, organisationId, historyWindow(period), {
    code,
    scope: { kind: "organisation" },
  });
  for (const s of series) {
    if (!wanted.has(s.indicator.id)) continue;
    const line = toScorecardLine(scorecardEntry(s, organisationWideFigures(s, areas), period));
    result.set(s.indicator.id, {
      indicatorId: s.indicator.id,
      code: s.indicator.code,
      title: s.indicator.title,
      period: line.reportingPeriod,
      status: line.status,
      valueText: line.valueText,
    });
  }
  return result;
}
