/**
 * Quartile position against a peer group's benchmark boundaries.
 */
import { roundTo, scrubFloat } from "./rounding";
import type { IndicatorRule, Polarity, QuartileBoundaries } from "./types";

export type QuartilePosition = 1 | 2 | 3 | 4;

/**
 * Where a value sits among the peer group: 1 = top quartile (at least as good
 * as the upper-quartile boundary), 2 = at least as good as the median, 3 = at
 * least as good as the lower-quartile boundary, 4 = bottom quartile.
 *
 * "At least as good" follows polarity: for a lower-is-better indicator the
 * boundaries are already in that direction (upper is the smallest number) and
 * a value is as good as a boundary when it is less than or equal to it.
 *
 * The value is rounded to the indicator's decimals so a figure shown as
 * 99.60% against an upper quartile of 99.60 is top quartile.
 *
 * null for contextual indicators (polarity none), and when the value or the
 * boundaries are missing.
 */
export function quartilePosition(
  rule: Pick<IndicatorRule, "polarity" | "decimals">,
  value: number | null,
  boundaries: QuartileBoundaries | null,
): QuartilePosition | null {
  if (rule.polarity === "none" || boundaries === null) return null;
  if (value === null || !Number.isFinite(value)) return null;
  const shown = roundTo(value, rule.decimals);
  const atLeastAsGood =
    rule.polarity === "higher"
      ? (boundary: number) => shown >= scrubFloat(boundary)
      : (boundary: number) => shown <= scrubFloat(boundary);
  if (atLeastAsGood(boundaries.upper)) return 1;
  if (atLeastAsGood(boundaries.median)) return 2;
  if (atLeastAsGood(boundaries.lower)) return 3;
  return 4;
}

/**
 * True when boundaries run from best to worst for the polarity (upper ≥
 * median ≥ lower when higher is better, the reverse when lower is better).
 * Boundaries entered the wrong way round would silently invert every
 * position, so imports should check this.
 */
export function boundariesMatchPolarity(polarity: Polarity, boundaries: QuartileBoundaries): boolean {
  const { upper, median, lower } = boundaries;
  if (polarity === "higher") return upper >= median && median >= lower;
  if (polarity === "lower") return upper <= median && median <= lower;
  return true;
}

/**
 * The sector's plain words (as benchmarking reports and year-end reports to boards write
 * them), not ordinals: a tenant reads "Top 25%" at a glance, "second quartile" not.
 * Position 2 includes the median itself, so "Above average" means "at least the median".
 */
const LABELS: Record<QuartilePosition, string> = {
  1: "Top 25%",
  2: "Above average",
  3: "Below average",
  4: "Bottom 25%",
};

/**
 * The one label of a quartile position, used by every page, the CSV, the packs and the
 * public page: "Top 25%", "Above average", "Below average", "Bottom 25%"; "Not applicable" for null.
 */
export function quartileLabel(position: QuartilePosition | null): string {
  return position === null ? "Not applicable" : LABELS[position];
}
