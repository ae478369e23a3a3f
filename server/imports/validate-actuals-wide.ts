// Validates figures in the wide layout performance teams keep in
// spreadsheets: one row per indicator (Code, Indicator, Unit) and one column
// per month. The figures are organisation-wide (area "All"): area breakdowns
// do not fit this layout and come in the long one.

import { cellText, parseNumber, parsePeriodCell, showCell } from "./cells";
import { columnLetter } from "./columns";
import { frequencyProblem, NO_INDICATOR_MESSAGE, percentageProblem, unknownIndicatorMessage } from "./figure-checks";
import { ALL_AREAS, type ImportContext, type ValidationResult } from "./import-types";
import { problem, quote } from "./problems";
import type { Table } from "./read-table";
import type { ActualRow } from "./validate-actuals";
import { checkHeader, checkRows } from "./validate-rows";

export const WIDE_COLUMNS = {
  required: ["code"],
  // Indicator (the title) and Unit are there for the people reading the
  // spreadsheet; the library is the authority on both.
  optional: ["indicator", "unit"],
} as const;

// A heading that starts with a year or a month name was meant as a month
// column; anything else ("RAG", "Comments", "YTD") is a column we ignore.
const LOOKS_LIKE_PERIOD = /^(\d{4}|\d{5}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;

interface MonthColumn {
  index: number;
  heading: string;
  period: string;
}

export function validateActualsWide(table: Table, context: ImportContext): ValidationResult<ActualRow> {
  const checked = checkHeader(table, WIDE_COLUMNS);
  const problems = checked.problems;

  // Sort the unexpected headings into month columns and ignorable ones.
  const months: MonthColumn[] = [];
  const monthSeen = new Map<string, MonthColumn>();
  const ignored: { heading: string }[] = [];
  for (const extra of checked.header.extras) {
    const parsed = parsePeriodCell(extra.heading);
    if ("period" in parsed) {
      const earlier = monthSeen.get(parsed.period);
      if (earlier) {
        problems.push(
          problem(
            table.headerLine,
            extra.heading,
            `Two columns are for ${parsed.period}: ${quote(earlier.heading)} (column ${columnLetter(
              earlier.index,
            )}) and ${quote(extra.heading)} (column ${columnLetter(extra.index)})`,
          ),
        );
        continue;
      }
      const month = { index: extra.index, heading: extra.heading, period: parsed.period };
      monthSeen.set(parsed.period, month);
      months.push(month);
    } else if (LOOKS_LIKE_PERIOD.test(extra.heading)) {
      problems.push(problem(table.headerLine, extra.heading, `${parsed.error}. Head each month column YYYY-MM (or with a date)`));
    } else {
      ignored.push(extra);
    }
  }
  if (months.length === 0 && problems.length === 0) {
    problems.push(
      problem(
        table.headerLine,
        null,
        "No month columns: after Code, Indicator and Unit, add one column per month headed YYYY-MM, e.g. 2025-04",
      ),
    );
  }

  const unitMismatches: string[] = [];
  const result = checkRows(
    table,
    checked,
    ({ line, cells, col, label, report, claimKey }) => {
      // Without a known indicator, or on a repeated one, the month cells cannot be checked.
      const code = cellText(cells[col.code]);
      if (code === null) {
        report(label.code, NO_INDICATOR_MESSAGE);
        return null;
      }
      const info = context.indicators.get(code);
      if (!info) {
        report(label.code, unknownIndicatorMessage(code));
        return null;
      }
      const earlier = claimKey(code);
      if (earlier) {
        report(label.code, `Duplicate row: line ${earlier.line} already has ${code}`);
        return null;
      }

      if (col.unit >= 0) {
        const unit = cellText(cells[col.unit]);
        if (unit !== null && unit.toLowerCase() !== info.unit.trim().toLowerCase()) {
          unitMismatches.push(`${code} (line ${line}: ${quote(unit)}, library: ${quote(info.unit)})`);
        }
      }

      const figures: ActualRow[] = [];
      for (const month of months) {
        const cell = cells[month.index];
        // An empty cell means no figure for that month, not zero.
        const value = parseNumber(cell);
        if (value === null) continue;
        if (Number.isNaN(value)) {
          report(month.heading, `${quote(showCell(cell))} is not a number`);
          continue;
        }
        const misfit = frequencyProblem(code, info.frequency, month.period);
        if (misfit) {
          report(month.heading, misfit);
          continue;
        }
        const outOfRange = percentageProblem(value, info.unit);
        if (outOfRange) {
          report(month.heading, outOfRange);
          continue;
        }
        figures.push({
          indicatorCode: code,
          period: month.period,
          area: ALL_AREAS,
          value,
          numerator: null,
          denominator: null,
          status: "submitted",
          unaudited: false,
          note: null,
        });
      }
      return figures;
    },
    ignored,
  );

  if (unitMismatches.length > 0) {
    result.notices.push(
      `The Unit column differs from the indicator library for ${unitMismatches.join(
        "; ",
      )}: the library's unit is used; check these rows are for the right indicators`,
    );
  }
  if (result.rows.length === 0 && result.problems.length === 0) {
    result.problems.push(problem(null, null, "The file has no figures: every month cell is empty"));
  }
  return result;
}
