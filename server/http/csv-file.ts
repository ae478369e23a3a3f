import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | null | undefined;

// What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1-2",
 * "@SUM(...)", a leading tab or carriage return) gets a leading ' so that it is shown as
 * the text it is. Numbers stay numbers, negative ones included: only text is changed.
 */
export function neutraliseCsvCell(cell: CsvCell): string | number | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "string") return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Every CSV that Minuted sends: the rows with each text cell neutralised, and a
 * byte-order mark so that Excel opens the £ and ’ characters correctly.
 */
export function csvFile(rows: CsvCell[][]): string {
  return "\uFEFF" + stringify(rows.map((row) => row.map(neutraliseCsvCell)));
}
