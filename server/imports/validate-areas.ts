// Validates the list of areas (neighbourhoods, patches) and their homes: the
// homes are the weights for organisation-wide averages of snapshot percentages.

import { cellText, parseNumber, showCell } from "./cells";
import { checkRowWidth, ignoredColumnsNotice, matchHeaders, NO_ROWS_MESSAGE } from "./columns";
import { ALL_AREAS, type ImportContext, type ValidationResult } from "./import-types";
import { problem, quote, type ImportProblem } from "./problems";
import type { Table } from "./read-table";

export interface AreaRow {
  area: string;
  homes: number;
}

export const AREA_COLUMNS = { required: ["area", "homes"], optional: [] } as const;

export function validateAreas(table: Table, _context?: ImportContext): ValidationResult<AreaRow> {
  const header = matchHeaders(table, AREA_COLUMNS);
  const problems: ImportProblem[] = [...header.problems];
  const notices: string[] = [];
  const rows: AreaRow[] = [];
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

    const area = cellText(cells[col.area]);
    if (area === null) problems.push(problem(line, label.area, "No area name"));
    else if (area.toLowerCase() === ALL_AREAS.toLowerCase()) {
      problems.push(
        problem(line, label.area, `${quote(area)} is kept for the whole organisation: give the area a different name`)
      );
    } else {
      // Area names are matched ignoring case on import, so they must differ by more than case.
      const first = firstSeen.get(area.toLowerCase());
      if (first !== undefined)
        problems.push(problem(line, label.area, `Duplicate area: line ${first} already has ${area}`));
      else firstSeen.set(area.toLowerCase(), line);
    }

    const homes = parseNumber(cells[col.homes]);
    if (homes === null) problems.push(problem(line, label.homes, "No number of homes"));
    else if (!Number.isInteger(homes) || homes < 0) {
      problems.push(
        problem(line, label.homes, `${quote(showCell(cells[col.homes]))} is not a number of homes: use a whole number`)
      );
    }

    if (problems.length === before && area !== null && homes !== null) rows.push({ area, homes });
  }
  return { rows, problems, notices };
}
