import { z } from "zod";
import { blankAsNull, checkbox, text, wholeNumber } from "../meetings/form-values";
import { typedText } from "../typed-text";
import {
  AGGREGATIONS,
  FREQUENCIES,
  POLARITIES,
  STATUS_BASES,
  type Aggregation,
  type Frequency,
  type Polarity,
} from "../vocabulary";
import { DEFAULT_STATUS_BASIS } from "./status-basis";

/*
 * An indicator of the library as the performance team types it on the indicator form;
 * the create and update commands check the same schema (server/commands/indicator-commands.ts).
 */

export const POLARITY_LABELS: Record<Polarity, string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  none: "Neither (context only, no target)",
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  weekly: "Weekly (collated by month)",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Annual",
  biennial: "Every two years",
  triennial: "Every three years",
};

export const AGGREGATION_LABELS: Record<Aggregation, string> = {
  ratio: "Percentage of totals (numerator and denominator)",
  mean: "Average of totals (numerator and denominator)",
  snapshot: "Snapshot at period end",
  sum: "Count, cumulative year to date",
  survey: "Survey result (latest)",
};

/** The categories the sector's frameworks name; any other is accepted (the library is the organisation's own). */
export const SUGGESTED_CATEGORIES = [
  "National KPI",
  "Local indicator",
  "Management indicator",
  "Service standard",
  "Value for money",
  "Diversity",
  "Tenant Satisfaction Measure",
] as const;

export const SUGGESTED_UNITS = ["%", "days", "£", "count", "score", "per 1,000 homes"] as const;

export const MAX_DECIMALS = 4;
/** A definition or data source: a paragraph or two, as the import allows (server/imports/validate-indicators.ts). */
export const MAX_DESCRIPTION = 4000;

/** `/o/:org/indicators/new` is the form for a new indicator, so no indicator may be called that. */
const RESERVED_CODES = new Set(["new"]);

export const indicatorCodeSchema = typedText()
  .trim()
  .min(1, "Enter the indicator's code, for example BV66a or NI 158")
  .max(30, "Keep the code to 30 characters")
  .refine((code) => !RESERVED_CODES.has(code.toLowerCase()), "“new” cannot be a code: choose another");

/** Everything of an indicator but its code, which never changes once given (imports and reports refer to it). */
export const indicatorDetailsSchema = z.object({
  title: typedText().trim().min(1, "Enter the indicator's title").max(200, "Keep the title to 200 characters"),
  definition: text(MAX_DESCRIPTION, `Keep the definition to ${MAX_DESCRIPTION} characters`),
  dataSource: text(MAX_DESCRIPTION, `Keep the data source to ${MAX_DESCRIPTION} characters`),
  category: typedText().trim().min(1, "Enter a category, for example National KPI").max(80, "Keep the category to 80 characters"),
  themeId: z.uuid({ error: "Choose the theme the indicator hangs under" }),
  unit: typedText().trim().min(1, "Enter the unit, for example %, days, £ or count").max(30, "Keep the unit to 30 characters"),
  polarity: z.enum(POLARITIES, { error: "Choose which way is better" }),
  frequency: z.enum(FREQUENCIES, { error: "Choose how often a figure is due" }),
  aggregation: z.enum(AGGREGATIONS, { error: "Choose how periods combine into the year" }),
  // Absent (a post from before the field existed) is the period's figure, as the column's default.
  statusBasis: z.enum(STATUS_BASES, { error: "Choose how the status is judged" }).default(DEFAULT_STATUS_BASIS),
  decimals: wholeNumber(`Enter the decimal places as a whole number from 0 to ${MAX_DECIMALS}`, 0, MAX_DECIMALS),
  tenantTopTen: checkbox,
  byArea: checkbox,
  // Every indicator has a named owner (the accountable officer); a manager is usual but optional.
  ownerUserId: z.uuid({ error: "Choose the indicator's owner" }),
  managerUserId: blankAsNull(z.uuid({ error: "Choose the indicator's manager, or nobody" })),
});

export const indicatorSchema = indicatorDetailsSchema.extend({ code: indicatorCodeSchema });

export type IndicatorDetails = z.output<typeof indicatorDetailsSchema>;
export type IndicatorFields = z.output<typeof indicatorSchema>;

/** The fields of the form, in the order errors are listed. */
export const INDICATOR_FIELDS: readonly string[] = ["code", ...Object.keys(indicatorDetailsSchema.shape)];

/** A strategic theme (scorecard perspective). */
export const themeNameSchema = typedText()
  .trim()
  .min(1, "Enter the theme's name, for example Decent Homes")
  .max(80, "Keep the theme's name to 80 characters");
