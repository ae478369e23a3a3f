/**
 * Status against target: the traffic light.
 */
import { roundTo, scrubFloat } from "./rounding";
import type { IndicatorRule, TargetRule } from "./types";

export type TargetStatus = "on_target" | "within_tolerance" | "off_target" | "no_target" | "no_data";

/**
 * Judges a value against its target, respecting polarity.
 *
 * Higher is better: value >= target is on target; value >= target −
 * tolerance is within tolerance (amber); anything lower is off target.
 * Lower is better is the mirror image (value <= target, <= target +
 * tolerance).
 *
 * The value is rounded to the indicator's decimals first, because people
 * judge the figure they can see: 98.249 shown as 98.25% against a target of
 * 98.5 with tolerance 0.25 must be amber, not red. The threshold is scrubbed
 * of float noise (0.35 + 0.05 is 0.39999999999999997 in binary) but not
 * rounded, because a tolerance may be finer than the indicator's decimals.
 *
 * Precedence: a contextual indicator (polarity none) or one with no target
 * has nothing to be judged against, whether or not it has data, so it is
 * "no_target"; otherwise a missing value is "no_data".
 */
export function targetStatus(
  rule: Pick<IndicatorRule, "polarity" | "decimals">,
  value: number | null,
  target: TargetRule | null,
): TargetStatus {
  if (rule.polarity === "none" || target === null || target.target === null) return "no_target";
  if (value === null || !Number.isFinite(value)) return "no_data";
  if (!Number.isFinite(target.tolerance) || target.tolerance < 0) {
    // A negative tolerance would make amber unreachable and turn some
    // on-target figures red: a configuration error, so say so loudly.
    throw new RangeError(`Tolerance must be a number >= 0, got ${target.tolerance}`);
  }
  const shown = roundTo(value, rule.decimals);
  const goal = scrubFloat(target.target);
  if (rule.polarity === "higher") {
    if (shown >= goal) return "on_target";
    return shown >= scrubFloat(goal - target.tolerance) ? "within_tolerance" : "off_target";
  }
  if (shown <= goal) return "on_target";
  return shown <= scrubFloat(goal + target.tolerance) ? "within_tolerance" : "off_target";
}

export type StatusShape = "circle" | "triangle" | "square" | "dash" | "none";
export type StatusTone = "green" | "amber" | "red" | "grey";

export interface StatusPresentation {
  label: "On target" | "Within tolerance" | "Off target" | "No target" | "No data";
  /**
   * A glyph to draw beside (or instead of) the colour, so the status reads
   * in greyscale print, on reception screens and for colour-blind members.
   */
  shape: StatusShape;
  tone: StatusTone;
}

const PRESENTATION: Record<TargetStatus, StatusPresentation> = {
  on_target: { label: "On target", shape: "circle", tone: "green" },
  within_tolerance: { label: "Within tolerance", shape: "triangle", tone: "amber" },
  off_target: { label: "Off target", shape: "square", tone: "red" },
  // A dash is the usual mark for a missing figure; a contextual indicator
  // with no target gets no mark at all so it does not look like a gap.
  no_target: { label: "No target", shape: "none", tone: "grey" },
  no_data: { label: "No data", shape: "dash", tone: "grey" },
};

/** Label, shape and tone for a status. Never rely on the tone alone. */
export function statusPresentation(status: TargetStatus): StatusPresentation {
  return PRESENTATION[status];
}

/** Worst to best, for sorting a scorecard so problems come first. */
export const STATUS_SEVERITY: Readonly<Record<TargetStatus, number>> = {
  off_target: 0,
  within_tolerance: 1,
  no_data: 2,
  on_target: 3,
  no_target: 4,
};
