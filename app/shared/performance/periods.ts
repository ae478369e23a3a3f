/**
 * Reporting periods and the UK financial year.
 *
 * A period is a month written "YYYY-MM". Housing organisations report on the
 * UK financial year, April to March, written "2025/26"; quarter 1 is April to
 * June. Internally a period is turned into a month index (year × 12 + month −
 * 1) so that "previous period", "same period last year" and "year to date"
 * are plain integer arithmetic: no Date objects, so no time-zone or
 * daylight-saving surprises, and cheap enough to call in tight loops.
 */
import type { Frequency } from "./types";

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FINANCIAL_YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;

/** April: the first month of the UK financial year. */
const FINANCIAL_YEAR_FIRST_MONTH = 4;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export interface ParsedPeriod {
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
}

/**
 * The years a period given from outside (a query, a form, an import, an API path) may
 * name. Pages step years back and forward from the period asked for (three years of
 * trend, the financial year's end), which past year 9999 or before year 0 throws: a
 * request for 9999-12 answered 500. Imports hold figures to the same years.
 */
export const PERIOD_YEARS = { first: 1990, last: 2100 } as const;

/** True when `value` is a well-formed "YYYY-MM" period (month 01–12) within PERIOD_YEARS. */
export function isPeriod(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = PERIOD_PATTERN.exec(value);
  return match !== null && Number(match[1]) >= PERIOD_YEARS.first && Number(match[1]) <= PERIOD_YEARS.last;
}

/**
 * Parses "YYYY-MM". Throws on anything else: a malformed period is a
 * programming or import error, and silently treating it as "no data" would
 * hide it.
 */
export function parsePeriod(period: string): ParsedPeriod {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`Not a period (expected YYYY-MM): ${JSON.stringify(period)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Builds "YYYY-MM" from a year and month (1–12). */
export function formatPeriod(year: number, month: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a valid year and month: ${year}, ${month}`);
  }
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** Month index: months since year 0. Consecutive months differ by 1. */
export function periodToIndex(period: string): number {
  const { year, month } = parsePeriod(period);
  return year * 12 + (month - 1);
}

/** Inverse of periodToIndex. */
export function periodFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return formatPeriod(year, index - year * 12 + 1);
}

/** Moves a period by a number of months (negative = earlier). */
export function addMonths(period: string, months: number): string {
  return periodFromIndex(periodToIndex(period) + months);
}

// ---------------------------------------------------------------------------
// Frequencies
// ---------------------------------------------------------------------------

/**
 * Whether figures come once a year or less often: a survey every two or three years
 * is due at a year-end like an annual figure, and simply has no figure in the years
 * between (its period is the financial year, its previous figure last March's if any).
 */
export function isYearly(frequency: Frequency): boolean {
  return frequency === "annual" || frequency === "biennial" || frequency === "triennial";
}

/**
 * Months between two consecutive figures of a frequency. Weekly indicators
 * are collated into monthly periods, so they step by a month too; figures every
 * two or three years step like annual ones (see isYearly).
 */
export function monthsPerPeriod(frequency: Frequency): number {
  switch (frequency) {
    case "weekly":
    case "monthly":
      return 1;
    case "quarterly":
      return 3;
    case "annual":
    case "biennial":
    case "triennial":
      return 12;
  }
}

/** How many figures of a frequency make up a financial year. */
export function periodsPerYear(frequency: Frequency): number {
  return 12 / monthsPerPeriod(frequency);
}

/**
 * Whether a figure for `period` is due under `frequency`. Quarterly figures
 * are recorded against the quarter-end month (June, September, December,
 * March) and annual figures against the year-end (March), which is how the
 * sample data and most performance spreadsheets store them.
 */
export function periodFitsFrequency(period: string, frequency: Frequency): boolean {
  const { month } = parsePeriod(period);
  return monthFitsFrequency(month, frequency);
}

function monthFitsFrequency(month: number, frequency: Frequency): boolean {
  switch (frequency) {
    case "weekly":
    case "monthly":
      return true;
    case "quarterly":
      return month % 3 === 0;
    case "annual":
    case "biennial":
    case "triennial":
      return month === 3;
  }
}

/**
 * The latest period at or before `period` that is due under `frequency`: the
 * figure a report for `period` should show. In an October report a quarterly
 * indicator shows September (its latest quarter) and an annual one March.
 */
export function latestPeriodForFrequency(period: string, frequency: Frequency): string {
  const index = periodToIndex(period);
  const step = monthsPerPeriod(frequency);
  if (step === 1) return period;
  // Month indexes of quarter ends are ≡ 2 (mod 3); of March ≡ 2 (mod 12).
  const back = (((index - 2) % step) + step) % step;
  return periodFromIndex(index - back);
}

/**
 * The period before `period` for a frequency: last month, last quarter-end or
 * last year-end. For a period that is not itself due (e.g. October for a
 * quarterly indicator) it is the latest due period before it.
 */
export function previousPeriod(period: string, frequency: Frequency = "monthly"): string {
  const step = monthsPerPeriod(frequency);
  const latest = latestPeriodForFrequency(period, frequency);
  return latest === period ? addMonths(period, -step) : latest;
}

