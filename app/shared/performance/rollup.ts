/**
 * Combining figures: across the periods of a year (year to date) and across
 * areas (the organisation-wide figure for one period).
 *
 * The one rule that matters most: a percentage or an average is never
 * averaged. Rent collected is 100 × Σcollected / Σdue over the months (or
 * areas), not the mean of the monthly percentages, because a month (or an
 * area) with more rent due must weigh more. The same holds for average days
 * to re-let: Σdays / Σlets. That is why ratio and mean figures carry their
 * numerator and denominator.
 *
 * Nothing here rounds: combine at full precision, round when presenting.
 */
import type { AreaFigure, Figure, IndicatorRule, Unit } from "./types";

export { roundTo } from "./rounding";

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Ratio indicators are percentages: 100 × numerator / denominator. */
function ratioScale(rule: Pick<IndicatorRule, "aggregation">): number {
  return rule.aggregation === "ratio" ? 100 : 1;
}

/**
 * The value of one figure. Normally the stored value; a ratio or mean figure
 * entered only as numerator and denominator gets its value derived, so a
 * figure is never shown as missing when its components are there.
 */
export function figureValue(rule: Pick<IndicatorRule, "aggregation">, figure: Figure | undefined): number | null {
  if (!figure) return null;
  if (isNumber(figure.value)) return figure.value;
  if (
    (rule.aggregation === "ratio" || rule.aggregation === "mean") &&
    isNumber(figure.numerator) &&
    isNumber(figure.denominator) &&
    figure.denominator !== 0
  ) {
    return (ratioScale(rule) * figure.numerator) / figure.denominator;
  }
  return null;
}

/** True when the figure carries something to combine. */
function hasData(figure: Figure): boolean {
  return isNumber(figure.value) || (isNumber(figure.numerator) && isNumber(figure.denominator));
}

/**
 * scale × Σnumerator / Σdenominator over the figures that have data.
 *
 * When a figure has a value but no numerator/denominator it cannot be
 * weighted correctly. If it is the only figure, its value is the answer (the
 * ratio of one period is its own value); otherwise the result is null rather
 * than a silently wrong average of percentages.
 */
function ratioOfSums(rule: Pick<IndicatorRule, "aggregation">, figures: readonly Figure[]): number | null {
  let numerator = 0;
  let denominator = 0;
  let withData = 0;
  let incomplete: Figure | null = null;
  for (const figure of figures) {
    if (!hasData(figure)) continue;
    withData++;
    if (isNumber(figure.numerator) && isNumber(figure.denominator)) {
      numerator += figure.numerator;
      denominator += figure.denominator;
    } else {
      incomplete = figure;
    }
  }
  if (withData === 0) return null;
  if (incomplete) return withData === 1 ? figureValue(rule, incomplete) : null;
  // No cases at all (e.g. no homes re-let this year): an average of nothing.
  if (denominator === 0) return null;
  return (ratioScale(rule) * numerator) / denominator;
}

/** Σvalue over figures with a value; null when none has one. */
function sumOfValues(rule: Pick<IndicatorRule, "aggregation">, figures: readonly Figure[]): number | null {
  let total = 0;
  let any = false;
  for (const figure of figures) {
    const value = figureValue(rule, figure);
    if (value === null) continue;
    total += value;
    any = true;
  }
  return any ? total : null;
}

/**
 * The value of the latest period that has one. Periods compare as strings
 * because "YYYY-MM" sorts chronologically; one pass, no sorting.
 */
function latestValue(rule: Pick<IndicatorRule, "aggregation">, figures: readonly Figure[]): number | null {
  let latestPeriod = "";
  let latest: number | null = null;
  for (const figure of figures) {
    const value = figureValue(rule, figure);
    if (value === null) continue;
    if (figure.period >= latestPeriod) {
      latestPeriod = figure.period;
      latest = value;
    }
  }
  return latest;
}

/**
 * Units whose values add up across areas: money and counts. Everything else
 * (a percentage, a rate per 1,000 homes, an average number of days, a score)
 * is a proportion of something, and adding four areas' proportions gives a
 * meaningless number, so those are averaged weighted by homes instead.
 */
export function isAdditiveUnit(unit: Unit): boolean {
  return unit === "£" || unit === "count";
}

/**
 * Σ(value × homes) / Σhomes. Null when an area with a value has no positive
 * homes count: weighting it as zero or as average would both be guesses.
 */
function homesWeightedMean(rule: Pick<IndicatorRule, "aggregation">, figures: readonly AreaFigure[]): number | null {
  let weighted = 0;
  let homes = 0;
  for (const figure of figures) {
    const value = figureValue(rule, figure);
    if (value === null) continue;
    if (!isNumber(figure.homes) || figure.homes <= 0) return null;
    weighted += value * figure.homes;
    homes += figure.homes;
  }
  return homes > 0 ? weighted / homes : null;
}

/**
 * Combines the figures of several periods into one year-to-date figure.
 * The caller chooses the periods (see yearToDatePeriods in periods.ts).
 *
 * - ratio: 100 × Σnumerator / Σdenominator (never the mean of percentages)
 * - mean: Σnumerator / Σdenominator (total days / total cases)
 * - snapshot: the latest period's value (a position, e.g. arrears at month
 *   end: adding up month-end positions counts the same debt twelve times)
 * - sum: Σvalue (counts that accumulate)
 * - survey: the latest result (a perception survey is not added up)
 *
 * Returns null when no figure has data.
 */
export function combinePeriods(rule: Pick<IndicatorRule, "aggregation">, figures: readonly Figure[]): number | null {
  switch (rule.aggregation) {
    case "ratio":
    case "mean":
      return ratioOfSums(rule, figures);
    case "sum":
      return sumOfValues(rule, figures);
    case "snapshot":
    case "survey":
      return latestValue(rule, figures);
  }
}

/**
 * Combines the area figures of one period into the organisation-wide figure.
 *
 * - ratio / mean: as for periods, Σnumerator / Σdenominator (× 100 for ratio)
 * - snapshot: Σvalue for money and counts (arrears and empty homes add up);
 *   homes-weighted mean for percentages and other proportions (a 3% arrears
 *   rate in a 4,200-home area outweighs 2.6% in a 2,800-home one)
 * - sum: Σvalue
 * - survey: homes-weighted mean (each area's result stands for its homes)
 *
 * Returns null when no figure has data.
 */
export function combineAreas(rule: Pick<IndicatorRule, "aggregation" | "unit">, figures: readonly AreaFigure[]): number | null {
  switch (rule.aggregation) {
    case "ratio":
    case "mean":
      return ratioOfSums(rule, figures);
    case "sum":
      return sumOfValues(rule, figures);
    case "snapshot":
      return isAdditiveUnit(rule.unit) ? sumOfValues(rule, figures) : homesWeightedMean(rule, figures);
    case "survey":
      return homesWeightedMean(rule, figures);
  }
}
