/**
 * Formatting values for people: the indicator's decimals, its unit and
 * British digit grouping.
 */
import { roundTo } from "./rounding";
import type { IndicatorRule } from "./types";

/** What a missing figure reads as everywhere (page, pack, API text). */
export const NO_DATA_TEXT = "No data";

// One formatter per number of decimals, built on first use: building an
// Intl.NumberFormat is far slower than using one, and a scorecard formats
// thousands of values.
const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/**
 * Formats a number with en-GB grouping at exactly `decimals` places, rounding
 * half away from zero first (so 1.005 at 2 dp reads 1.01, matching the
 * status and direction judgements, which use the same rounding).
 */
export function formatNumber(value: number, decimals: number): string {
  return numberFormat(decimals).format(roundTo(value, decimals));
}

/**
 * "98.47%", "23.50 days", "£1,266,590", "142", "12.3 per 1,000 homes";
 * "No data" for a missing value. Counts and scores are bare numbers.
 * Negative money is written "-£1,234" (sign before the pound sign).
 */
export function formatValue(rule: Pick<IndicatorRule, "unit" | "decimals">, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_DATA_TEXT;
  const text = formatNumber(value, rule.decimals);
  switch (rule.unit) {
    case "%":
      return `${text}%`;
    case "£":
      return text.startsWith("-") ? `-£${text.slice(1)}` : `£${text}`;
    case "count":
    case "score":
      return text;
    case "days":
      return text === "1" ? "1 day" : `${text} days`;
    default:
      return `${text} ${rule.unit}`;
  }
}
