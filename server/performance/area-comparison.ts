import type { Database } from "../../db/client";
import { formatValue } from "../../app/shared/performance/format";
import { statusPresentation, type TargetStatus } from "../../app/shared/performance/status";
import { NO_AREA_TARGET } from "../../app/shared/performance/target-choice";
import { historyWindow, loadIndicatorSeries, organisationWideFigures, scorecardEntry } from "./scorecard";

export type AreaCell = { value: number | null; valueText: string; status: TargetStatus; statusText: string; ytdText: string };

export type AreaComparisonRow = {
  code: string;
  title: string;
  theme: string;
  polarity: "higher" | "lower" | "none";
  tenantTopTen: boolean;
  targetText: string;
  /** Keyed by area name; "All" is the whole organisation. */
  cells: Record<string, AreaCell>;
};

/**
 * Every indicator broken down by area, with each area's figure beside the others'
 * and the organisation's: what an area panel compares.
 */
export async function loadAreaComparison(db: Database, organisationId: string, period: string) {
  const { series, areas } = await loadIndicatorSeries(db, organisationId, historyWindow(period));
  const rows: AreaComparisonRow[] = [];
  for (const s of series) {
    if (!s.indicator.byArea) continue;
    const cells: Record<string, AreaCell> = {};
    const cell = (figures: Parameters<typeof scorecardEntry>[1], areaId: string | null): AreaCell => {
      const { row, noAreaTarget } = scorecardEntry(s, figures, period, areaId);
      return {
        value: row.value,
        valueText: formatValue(s.rule, row.value),
        status: row.status,
        statusText: noAreaTarget ? NO_AREA_TARGET : statusPresentation(row.status).label,
        ytdText: formatValue(s.rule, row.ytd),
      };
    };
    for (const area of areas) cells[area.name] = cell(s.figuresByArea.get(area.id) ?? [], area.id);
    const whole = cell(organisationWideFigures(s, areas), null);
    cells.All = whole;
    const target = s.targetsByYear.size ? scorecardEntry(s, [], period).row.target : null;
    rows.push({
      code: s.indicator.code,
      title: s.indicator.title,
      theme: s.indicator.theme,
      polarity: s.indicator.polarity,
      tenantTopTen: s.indicator.tenantTopTen,
      targetText: target === null ? "No target" : formatValue(s.rule, target),
      cells,
    });
  }
  return { areas: areas.map((a) => ({ name: a.name, homes: a.homes })), rows };
}
