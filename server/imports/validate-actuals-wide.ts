// Validates figures in the wide layout performance teams keep in
// spreadsheets: one row per indicator (Code, Indicator, Unit) and one column
// per month. The figures are organisation-wide (area "All"): area breakdowns
// do not fit this layout and come in the long one.

import { cellText, parseNumber, parsePeriodCell, showCell } from "./cells";
import { checkRowWidth, columnLetter, ignoredColumnsNotice, matchHeaders, NO_ROWS_MESSAGE } from "./columns";
import { frequencyProblem, NO_INDICATOR_MESSAGE, percentageProblem, unknownIndicatorMessage } from "./figure-checks";
import { ALL_AREAS, type ImportContext, type ValidationResult } from "./import-types";
import { problem, quote, type ImportProblem } from "./problems";
import type { Table } from "./read-table";
import type { ActualRow } from "./validate-actuals";

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
  const header = matchHeaders(table, WIDE_COLUMNS);
  const problems: ImportProblem[] = [...header.problems];
  const notices: string[] = [];
  const rows: ActualRow[] = [];

  // Sort the unexpected headings into month columns and ignorable ones.
  const months: MonthColumn[] = [];
  const monthSeen = new Map<string, MonthColumn>();
  const ignored: { heading: string }[] = [];
  for (const extra of header.extras) {
    const parsed = parsePeriodCell(extra.heading);
    if ("period" in parsed) {
      const earlier = monthSeen.get(parsed.period);
      if (earlier) {
        problems.push(
          problem(
            table.headerLine,
            extra.heading,
            `Two columns are for ${parsed.period}: ${quote(earlier.heading)} (column ${columnLetter(
              earlier.index
            )}) and ${quote(extra.heading)} (column ${columnLetter(extra.index)})`
          )
        );
        continue;
      }
      const month = { index: extra.index, heading: extra.heading, period: parsed.period };
      monthSeen.set(parsed.period, month);
      months.push(month);
    } else if (LOOKS_LIKE_PERIOD.test(extra.heading)) {
      problems.push(
        problem(table.headerLine, extra.heading, `${parsed.error}. Head each month column YYYY-MM (or with a date)`)
      );
    } else {
      ignored.push(extra);
    }
  }
  const ignoredNotice = ignoredColumnsNotice(ignored);
  if (ignoredNotice) notices.push(ignoredNotice);
  if (months.length === 0 && problems.length === 0) {
    problems.push(
      problem(
        table.headerLine,
        null,
        "No month columns: after Code, Indicator and Unit, add one column per month headed YYYY-MM, e.g. 2025-04"
      )
    );
  }
  if (table.rows.length === 0) problems.push(problem(null, null, NO_ROWS_MESSAGE));
  if (problems.length > 0) return { rows, problems, notices };

  const codeColumn = header.index.code;
  const unitColumn = header.index.unit;
  const firstSeen = new Map<string, number>();
  const unitMismatches: string[] = [];

  for (const row of table.rows) {
    const widthProblem = checkRowWidth(row, header.width);
    if (widthProblem) {
      problems.push(widthProblem);
      continue;
    }
    const { line, cells } = row;
    const before = problems.length;

    const code = cellText(cells[codeColumn]);
    if (code === null) {
      problems.push(problem(line, header.label.code, NO_INDICATOR_MESSAGE));
      continue;
    }
    const info = context.indicators.get(code);
    if (!info) {
      problems.push(problem(line, header.label.code, unknownIndicatorMessage(code)));
      continue;
    }
    const first = firstSeen.get(code);
    if (first !== undefined) {
      problems.push(problem(line, header.label.code, `Duplicate row: line ${first} already has ${code}`));
      continue;
    }
    firstSeen.set(code, line);

    if (unitColumn >= 0) {
      const unit = cellText(cells[unitColumn]);
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
        problems.push(problem(line, month.heading, `${quote(showCell(cell))} is not a number`));
        continue;
      }
      const misfit = frequencyProblem(code, info.frequency, month.period);
      if (misfit) {
        problems.push(problem(line, month.heading, misfit));
        continue;
      }
      const outOfRange = percentageProblem(value, info.unit);
      if (outOfRange) {
        problems.push(problem(line, month.heading, outOfRange));
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
        note: null,
      });
    }
    if (problems.length === before) rows.push(...figures);
  }

  if (unitMismatches.length > 0) {
    notices.push(
      `The Unit column differs from the indicator library for ${unitMismatches.join(
        "; "
      )}: the library's unit is used; check these rows are for the right indicators`
    );
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push(problem(null, null, "The file has no figures: every month cell is empty"));
  }
  return { rows, problems, notices };
}
