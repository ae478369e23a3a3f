// Reading typed values out of cells. CSV cells are text ("£1,234", "98.5%");
// workbook cells may already be numbers or dates. Each parser accepts both and
// answers in a way the validators can turn into a plain-English problem.
//
// Everything here runs once per cell on files of tens of thousands of rows,
// so the patterns are compiled once, at module load, and nothing allocates
// more than it returns.

import { formatPeriod, isFinancialYear, PERIOD_YEARS } from "../../app/shared/performance/periods";
import { stripBidiControls } from "../../app/shared/typed-text";
import type { CellValue } from "./read-table";

const NEUTRALISED_FORMULA = /^'[=+\-@\t\r]/;

/**
 * The cell as text, trimmed; null when empty. Dates as dd/mm/yyyy, as Excel shows them to
 * UK users. Bidi controls are taken out, as on every form (app/shared/typed-text.ts), so an
 * imported title cannot display as something else.
 */
export function cellText(cell: CellValue): string | null {
  if (cell === null) return null;
  if (typeof cell === "string") {
    let text = stripBidiControls(cell).trim();
    // Our own CSVs put a ' before text a spreadsheet would run as a formula (server/http/csv-file.ts):
    // read back, it is the text that was exported.
    if (NEUTRALISED_FORMULA.test(text)) text = text.slice(1).trim();
    return text === "" ? null : text;
  }
  if (typeof cell === "number") return String(cell);
  return ukDate(cell);
}

