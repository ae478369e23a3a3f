/**
 * Which target a figure is judged against: the one rule the scorecard page, the
 * indicator page, the API, the CSV export and the pack all follow.
 */
import { financialYearOf, latestPeriodForFrequency } from "./periods";
import { isAdditiveUnit } from "./rollup";
import type { IndicatorRule, TargetRule } from "./types";

/** A stored target: per financial year ("2025/26") and area (null: the whole organisation). */
export interface StoredTarget extends TargetRule {
  year: string;
  areaId: string | null;
}

/** What an area row says where it has no target of its own and the organisation's does not fit it. */
export const NO_AREA_TARGET = "No area target";

/** Whose target a row is judged against; null when none. */
export type TargetScope = "area" | "organisation";

export interface TargetChoice {
  target: TargetRule | null;
  scope: TargetScope | null;
  /**
   * True when the organisation has a target but an area without its own is not judged
   * against it (a count or a sum of money): shown as "No area target".
   */
  noAreaTarget: boolean;
}

/**
 * Whether an area with no target of its own can be judged against the organisation's.
 * A rate, a percentage, an average or a survey result means the same in an area as
 * across the organisation. A figure that adds up across areas (a count or money, summed
 * or at the period end; see combineAreas) does not: £1.2m of arrears is the whole
 * organisation's target, and every area would be "on target" against it.
 */
export function organisationTargetFitsAreas(rule: Pick<IndicatorRule, "aggregation" | "unit">): boolean {
  if (rule.aggregation === "sum") return false;
  if (rule.aggregation === "snapshot") return !isAdditiveUnit(rule.unit);
  return true;
}

/**
 * The target for an indicator, reporting period and area (null: the whole
 * organisation). The year is that of the period the figure is for (a quarterly
 * indicator reported in April shows March, judged against March's year). An area's
 * own target comes first; otherwise the organisation's, where it fits the area.
 */
export function chooseTarget(
  rule: Pick<IndicatorRule, "aggregation" | "unit" | "frequency" | "polarity">,
  targets: readonly StoredTarget[],
  period: string,
  areaId: string | null,
): TargetChoice {
  const none: TargetChoice = { target: null, scope: null, noAreaTarget: false };
  if (rule.polarity === "none") return none; // contextual: never judged
  const year = financialYearOf(latestPeriodForFrequency(period, rule.frequency));
  if (areaId !== null) {
    const own = targets.find((t) => t.year === year && t.areaId === areaId);
    if (own) return { target: own, scope: "area", noAreaTarget: false };
  }
  const whole = targets.find((t) => t.year === year && t.areaId === null);
  if (!whole) return none;
  if (areaId !== null && !organisationTargetFitsAreas(rule)) return { ...none, noAreaTarget: true };
  return { target: whole, scope: "organisation", noAreaTarget: false };
}
