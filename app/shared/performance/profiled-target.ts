/**
 * Profiled targets: a year's target set month by month (a trajectory, e.g. arrears
 * falling towards March, or lettings bunched after a new-build handover). A month
 * missing from the profile keeps the annual target.
 */
import type { IndicatorRule, TargetRule } from "./types";

/** The target of one period: the profile's figure for it, else the annual target. */
export function targetForPeriod(target: TargetRule, period: string): TargetRule {
  const profiled = target.profile?.[period];
  return typeof profiled === "number" && Number.isFinite(profiled) ? { ...target, target: profiled } : target;
}

/**
 * The year-to-date target over the periods of the year so far (oldest first, as
 * yearToDatePeriods gives them), combined the way the figures themselves are:
 *
 * - sum: Σ of each period's target (lettings so far against the lettings planned so far)
 * - ratio / mean: the mean of each period's target (a rate is never added up)
 * - snapshot / survey: the latest period's target (a position at the period's end)
 *
 * Null when there is no target or no period.
 */
export function yearToDateTarget(
  rule: Pick<IndicatorRule, "aggregation">,
  target: TargetRule | null,
  periods: readonly string[],
): number | null {
  if (target === null || target.target === null || periods.length === 0) return null;
  const each = periods.map((p) => targetForPeriod(target, p).target as number);
  switch (rule.aggregation) {
    case "sum":
      return each.reduce((a, b) => a + b, 0);
    case "ratio":
    case "mean":
      return each.reduce((a, b) => a + b, 0) / each.length;
    case "snapshot":
    case "survey":
      return each[each.length - 1];
  }
}
