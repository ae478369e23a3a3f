// The part every validator shares: match the header, then one pass over the
// rows that records every problem and keeps a row only when its own line had
// none (see the policy in parse-import.ts). Each validator supplies the
// columns it expects and the checks on one row; the order in which problems
// are recorded here is the order users see, so it must not change.

import { checkRowWidth, ignoredColumnsNotice, matchHeaders, NO_ROWS_MESSAGE, type ColumnSpec, type HeaderMatch } from "./columns";
import type { ValidationResult } from "./import-types";
import { problem, type ImportProblem } from "./problems";
import type { CellValue, Table, TableRow } from "./read-table";

/** A file whose header has been matched, with what has been found so far. */
export interface HeaderChecked<Name extends string> {
  header: HeaderMatch<Name>;
  problems: ImportProblem[];
  notices: string[];
}

/** One row as a validator's row check sees it. */
export interface RowContext<Name extends string> {
  line: number;
  cells: readonly CellValue[];
  /** Where each expected column is in `cells`; -1 for an optional column the file does not have. */
  col: Record<Name, number>;
  /** Each expected column's heading as written in the file, for problems. */
  label: Record<Name, string>;
  /** Records a problem on this row's line; `column` null for the whole row. */
  report(column: string | null, message: string): void;
  /**
   * Claims a key (e.g. indicator and year) for this row and returns the
   * earlier row that claimed it first, if any, so a duplicate can point at
   * the original line. Parts are joined with NUL, which nobody types into a
   * cell, so ("a b", "c") and ("a", "b c") stay different keys.
   */
  claimKey(...parts: string[]): TableRow | undefined;
}

/**
 * What one row yields: a typed row, several (the wide layout gives one per
 * month), or null when the row cannot give one. Whatever it is, it is kept
 * only if the row reported no problem.
 */
export type RowOutcome<Row> = Row | readonly Row[] | null;

/** Matches the header; a validator with extra header rules adds its problems before checking the rows. */
export function checkHeader<Name extends string>(table: Table, columns: ColumnSpec<Name>): HeaderChecked<Name> {
  const header = matchHeaders(table, columns);
  return { header, problems: [...header.problems], notices: [] };
}

/**
 * Checks every row, unless the header already has problems or there are no
 * rows: a file with a broken header would produce a misleading problem on
 * every line. `ignoredColumns` are the extra headings to mention as unused;
 * by default all of them, but a kind may give some extras a meaning.
 */
export function checkRows<Name extends string, Row>(
  table: Table,
  checked: HeaderChecked<Name>,
  checkRow: (row: RowContext<Name>) => RowOutcome<Row>,
  ignoredColumns: readonly { heading: string }[] = checked.header.extras,
): ValidationResult<Row> {
  const { header, problems, notices } = checked;
  const rows: Row[] = [];
  const ignored = ignoredColumnsNotice(ignoredColumns);
  if (ignored) notices.push(ignored);
  if (table.rows.length === 0) problems.push(problem(null, null, NO_ROWS_MESSAGE));
  if (problems.length > 0) return { rows, problems, notices };

  const firstClaims = new Map<string, TableRow>();
  for (const row of table.rows) {
    const widthProblem = checkRowWidth(row, header.width);
    if (widthProblem) {
      problems.push(widthProblem);
      continue;
    }
    const before = problems.length;
    const outcome = checkRow({
      line: row.line,
      cells: row.cells,
      col: header.index,
      label: header.label,
      report: (column, message) => problems.push(problem(row.line, column, message)),
      claimKey: (...parts) => {
        const key = parts.join("\u0000");
        const earlier = firstClaims.get(key);
        if (earlier === undefined) firstClaims.set(key, row);
        return earlier;
      },
    });
    if (problems.length > before || outcome === null) continue;
    if (isRowList(outcome)) rows.push(...outcome);
    else rows.push(outcome);
  }
  return { rows, problems, notices };
}

/** The whole validation for a kind whose header needs nothing beyond the expected columns. */
export function validateRows<Name extends string, Row>(
  table: Table,
  columns: ColumnSpec<Name>,
  checkRow: (row: RowContext<Name>) => RowOutcome<Row>,
): ValidationResult<Row> {
  return checkRows(table, checkHeader(table, columns), checkRow);
}

// Typed rows are plain objects, never arrays, so an array is always a list of rows.
function isRowList<Row>(outcome: Row | readonly Row[]): outcome is readonly Row[] {
  return Array.isArray(outcome);
}
