// Validates annual targets: one row per indicator and financial year, with
// the tolerance that separates amber ("within tolerance") from red.

import { cellText, parseFinancialYearCell, parseNumber, showCell } from "./cells";
import { checkRowWidth, ignoredColumnsNotice, matchHeaders, NO_ROWS_MESSAGE } from "./columns";
import { NO_INDICATOR_MESSAGE, percentageProblem, unknownIndicatorMessage } from "./figure-checks";
import type { ImportContext, ValidationResult } from "./import-types";
import { problem, quote, type ImportProblem } from "./problems";
import type { Table } from "./read-table";

export interface TargetRow {
  indicatorCode: string;
  /** UK financial year, "2025/26". */
  year: string;
  target: number;
  /** How far on the wrong side of the target is still amber, in the indicator's unit; >= 0. */
  tolerance: number;
}

export const TARGET_COLUMNS = { required: ["indicator", "year", "target", "tolerance"], optional: [] } as const;

export const FINANCIAL_YEAR_HINT = "write it like 2025/26 (April 2025 to March 2026)";

export function validateTargets(table: Table, context: ImportContext): ValidationResult<TargetRow> {
  const header = matchHeaders(table, TARGET_COLUMNS);
  const problems: ImportProblem[] = [...header.problems];
  const notices: string[] = [];
  const rows: TargetRow[] = [];
  const ignored = ignoredColumnsNotice(header.extras);
  if (ignored) notices.push(ignored);
  if (table.rows.length === 0) problems.push(problem(null, null, NO_ROWS_MESSAGE));
  if (problems.length > 0) return { rows, problems, notices };

  const { index: col, label } = header;
  const firstSeen = new Map<string, number>();
  for (const row of table.rows) {
    const widthProblem = checkRowWidth(row, header.width);
    if (widthProblem) {
      problems.push(widthProblem);
      continue;
    }
    const { line, cells } = row;
    const before = problems.length;
    const report = (column: string | null, message: string) => problems.push(problem(line, column, message));

    const code = cellText(cells[col.indicator]);
    const info = code === null ? undefined : context.indicators.get(code);
    if (code === null) report(label.indicator, NO_INDICATOR_MESSAGE);
    else if (!info) report(label.indicator, unknownIndicatorMessage(code));

    const year = parseFinancialYearCell(cells[col.year]);
    if (year === null) {
      const shown = showCell(cells[col.year]);
      report(
        label.year,
        shown === ""
          ? `No year: ${FINANCIAL_YEAR_HINT}`
          : `${quote(shown)} is not a financial year: ${FINANCIAL_YEAR_HINT}`
      );
    }

    const target = parseNumber(cells[col.target]);
    if (target === null) report(label.target, "No target");
    else if (Number.isNaN(target)) report(label.target, `${quote(showCell(cells[col.target]))} is not a number`);
    else if (info) {
      const outOfRange = percentageProblem(target, info.unit);
      if (outOfRange) report(label.target, outOfRange);
    }

    // An empty tolerance means none: anything short of the target is red.
    const tolerance = parseNumber(cells[col.tolerance]) ?? 0;
    if (Number.isNaN(tolerance)) report(label.tolerance, `${quote(showCell(cells[col.tolerance]))} is not a number`);
    else if (tolerance < 0) {
      report(
        label.tolerance,
        `The tolerance cannot be negative (${showCell(
          cells[col.tolerance]
        )}): it is how far off target still counts as amber`
      );
    }

    if (code !== null && year !== null) {
      const key = `${code}\u0000${year}`;
      const first = firstSeen.get(key);
      if (first !== undefined) report(null, `Duplicate row: line ${first} already has a ${year} target for ${code}`);
      else firstSeen.set(key, line);
    }

    if (problems.length === before && code !== null && year !== null && target !== null) {
      rows.push({ indicatorCode: code, year, target, tolerance });
    }
  }
  return { rows, problems, notices };
}
