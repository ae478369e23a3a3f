import type { Database } from "../../db/client";
import { directionPresentation } from "../../app/shared/performance/direction";
import { formatValue } from "../../app/shared/performance/format";
import { quartileLabel } from "../../app/shared/performance/quartile";
import { statusPresentation } from "../../app/shared/performance/status";
import { chooseTarget } from "../../app/shared/performance/target-choice";
import { buildYearEndRow, type YearEndLine } from "../../app/shared/performance/year-end";
import { historyWindow, loadIndicatorSeries, organisationWideFigures, peerDataOf } from "./scorecard";

/**
 * The year-end view of the whole organisation for the year ending in March of `period`'s
 * financial year: each indicator's outturn against the annual target, last year's
 * outturn, better or worse, and quartile (buildYearEndRow).
 */
export async function loadYearEnd(db: Database, organisationId: string, period: string): Promise<YearEndLine[]> {
  const { series, areas } = await loadIndicatorSeries(db, organisationId, historyWindow(period), {
    scope: { kind: "organisation" },
  });
  return series.map((s) => {
    const row = buildYearEndRow({
      rule: s.rule,
      target: chooseTarget(s.rule, s.targets, period, null).target,
      // The first peer group (in name order), as the scorecard row's own quartile.
      benchmark: peerDataOf(s, period)[0] ?? null,
      series: organisationWideFigures(s, areas),
      period,
    });
    const fmt = (v: number | null) => formatValue(s.rule, v);
    const direction = directionPresentation(row.direction, s.indicator.polarity);
    return {
      ...row,
      code: s.indicator.code,
      title: s.indicator.title,
      theme: s.indicator.theme,
      polarity: s.indicator.polarity,
      outturnText: fmt(row.outturn),
      annualTargetText: row.annualTarget === null ? "No target" : fmt(row.annualTarget),
      statusText: statusPresentation(row.status).label,
      lastYearText: fmt(row.lastYearOutturn),
      directionText: direction.label,
      quartileText: quartileLabel(row.quartile),
    };
  });
}
