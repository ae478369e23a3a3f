// Plain words for an indicator's settings: the database holds codes ("lower", "ratio"),
// and the page is read by people who should not need to know them.
import { financialYearOf, isYearly, monthLabel, quarterOf } from "~/shared/performance/periods";
import type { Aggregation, Frequency, Polarity } from "~/shared/performance/types";

export const POLARITY_TEXT: Record<Polarity, string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  none: "Neither: reported for context, with no target",
};

export const FREQUENCY_TEXT: Record<Frequency, string> = {
  weekly: "Weekly, collated by month",
  monthly: "Monthly",
  quarterly: "Quarterly, at the end of June, September, December and March",
  annual: "Annual, at the end of March",
  biennial: "Every two years, at the end of March",
  triennial: "Every three years, at the end of March",
};

/** What one reporting period is called: weekly figures are collated by month. */
export const PERIOD_NOUN: Record<Frequency, string> = {
  weekly: "month",
  monthly: "month",
  quarterly: "quarter",
  annual: "year",
  biennial: "year",
  triennial: "year",
};

export const AGGREGATION_TEXT: Record<Aggregation, string> = {
  ratio:
    "A percentage: the year to date is worked out from the totals (numerators and denominators), not by averaging percentages",
  mean: "An average: the year to date is worked out from the totals (numerators and denominators)",
  snapshot: "A position at the end of each period: the year to date is the latest figure",
  sum: "A count: the year to date is the total so far",
  survey: "A survey result: the year to date is the latest result",
};

/** Units not listed here (such as "per 1,000 homes") already read as words, and are shown as they are. */
export const UNIT_TEXT: Record<string, string> = {
  "%": "Percentage (%)",
  "£": "Pounds (£)",
  days: "Days",
  count: "Number",
  score: "Score",
};

/** How a reporting period is named for the indicator's frequency: "October 2026", "Q2 2026/27 (July to September 2026)", "2025/26". */
export function periodName(period: string, frequency: Frequency): string {
  if (isYearly(frequency)) return financialYearOf(period);
  if (frequency === "quarterly") return quarterOf(period).label;
  return monthLabel(period);
}
