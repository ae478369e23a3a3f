import type { Direction } from "../../app/shared/performance/direction";
import { formatValue } from "../../app/shared/performance/format";
import { peerPositionText, peersInOneLine, type PeerComparison } from "../../app/shared/performance/peer-groups";
import { DEFAULT_EXCEPTION_RULE, isException } from "../../app/shared/performance/exceptions";
import { STATUS_SEVERITY, statusPresentation, type TargetStatus } from "../../app/shared/performance/status";
import { statusTextWithBasis } from "../../app/shared/performance/status-basis";
import { NO_AREA_TARGET, type TargetScope } from "../../app/shared/performance/target-choice";
import type { Polarity } from "../../app/shared/performance/types";
import type { ExceptionRule, StatusBasis } from "../../app/shared/vocabulary";
import type { Scorecard, ScorecardEntry } from "./scorecard";

/** One scorecard line as the page, the CSV export and the pack show it: values already formatted. */
export type ScorecardLine = {
  code: string;
  title: string;
  theme: string;
  unit: string;
  polarity: Polarity;
  tenantTopTen: boolean;
  byArea: boolean;
  owner: string | null;
  reportingPeriod: string;
  value: number | null;
  valueText: string;
  target: number | null;
  targetText: string;
  tolerance: number | null;
  /** The status the indicator is judged by (its statusBasis: the period's or year to date). */
  status: TargetStatus;
  statusBasis: StatusBasis;
  /** The period's figure against the period's target, whatever the basis. */
  periodStatus: TargetStatus;
  /** The reporting period's figure is marked unaudited. */
  unaudited: boolean;
  /** The status in words: "No area target" where an area has none of its own and the organisation's does not fit it. */
  statusText: string;
  /** Whose target: the area's own, the organisation's, or none. */
  targetScope: TargetScope | null;
  ytdTarget: number | null;
  ytdStatus: TargetStatus;
  directionVsLastYear: Direction;
  directionVsPreviousPeriod: Direction;
  previousYearValue: number | null;
  previousYearText: string;
  ytd: number | null;
  ytdText: string;
  /** The first peer group's position (in name order); `peers` has every group's. */
  quartile: 1 | 2 | 3 | 4 | null;
  /** Every group in one line: "Top 25% against Metropolitan housing companies 2025/26 peers; ...". */
  quartileText: string;
  /** Each peer group's latest data from before the figure's year, and where the figure stands among it. */
  peers: PeerComparison[];
  sparkline: (number | null)[];
  decimals: number;
};

export function toScorecardLine(entry: ScorecardEntry): ScorecardLine {
  const { indicator, rule, row } = entry;
  const fmt = (v: number | null) => formatValue(rule, v);
  return {
    code: indicator.code,
    title: indicator.title,
    theme: indicator.theme,
    unit: indicator.unit,
    polarity: indicator.polarity,
    tenantTopTen: indicator.tenantTopTen,
    byArea: indicator.byArea,
    owner: indicator.ownerName,
    reportingPeriod: row.reportingPeriod,
    value: row.value,
    valueText: fmt(row.value),
    target: row.target,
    targetText: entry.noAreaTarget ? NO_AREA_TARGET : row.target === null ? "No target" : fmt(row.target),
    tolerance: row.tolerance,
    status: row.status,
    statusBasis: row.statusBasis,
    periodStatus: row.periodStatus,
    unaudited: row.unaudited,
    statusText: entry.noAreaTarget ? NO_AREA_TARGET : statusTextWithBasis(statusPresentation(row.status).label, row.statusBasis),
    targetScope: entry.targetScope,
    ytdTarget: row.ytdTarget,
    ytdStatus: row.ytdStatus,
    directionVsLastYear: row.directionVsLastYear,
    directionVsPreviousPeriod: row.directionVsPreviousPeriod,
    previousYearValue: row.previousYearValue,
    previousYearText: fmt(row.previousYearValue),
    ytd: row.ytd,
    ytdText: fmt(row.ytd),
    quartile: row.quartile,
    quartileText: peersInOneLine(rule, entry.peers),
    peers: entry.peers,
    sparkline: row.sparkline,
    decimals: indicator.decimals,
  };
}

export type ScorecardFilters = {
  theme?: string | null;
  /** Only the exceptions, by the organisation's rule (the exception view). */
  exceptionsOnly?: boolean;
  exceptionRule?: ExceptionRule;
  tenantTopTenOnly?: boolean;
  sort?: ScorecardSort;
};

export const SCORECARD_SORTS = ["theme", "code", "status", "direction"] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

const DIRECTION_ORDER: Record<Direction, number> = { worse: 0, same: 1, better: 2, none: 3 };

/** Filters and sorts a scorecard; the exception view is `exceptionsOnly`. */
export function scorecardLines(scorecard: Scorecard, filters: ScorecardFilters = {}): ScorecardLine[] {
  const lines = scorecard.entries
    .map(toScorecardLine)
    .filter((l) => !filters.theme || l.theme === filters.theme)
    .filter((l) => !filters.exceptionsOnly || isException(l.status, filters.exceptionRule ?? DEFAULT_EXCEPTION_RULE))
    .filter((l) => !filters.tenantTopTenOnly || l.tenantTopTen);
  const byCode = (a: ScorecardLine, b: ScorecardLine) => a.code.localeCompare(b.code, "en-GB", { numeric: true });
  switch (filters.sort ?? "theme") {
    case "code":
      return lines.sort(byCode);
    case "status":
      return lines.sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status] || byCode(a, b));
    case "direction":
      return lines.sort(
        (a, b) => DIRECTION_ORDER[a.directionVsLastYear] - DIRECTION_ORDER[b.directionVsLastYear] || byCode(a, b),
      );
    default:
      return lines; // already in theme order, then code
  }
}

/** The JSON API's row: documented in the README, stable for integrations. */
export function toApiRow(line: ScorecardLine) {
  return {
    code: line.code,
    title: line.title,
    unit: line.unit,
    polarity: line.polarity,
    period: line.reportingPeriod,
    value: line.value,
    target: line.target,
    targetScope: line.targetScope,
    tolerance: line.tolerance,
    status: line.status,
    statusBasis: line.statusBasis,
    periodStatus: line.periodStatus,
    unaudited: line.unaudited,
    direction: line.directionVsLastYear,
    previousYearValue: line.previousYearValue,
    ytd: line.ytd,
    ytdTarget: line.ytdTarget,
    ytdStatus: line.ytdStatus,
    quartile: line.quartile,
    peers: line.peers.map((p) => ({
      peerGroup: p.peerGroup,
      year: p.year,
      quartile: p.quartile,
      quartileText: peerPositionText(line, p),
      upperQuartile: p.upper,
      median: p.median,
      lowerQuartile: p.lower,
    })),
  };
}
