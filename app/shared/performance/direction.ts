/**
 * Direction of travel: is performance better, the same or worse than a
 * comparison figure (the same period last year, or the previous period)?
 */
import { roundTo } from "./rounding";
import type { IndicatorRule, Polarity } from "./types";

export type Direction = "better" | "same" | "worse" | "none";

/**
 * Compares `current` with `comparison` in the indicator's direction: for a
 * lower-is-better indicator a fall (average re-let time down from 30 to 24
 * days) is "better".
 *
 * Both figures are rounded to the indicator's decimals first, so two figures
 * that read the same on the page are "same" rather than a spurious "better"
 * from a difference in the fifth decimal.
 *
 * "none" when the indicator is contextual (polarity none: a rise is neither
 * good nor bad) or either figure is missing.
 */
export function directionOfTravel(
  rule: Pick<IndicatorRule, "polarity" | "decimals">,
  current: number | null,
  comparison: number | null,
): Direction {
  if (rule.polarity === "none") return "none";
  if (current === null || comparison === null || !Number.isFinite(current) || !Number.isFinite(comparison)) return "none";
  const now = roundTo(current, rule.decimals);
  const then = roundTo(comparison, rule.decimals);
  if (now === then) return "same";
  const rose = now > then;
  return rose === (rule.polarity === "higher") ? "better" : "worse";
}

export type Movement = "up" | "down" | "level";

export interface DirectionPresentation {
  label: "Better" | "Same" | "Worse" | "Not applicable";
  /**
   * The arrow shows which way the number moved, not whether that is good:
   * a fall in re-let days is drawn ↓ and labelled "Better". Empty for
   * "Not applicable".
   */
  arrow: "↑" | "↓" | "→" | "";
  movement: Movement | null;
  /** Full text for screen readers and tooltips, e.g. "Better (down; lower is better)". */
  description: string;
}

/**
 * Label and arrow for a direction. The polarity is needed to know which way
 * the number moved: "better" is up for rent collected but down for re-let
 * days. The meaning is always in the text too, never in the arrow alone.
 */
export function directionPresentation(direction: Direction, polarity: Polarity): DirectionPresentation {
  if (direction === "none" || polarity === "none") {
    return { label: "Not applicable", arrow: "", movement: null, description: "Not applicable" };
  }
  if (direction === "same") {
    return { label: "Same", arrow: "→", movement: "level", description: "Same (no change)" };
  }
  const up = (direction === "better") === (polarity === "higher");
  const rule = polarity === "higher" ? "higher is better" : "lower is better";
  const label = direction === "better" ? "Better" : "Worse";
  return {
    label,
    arrow: up ? "↑" : "↓",
    movement: up ? "up" : "down",
    description: `${label} (${up ? "up" : "down"}; ${rule})`,
  };
}
