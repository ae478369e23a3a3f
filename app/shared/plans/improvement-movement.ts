/**
 * Did an improvement move its indicator, and by how much? From the figures: the last
 * figure before the month the change was made, against the latest figure since. The
 * difference is said in the indicator's own unit ("percentage points" for a %), and
 * judged better or worse by its polarity with the same rounding as the scorecard's
 * direction of travel. One rule for the improvement log, the API and the public page.
 */
import { directionOfTravel, type Direction } from "../performance/direction";
import { formatNumber, formatValue } from "../performance/format";
import { monthLabel } from "../performance/periods";
import { roundTo } from "../performance/rounding";
import type { IndicatorRule } from "../performance/types";

export type Figure = { period: string; value: number | null };

export type ImprovementMovement = {
  before: Figure | null;
  after: Figure | null;
  direction: Direction;
  /** after − before, rounded to the indicator's decimals; null without both figures. */
  change: number | null;
  /** For the committee: "Up 2.30 percentage points, from 96.50% (March 2026) to 98.80% (September 2026): better". */
  text: string;
  /** For tenants, in plain words. */
  plainText: string;
};

type Rule = Pick<IndicatorRule, "polarity" | "decimals" | "unit">;

function sizeOfChange(rule: Rule, change: number): string {
  const amount = formatNumber(Math.abs(change), rule.decimals);
  switch (rule.unit) {
    case "%":
      return `${amount} percentage ${amount === "1" ? "point" : "points"}`;
    case "£":
      return `£${amount}`;
    case "count":
    case "score":
      return amount;
    case "days":
      return amount === "1" ? "1 day" : `${amount} days`;
    default:
      return `${amount} ${rule.unit}`;
  }
}

/** `madeOn` is the ISO day the change was made; figures are organisation-wide, any order. */
export function improvementMovement(rule: Rule, figures: readonly Figure[], madeOn: string): ImprovementMovement {
  const madeIn = madeOn.slice(0, 7);
  const known = figures
    .filter((f) => f.value !== null && Number.isFinite(f.value))
    .sort((a, b) => a.period.localeCompare(b.period));
  const before = [...known].reverse().find((f) => f.period < madeIn) ?? null;
  const afterCandidate = known[known.length - 1] ?? null;
  const after = afterCandidate && afterCandidate.period >= madeIn ? afterCandidate : null;
  if (!before || !after) {
    const why = before ? "no figure since the change yet" : "no figure from before the change";
    return { before, after, direction: "none", change: null, text: `Not known: ${why}`, plainText: "Too early to say" };
  }
  // Each figure rounded as the page shows it, then subtracted: the change is what a reader can check.
  const change = roundTo(roundTo(after.value!, rule.decimals) - roundTo(before.value!, rule.decimals), rule.decimals);
  const direction = directionOfTravel(rule, after.value, before.value);
  const from = `from ${formatValue(rule, before.value)} (${monthLabel(before.period)}) to ${formatValue(rule, after.value)} (${monthLabel(after.period)})`;
  if (change === 0) {
    return {
      before,
      after,
      direction,
      change: 0,
      text: `No change, ${from}`,
      plainText: `No change yet: ${formatValue(rule, after.value)}`,
    };
  }
  const verb = change > 0 ? "Up" : "Down";
  const judged = direction === "better" ? ": better" : direction === "worse" ? ": worse" : "";
  const plainJudged = direction === "better" ? "better" : direction === "worse" ? "worse" : "changed";
  return {
    before,
    after,
    direction,
    change,
    text: `${verb} ${sizeOfChange(rule, change)}, ${from}${judged}`,
    plainText: `${plainJudged === "changed" ? "Changed" : plainJudged === "better" ? "Better" : "Worse"}: ${verb.toLowerCase()} ${sizeOfChange(rule, change)}, from ${formatValue(rule, before.value)} to ${formatValue(rule, after.value)}`,
  };
}
