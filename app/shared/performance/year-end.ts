/**
 * The year-end view: what a year-end report to the board says of each indicator in
 * March. The outturn (the year's figure, combined by the indicator's aggregation)
 * against the annual target (never a month's profiled target: the board set the year's),
 * last year's outturn and whether this year is better or worse, and the outturn's
 * quartile among the peer group.
 */
import { directionOfTravel, type Direction } from "./direction";
import { addMonths, financialYearEnd, financialYearOf, isYearly, parsePeriod, yearToDatePeriods } from "./periods";
import { quartilePosition, type QuartilePosition } from "./quartile";
import { combinePeriods } from "./rollup";
import { targetStatus, type TargetStatus } from "./status";
import type { Figure, IndicatorRule, QuartileBoundaries, TargetRule } from "./types";

/** True when a reporting period closes a financial year (March): the year-end view is offered. */
export function isYearEndPeriod(period: string): boolean {
  return parsePeriod(period).month === 3;
}

export interface YearEndInput {
  rule: IndicatorRule;
  /** The financial year's target (its annual figure is used; a profile is ignored). */
  target: TargetRule | null;
  benchmark: QuartileBoundaries | null;
  /** Every figure available, both years, any order. */
  series: readonly Figure[];
  /** Any period of the year; the view is of the year ending in its March. */
  period: string;
}

export interface YearEndRow {
  /** The financial year, "2025/26". */
  year: string;
  outturn: number | null;
  annualTarget: number | null;
  /** The outturn against the annual target. */
  status: TargetStatus;
  lastYearOutturn: number | null;
  /** This year's outturn against last year's, polarity-aware. */
  direction: Direction;
  quartile: QuartilePosition | null;
}

/** One indicator in the year-end report, as the scorecard's year-end view shows it (texts formatted). */
export type YearEndLine = YearEndRow & {
  code: string;
  title: string;
  theme: string;
  polarity: IndicatorRule["polarity"];
  outturnText: string;
  annualTargetText: string;
  statusText: string;
  lastYearText: string;
  directionText: string;
  quartileText: string;
};

/** The year's outturn: the figures of every period of the year, combined as year to date at March. */
function outturnOf(rule: IndicatorRule, byPeriod: Map<string, Figure>, yearEnd: string): number | null {
  const periods = yearToDatePeriods(yearEnd, rule.frequency);
  // A survey every two or three years has an outturn only in the year it ran.
  if (isYearly(rule.frequency) && !byPeriod.has(yearEnd)) return null;
  const figures: Figure[] = [];
  for (const period of periods) {
    const figure = byPeriod.get(period);
    if (figure) figures.push(figure);
  }
  return combinePeriods(rule, figures);
}

export function buildYearEndRow(input: YearEndInput): YearEndRow {
  const { rule, target, benchmark } = input;
  const year = financialYearOf(input.period);
  const yearEnd = financialYearEnd(year);
  const byPeriod = new Map<string, Figure>();
  for (const figure of input.series) byPeriod.set(figure.period, figure);
  const outturn = outturnOf(rule, byPeriod, yearEnd);
  const lastYearOutturn = outturnOf(rule, byPeriod, addMonths(yearEnd, -12));
  const annual: TargetRule | null =
    target && target.target !== null ? { target: target.target, tolerance: target.tolerance } : null;
  return {
    year,
    outturn,
    annualTarget: rule.polarity === "none" ? null : (annual?.target ?? null),
    status: targetStatus(rule, outturn, annual),
    lastYearOutturn,
    direction: directionOfTravel(rule, outturn, lastYearOutturn),
    quartile: quartilePosition(rule, outturn, benchmark),
  };
}