function ukDate(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, "0");
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/** What to echo back in a problem: the cell as the user typed it. */
export function showCell(cell: CellValue): string {
  return cellText(cell) ?? "";
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

// Sign, optional £, digits (either plainly or in thousands groups "1,234,567"),
// optional decimals, optional %. Grouping must be exact: "1,5" is a European
// decimal or a typo, and silently reading it as 15 would be worse than asking.
const NUMBER_PATTERN = /^([-+]?)\s*£?\s*([-+]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?\s*%?$/;

/**
 * A number from a cell: null when the cell is empty, NaN when it holds
 * something that is not a number ("abc", "n/a", "#N/A", a date). A trailing %
 * is dropped, not divided by 100: a figure for a % indicator is already in
 * percentage points, and "98.5%" means 98.5.
 */
export function parseNumber(cell: CellValue): number | null {
  if (cell === null) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : Number.NaN;
  if (typeof cell !== "string") return Number.NaN; // A Date is not a figure.
  const text = cell.trim();
  if (text === "") return null;
  const match = NUMBER_PATTERN.exec(text);
  if (!match) return Number.NaN;
  const [, sign1, sign2, whole, fraction] = match;
  if ((sign1 && sign2) || (whole === "" && fraction === undefined)) return Number.NaN;
  const digits = (whole.includes(",") ? whole.replaceAll(",", "") : whole) + (fraction ?? "");
  const value = Number(digits === "" || digits[0] === "." ? `0${digits}` : digits);
  return sign1 === "-" || sign2 === "-" ? -value : value;
}

/** Rounds half away from zero to `decimals` places, the way a performance report shows a figure. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // The epsilon stops 1.005 (stored as 1.00499999...) rounding down.
  return (Math.sign(value) * Math.round(scaled + 1e-9 * Math.max(1, scaled))) / factor;
}

/** A figure for a message: no float dust ("98.73", not "98.73015873015873"). */
export function showNumber(value: number, decimals = 4): string {
  return String(roundTo(value, decimals));
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

// Figures older than 1990 or later than 2100 are typing errors ("2205-04"): the same years
// as every period the pages and APIs take (PERIOD_YEARS),
// and bounding the range is what lets a bare number be read as an Excel date.
export const FIRST_YEAR = PERIOD_YEARS.first;
export const LAST_YEAR = PERIOD_YEARS.last;

const DAY_MS = 86_400_000;
// Excel's day 0 in the 1900 date system, allowing for its phantom 29 Feb 1900
// (valid for every serial from 61 on, i.e. every date we accept).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_SERIAL = (Date.UTC(FIRST_YEAR, 0, 1) - EXCEL_EPOCH_MS) / DAY_MS;
const MAX_SERIAL = (Date.UTC(LAST_YEAR, 11, 31) - EXCEL_EPOCH_MS) / DAY_MS;

const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
// An ISO date (possibly with a time): what a date heading in a workbook becomes.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

export type PeriodResult = { period: string } | { error: string };

/** 45748 -> 2025-04-01 (UTC). */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

function fromYearMonth(year: number, month: number, shown: string): PeriodResult {
  if (month < 1 || month > 12) return { error: `“${shown}” is not a month: use YYYY-MM, e.g. 2025-04` };
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return { error: `“${shown}” is not a plausible period: the year must be between ${FIRST_YEAR} and ${LAST_YEAR}` };
  }
  return { period: formatPeriod(year, month) };
}

function fromDate(date: Date, shown: string): PeriodResult {
  if (Number.isNaN(date.getTime())) return { error: `“${shown}” is not a date` };
  // Workbook dates are calendar dates stored at UTC midnight: read them in UTC
  // so a server in another zone cannot move 1 April into March.
  return fromYearMonth(date.getUTCFullYear(), date.getUTCMonth() + 1, shown);
}

function fromSerial(serial: number, shown: string): PeriodResult {
  if (!(serial >= MIN_SERIAL && serial <= MAX_SERIAL + 1)) {
    return { error: `“${shown}” is not a period: use YYYY-MM, e.g. 2025-04` };
  }
  return fromDate(excelSerialToDate(serial), shown);
}

/**
 * A period (YYYY-MM) from a cell. Accepts "2025-04"; a date cell (any day of
 * the month: teams head columns with the 1st or the last day); an Excel date
 * serial number such as 45748 (what a date becomes when its formatting is
 * lost); and an ISO date "2025-04-01". Anything else ("Apr-25", "2025/04",
 * "April") is refused rather than guessed at. Call only for non-empty cells.
 */
export function parsePeriodCell(cell: CellValue): PeriodResult {
  if (cell instanceof Date) return fromDate(cell, ukDate(cell));
  if (typeof cell === "number") return fromSerial(cell, String(cell));
  const text = (cell ?? "").trim();
  let match = YEAR_MONTH.exec(text);
  if (match) return fromYearMonth(Number(match[1]), Number(match[2]), text);
  match = ISO_DATE.exec(text);
  if (match) {
    const day = Number(match[3]);
    if (day < 1 || day > 31) return { error: `“${text}” is not a date` };
    return fromYearMonth(Number(match[1]), Number(match[2]), text);
  }
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), text);
  return { error: `“${text}” is not a period: use YYYY-MM, e.g. 2025-04` };
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTH_BY_NAME.set(name, i + 1);
  MONTH_BY_NAME.set(name.slice(0, 3), i + 1);
  MONTH_BY_NAME.set(String(i + 1), i + 1);
  MONTH_BY_NAME.set(String(i + 1).padStart(2, "0"), i + 1);
});
MONTH_BY_NAME.set("sept", 9);

/** A month (1-12) from "Apr", "April", "4" or "04"; null if not a month. */
export function parseMonthName(cell: CellValue): number | null {
  if (cell instanceof Date) return cell.getUTCMonth() + 1;
  const text = cellText(cell);
  return text === null ? null : (MONTH_BY_NAME.get(text.toLowerCase()) ?? null);
}

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  return name[0].toUpperCase() + name.slice(1);
}

/** A UK financial year label such as "2025/26" (the second half must follow the first). */
export function parseFinancialYearCell(cell: CellValue): string | null {
  const text = cellText(cell);
  return text !== null && isFinancialYear(text) ? text : null;
}

// ---------------------------------------------------------------------------
// Yes/no
// ---------------------------------------------------------------------------

const BOOLEANS = new Map<string, boolean>([
  ["yes", true],
  ["y", true],
  ["true", true],
  ["1", true],
  ["no", false],
  ["n", false],
  ["false", false],
  ["0", false],
]);

/** true/false from yes/no, y/n, true/false, 1/0 (any case); null when empty, undefined when it is none of them. */
export function parseYesNo(cell: CellValue): boolean | null | undefined {
  const text = cellText(cell);
  if (text === null) return null;
  return BOOLEANS.get(text.toLowerCase());
}
