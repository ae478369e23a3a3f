/**
 * Quarters of the UK financial year as plans report them: "2026/27 Q2" is July to
 * September 2026. Progress is recorded per quarter; dates are ISO days (YYYY-MM-DD) and
 * are compared as strings, so no Date objects and no time zones.
 */
import { isIsoDate } from "../dates";
import { PERIOD_YEARS, financialYearLabel, formatPeriod, monthLabel, quarterOf } from "../performance/periods";

/** "2026/27 Q2" */
export type QuarterKey = string;

const QUARTER_KEY = /^(\d{4})\/(\d{2}) Q([1-4])$/;

export function isQuarterKey(value: unknown): value is QuarterKey {
  if (typeof value !== "string") return false;
  const match = QUARTER_KEY.exec(value);
  if (match === null) return false;
  const firstYear = Number(match[1]);
  // Every month of the quarter must be one a period can name (PERIOD_YEARS): the pages read its figures.
  return firstYear >= PERIOD_YEARS.first && firstYear < PERIOD_YEARS.last && (firstYear + 1) % 100 === Number(match[2]);
}

/** The quarter a day falls in: 2026-08-15 is in "2026/27 Q2", 2027-02-01 in "2026/27 Q4". */
export function quarterOfDay(day: string): QuarterKey {
  if (!isIsoDate(day)) throw new RangeError(`Not a date (expected YYYY-MM-DD): ${JSON.stringify(day)}`);
  const q = quarterOf(day.slice(0, 7));
  return `${q.financialYear} Q${q.quarter}`;
}

export type QuarterSpan = { key: QuarterKey; firstDay: string; lastDay: string; label: string };

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of a quarter, and its label ("Q2 2026/27 (July to September 2026)"). */
export function quarterSpan(key: QuarterKey): QuarterSpan {
  const match = QUARTER_KEY.exec(key);
  if (!match || !isQuarterKey(key)) throw new RangeError(`Not a quarter (expected e.g. 2026/27 Q2): ${JSON.stringify(key)}`);
  const startYear = Number(match[1]);
  const quarter = Number(match[3]);
  const firstMonthIndex = 3 + (quarter - 1) * 3; // April is month index 3 of the start year.
  const firstYear = startYear + Math.floor(firstMonthIndex / 12);
  const firstMonth = (firstMonthIndex % 12) + 1;
  const q = quarterOf(formatPeriod(firstYear, firstMonth));
  const [lastYear, lastMonth] = q.lastPeriod.split("-").map(Number) as [number, number];
  return {
    key,
    firstDay: `${q.firstPeriod}-01`,
    lastDay: `${q.lastPeriod}-${String(lastDayOfMonth(lastYear, lastMonth)).padStart(2, "0")}`,
    label: q.label,
  };
}

/** The quarter before: "2026/27 Q1" comes after "2025/26 Q4". */
export function previousQuarter(key: QuarterKey): QuarterKey {
  const { firstDay } = quarterSpan(key);
  const [year, month] = firstDay.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) - 1;
  return quarterOfDay(`${formatPeriod(Math.floor(index / 12), (index % 12) + 1)}-01`);
}

/** Every quarter of a financial year, in order. */
export function quartersOfYear(financialYear: string): QuarterKey[] {
  return [1, 2, 3, 4].map((q) => `${financialYear} Q${q}`);
}

/** The quarters a person may report on from `today`: this one and the three before, latest first. */
export function reportableQuarters(today: string): QuarterKey[] {
  const out = [quarterOfDay(today)];
  while (out.length < 4) out.push(previousQuarter(out[out.length - 1]!));
  return out;
}

export { financialYearLabel, monthLabel };
