/**
 * Forecast year-end outturn.
 *
 * Method: assume the rest of the year goes as the year so far.
 * - ratio and mean: the year-to-date rate, 100 × Σnumerator / Σdenominator
 *   (or Σnumerator / Σdenominator). The year's figure is itself a ratio of
 *   sums, so the year-to-date rate is already the best estimate of it; there
 *   is nothing to scale.
 * - sum: the year-to-date total × (periods in a year ÷ periods elapsed), where
 *   periods are those due for the frequency: six months of a monthly count
 *   are doubled, one quarter of a quarterly count is quadrupled. Elapsed
 *   periods are counted by the calendar, not by how many figures arrived, so
 *   a missing month pulls the forecast down rather than being silently
 *   assumed average.
 * - snapshot: the latest value. A snapshot is a position (arrears at month
 *   end), not a flow, so the best guess for March is where it stands now.
 * - survey: the latest result, for the same reason.
 *
 * Returns null when there is no data in the year to date.
 */
import { periodsPerYear, yearToDatePeriods } from "./periods";
import { combinePeriods } from "./rollup";
import type { Figure, IndicatorRule } from "./types";

/** The method above in plain English, for the page and the pack. */
export const FORECAST_METHOD_DESCRIPTION =
  "The forecast assumes the rest of the year continues as the year so far: for percentages and averages it is the year-to-date figure; for totals it is the year-to-date total scaled up to a full year (for example, six months' total multiplied by 12 and divided by 6); for positions at a point in time and survey results it is the latest figure.";

/**
 * Forecasts the outturn for the financial year containing `period`, using the
 * figures from April up to and including `period`. Figures outside that
 * range, or in periods not due for the indicator's frequency, are ignored,
 * so the whole series may be passed in.
 */
export function forecastOutturn(
  rule: Pick<IndicatorRule, "aggregation" | "frequency">,
  figures: readonly Figure[],
  period: string,
): number | null {
  const due = yearToDatePeriods(period, rule.frequency);
  if (due.length === 0) return null;
  const inYear = new Set(due);
  const yearToDate = figures.filter((figure) => inYear.has(figure.period));
  return forecastFromYearToDate(rule, combinePeriods(rule, yearToDate), due.length);
}

/**
 * The same forecast from an already combined year-to-date figure and the
 * number of periods due so far, for callers (the scorecard row) that have
 * both to hand and should not combine the year twice.
 */
export function forecastFromYearToDate(
  rule: Pick<IndicatorRule, "aggregation" | "frequency">,
  yearToDate: number | null,
  periodsElapsed: number,
): number | null {
  if (yearToDate === null || periodsElapsed <= 0) return null;
  if (rule.aggregation === "sum") return (yearToDate * periodsPerYear(rule.frequency)) / periodsElapsed;
  return yearToDate;
}
