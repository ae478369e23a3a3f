import { formatValue } from "../performance/format";
import type { PackAppendix, PackTrendPoint } from "./pack-document";

type ExceptionAppendix = Extract<PackAppendix, { kind: "exception" }>;

/** Decimal places the trend's figures were given to (at most 3), so the sentence shows them as recorded. */
function decimalsOf(values: readonly number[]): number {
  return Math.min(3, Math.max(0, ...values.map((v) => (String(v).split(".")[1] ?? "").length)));
}

/**
 * One sentence a reader (or a screen reader, as the chart's alternative text) can take
 * instead of the chart: the span, the latest figure against its target, the lowest and
 * highest, and how many periods have no figure.
 */
export function trendSummary(appendix: Pick<ExceptionAppendix, "indicatorTitle" | "unit" | "trend">): string {
  const { trend } = appendix;
  if (trend.length === 0) return `No trend figures are recorded for ${appendix.indicatorTitle}.`;
  const withValues = trend.filter((p): p is PackTrendPoint & { value: number } => p.value !== null && Number.isFinite(p.value));
  const numbers = [...withValues.map((p) => p.value), ...trend.flatMap((p) => (p.target === null ? [] : [p.target]))];
  const rule = { unit: appendix.unit, decimals: decimalsOf(numbers) };
  const show = (value: number) => formatValue(rule, value);
  const span = trend.length === 1 ? trend[0].periodText : `${trend[0].periodText} to ${trend[trend.length - 1].periodText}`;
  if (withValues.length === 0) return `Trend of ${appendix.indicatorTitle}, ${span}: no figures recorded.`;
  const latest = withValues[withValues.length - 1];
  const lowest = withValues.reduce((a, b) => (b.value < a.value ? b : a));
  const highest = withValues.reduce((a, b) => (b.value > a.value ? b : a));
  const missing = trend.length - withValues.length;
  const parts = [
    `Trend of ${appendix.indicatorTitle}, ${span}: latest ${show(latest.value)} (${latest.periodText})`,
    latest.target !== null ? ` against a target of ${show(latest.target)}` : "",
    withValues.length > 1
      ? `; lowest ${show(lowest.value)} (${lowest.periodText}), highest ${show(highest.value)} (${highest.periodText})`
      : "",
    missing > 0 ? `; ${missing === 1 ? "one period has" : `${missing} periods have`} no figure` : "",
    ".",
  ];
  return parts.join("");
}
