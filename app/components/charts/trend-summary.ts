import { formatValue } from "~/shared/performance/format";
import { monthLabel } from "~/shared/performance/periods";
import { statusPresentation, type TargetStatus } from "~/shared/performance/status";
import type { IndicatorRule } from "~/shared/performance/types";

/** One point of a trend: the value of a period against its target. */
export type TrendPoint = {
  period: string;
  value: number | null;
  target: number | null;
  tolerance: number | null;
  status: TargetStatus;
};

/** "22.00 days" when every year has the same target, otherwise "22.00 days in 2024/25, 21.00 days in 2025/26". */
function targetsText(
  rule: Pick<IndicatorRule, "unit" | "decimals">,
  points: readonly TrendPoint[],
  yearOf: (period: string) => string,
): string | null {
  const byYear = new Map<string, { target: number; tolerance: number | null }>();
  for (const p of points)
    if (p.target !== null && !byYear.has(yearOf(p.period)))
      byYear.set(yearOf(p.period), { target: p.target, tolerance: p.tolerance });
  if (byYear.size === 0) return null;
  const distinct = new Set([...byYear.values()].map((t) => `${t.target}|${t.tolerance}`));
  const one = (t: { target: number; tolerance: number | null }) =>
    `${formatValue(rule, t.target)}${t.tolerance ? ` (tolerance ${formatValue(rule, t.tolerance)})` : ""}`;
  if (distinct.size === 1) return `against a target of ${one([...byYear.values()][0])}`;
  return `against targets of ${[...byYear].map(([year, t]) => `${one(t)} in ${year}`).join(", ")}`;
}

/**
 * The text alternative of a trend chart: what it covers, the latest figure and its
 * status, and the lowest and highest points. The full figures are in the table that
 * goes with the chart.
 */
export function describeTrend(
  title: string,
  rule: Pick<IndicatorRule, "unit" | "decimals">,
  points: readonly TrendPoint[],
  yearOf: (period: string) => string,
): string {
  if (points.length === 0) return `${title}: no periods to show.`;
  const span = `${monthLabel(points[0].period)} to ${monthLabel(points[points.length - 1].period)}`;
  const withValues = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const against = targetsText(rule, points, yearOf);
  const opening = `Line chart of ${title}, ${span}${against ? `, ${against}` : ""}.`;
  if (withValues.length === 0) return `${opening} No figures have been recorded in this time.`;
  const latest = withValues[withValues.length - 1];
  const lowest = withValues.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = withValues.reduce((a, b) => (b.value > a.value ? b : a));
  const status =
    latest.status === "no_target" || latest.status === "no_data"
      ? ""
      : `, ${statusPresentation(latest.status).label.toLowerCase()}`;
  return [
    opening,
    `Latest: ${formatValue(rule, latest.value)} in ${monthLabel(latest.period)}${status}.`,
    withValues.length > 1
      ? `Lowest ${formatValue(rule, lowest.value)} (${monthLabel(lowest.period)}); highest ${formatValue(rule, highest.value)} (${monthLabel(highest.period)}).`
      : "",
    "The figures are in the table below the chart.",
  ]
    .filter(Boolean)
    .join(" ");
}