/** The same month a year earlier: the comparison for seasonal indicators. */
export function samePeriodLastYear(period: string): string {
  return addMonths(period, -12);
}

/**
 * The `count` most recent periods due under `frequency`, ending at or before
 * `period`, oldest first (the order a sparkline is drawn in). 13 months show
 * this month against the same month last year.
 */
export function lastNPeriods(period: string, count: number, frequency: Frequency = "monthly"): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a count: ${count}`);
  const step = monthsPerPeriod(frequency);
  const end = periodToIndex(latestPeriodForFrequency(period, frequency));
  const periods = new Array<string>(count);
  for (let i = 0; i < count; i++) periods[i] = periodFromIndex(end - (count - 1 - i) * step);
  return periods;
}

// ---------------------------------------------------------------------------
// Financial years and quarters
// ---------------------------------------------------------------------------

/** Writes the financial year starting in April of `startYear`: 2025 -> "2025/26". */
export function financialYearLabel(startYear: number): string {
  if (!Number.isInteger(startYear) || startYear < 0 || startYear > 9998) {
    throw new RangeError(`Not a financial year start: ${startYear}`);
  }
  return `${String(startYear).padStart(4, "0")}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** The calendar year in which the financial year containing `period` starts. */
export function financialYearStartYear(period: string): number {
  const { year, month } = parsePeriod(period);
  return month >= FINANCIAL_YEAR_FIRST_MONTH ? year : year - 1;
}

/** The financial year a period falls in: "2026-02" -> "2025/26". */
export function financialYearOf(period: string): string {
  return financialYearLabel(financialYearStartYear(period));
}

/**
 * Parses "2025/26" to its start year, 2025. Rejects labels whose two halves
 * disagree ("2025/27"): those are typing errors, not financial years.
 */
export function parseFinancialYear(label: string): number {
  const match = FINANCIAL_YEAR_PATTERN.exec(label);
  const startYear = match ? Number(match[1]) : NaN;
  if (!match || (startYear + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`Not a financial year (expected e.g. 2025/26): ${JSON.stringify(label)}`);
  }
  return startYear;
}

/** True for a well-formed financial year label such as "2025/26". */
export function isFinancialYear(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = FINANCIAL_YEAR_PATTERN.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** First period of a financial year: "2025/26" -> "2025-04". */
export function financialYearStart(label: string): string {
  return formatPeriod(parseFinancialYear(label), FINANCIAL_YEAR_FIRST_MONTH);
}

/** Last period of a financial year: "2025/26" -> "2026-03". */
export function financialYearEnd(label: string): string {
  return formatPeriod(parseFinancialYear(label) + 1, FINANCIAL_YEAR_FIRST_MONTH - 1);
}

/** All twelve periods of a financial year, April first. */
export function periodsOfFinancialYear(label: string): string[] {
  const start = periodToIndex(financialYearStart(label));
  return Array.from({ length: 12 }, (_, i) => periodFromIndex(start + i));
}

/**
 * Periods of the financial year from April up to and including `period`
 * (year to date), keeping only those due under `frequency`. Empty when none
 * is due yet (e.g. a quarterly indicator in May).
 */
export function yearToDatePeriods(period: string, frequency: Frequency = "monthly"): string[] {
  const end = periodToIndex(period);
  const start = periodToIndex(formatPeriod(financialYearStartYear(period), FINANCIAL_YEAR_FIRST_MONTH));
  const periods: string[] = [];
  for (let index = start; index <= end; index++) {
    const month = (index % 12) + 1;
    if (monthFitsFrequency(month, frequency)) periods.push(periodFromIndex(index));
  }
  return periods;
}

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  financialYear: string;
  quarter: QuarterNumber;
  firstPeriod: string;
  lastPeriod: string;
  /** e.g. "Q2 2025/26 (July to September 2025)". */
  label: string;
}

/**
 * The financial quarter of a period. The label names the months and the
 * calendar year because "Q4 2025/26" alone is routinely misread as
 * October–December 2025; Q4 is January to March 2026.
 */
export function quarterOf(period: string): Quarter {
  const index = periodToIndex(period);
  const startYear = financialYearStartYear(period);
  const fyStart = startYear * 12 + (FINANCIAL_YEAR_FIRST_MONTH - 1);
  const quarter = (Math.floor((index - fyStart) / 3) + 1) as QuarterNumber;
  const firstIndex = fyStart + (quarter - 1) * 3;
  const first = periodFromIndex(firstIndex);
  const last = periodFromIndex(firstIndex + 2);
  const { month: firstMonth } = parsePeriod(first);
  const { year: lastYear, month: lastMonth } = parsePeriod(last);
  const financialYear = financialYearLabel(startYear);
  return {
    financialYear,
    quarter,
    firstPeriod: first,
    lastPeriod: last,
    label: `Q${quarter} ${financialYear} (${MONTH_NAMES[firstMonth - 1]} to ${MONTH_NAMES[lastMonth - 1]} ${lastYear})`,
  };
}

/** "2026-10" -> "October 2026". */
export function monthLabel(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------
