/**
 * One scorecard row: every derived figure for one indicator, one area and one
 * reporting period. The scorecard page, the JSON API and the pack renderer
 * all call this, so they can never disagree about a status or a trend.
 */
import { directionOfTravel, type Direction } from "./direction";
import { forecastFromYearToDate } from "./forecast";
import {
  latestPeriodForFrequency,
  lastNPeriods,
  parsePeriod,
  previousPeriod,
  samePeriodLastYear,
  yearToDatePeriods,
} from "./periods";
import { targetForPeriod, yearToDateTarget } from "./profiled-target";
import { quartilePosition, type QuartilePosition } from "./quartile";
import { DEFAULT_STATUS_BASIS, judgedStatus } from "./status-basis";
import { combinePeriods, figureValue } from "./rollup";
import { targetStatus, type TargetStatus } from "./status";
import type { Figure, IndicatorRule, QuartileBoundaries, TargetRule } from "./types";
import type { StatusBasis } from "../vocabulary";

/** Periods in a sparkline: this period and the twelve before it, so the same month last year is the first point. */
export const SPARKLINE_LENGTH = 13;

export interface ScorecardRowInput {
  rule: IndicatorRule;
  /**
   * The target for the financial year of `period` (see chooseTarget), or null when none
   * applies. Its profile, if any, gives the period's target and the year-to-date target.
   */
  target: TargetRule | null;
  /** Peer-group boundaries to place the value against, or null. */
  benchmark: QuartileBoundaries | null;
  /** Every figure available for this indicator and area, in any order. */
  series: readonly Figure[];
  /** The reporting period, "YYYY-MM". */
  period: string;
  /** How the status is judged (see status-basis.ts); the period's figure when absent. */
  statusBasis?: StatusBasis;
}

export interface ScorecardRow {
  /**
   * The period the figures are for. Equal to the requested period for
   * monthly indicators; for quarterly and annual ones, the latest quarter-end
   * or year-end at or before it (an October report shows September's
   * quarterly figure rather than "No data").
   */
  reportingPeriod: string;
  value: number | null;
  /** The reporting period's target: from the profile when it has the period, else the annual target. */
  target: number | null;
  tolerance: number | null;
  /** The status the indicator is judged by: periodStatus or ytdStatus, as its statusBasis says. */
  status: TargetStatus;
  statusBasis: StatusBasis;
  /** The period's figure against the period's target. */
  periodStatus: TargetStatus;
  /** The year-to-date target: the profile up to the reporting period, combined by the aggregation. */
  ytdTarget: number | null;
  /** The year-to-date figure judged against the year-to-date target. */
  ytdStatus: TargetStatus;
  directionVsLastYear: Direction;
  directionVsPreviousPeriod: Direction;
  previousYearValue: number | null;
  previousPeriodValue: number | null;
  ytd: number | null;
  forecast: number | null;
  quartile: QuartilePosition | null;
  /** The reporting period's figure is marked unaudited. */
  unaudited: boolean;
  /** Values of the last 13 periods ending at the reporting period, oldest first; null where missing. */
  sparkline: (number | null)[];
}

/**
 * Builds the row. Values are unrounded: round (via formatValue) when showing
 * them. Status, direction and quartile already judge at the indicator's
 * decimals.
 *
 * Performance: the series is indexed once into a Map by period and every
 * lookup after that is O(1); periods are computed by month arithmetic, and
 * nothing is sorted. (Called for ~1,000 indicator/area pairs per scorecard.)
 * If the series holds two figures for one period, the later one wins.
 */
export function buildScorecardRow(input: ScorecardRowInput): ScorecardRow {
  const { rule, target, benchmark, series } = input;
  parsePeriod(input.period); // fail fast on a malformed period
  const reportingPeriod = latestPeriodForFrequency(input.period, rule.frequency);

  const byPeriod = new Map<string, Figure>();
  for (const figure of series) byPeriod.set(figure.period, figure);
  const valueAt = (period: string): number | null => figureValue(rule, byPeriod.get(period));

  const value = valueAt(reportingPeriod);
  const previousPeriodValue = valueAt(previousPeriod(reportingPeriod, rule.frequency));
  const previousYearValue = valueAt(samePeriodLastYear(reportingPeriod));

  const yearToDatePeriodList = yearToDatePeriods(reportingPeriod, rule.frequency);
  const yearToDate: Figure[] = [];
  for (const period of yearToDatePeriodList) {
    const figure = byPeriod.get(period);
    if (figure) yearToDate.push(figure);
  }
  const ytd = combinePeriods(rule, yearToDate);
  const periodTarget = target ? targetForPeriod(target, reportingPeriod) : null;
  const ytdTarget = yearToDateTarget(rule, target, yearToDatePeriodList);
  const periodStatus = targetStatus(rule, value, periodTarget);
  const ytdStatus = targetStatus(
    rule,
    ytd,
    target && ytdTarget !== null ? { target: ytdTarget, tolerance: target.tolerance } : null,
  );
  const statusBasis = input.statusBasis ?? DEFAULT_STATUS_BASIS;

  return {
    reportingPeriod,
    value,
    target: periodTarget?.target ?? null,
    tolerance: periodTarget && periodTarget.target !== null ? periodTarget.tolerance : null,
    status: judgedStatus(statusBasis, { period: periodStatus, yearToDate: ytdStatus }),
    statusBasis,
    periodStatus,
    ytdTarget,
    ytdStatus,
    directionVsLastYear: directionOfTravel(rule, value, previousYearValue),
    directionVsPreviousPeriod: directionOfTravel(rule, value, previousPeriodValue),
    previousYearValue,
    previousPeriodValue,
    ytd,
    forecast: forecastFromYearToDate(rule, ytd, yearToDatePeriodList.length),
    quartile: quartilePosition(rule, value, benchmark),
    unaudited: byPeriod.get(reportingPeriod)?.unaudited === true,
    sparkline: lastNPeriods(reportingPeriod, SPARKLINE_LENGTH, rule.frequency).map(valueAt),
  };
}
