// Validates the list of areas (neighbourhoods, patches) and their homes: the
// homes are the weights for organisation-wide averages of snapshot percentages.

import { cellText, parseNumber, showCell } from "./cells";
import { ALL_AREAS, type ImportContext, type ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { validateRows } from "./validate-rows";

export interface AreaRow {
  area: string;
  homes: number;
}

export const AREA_COLUMNS = { required: ["area", "homes"], optional: [] } as const;

export function validateAreas(table: Table, _context?: ImportContext): ValidationResult<AreaRow> {
  return validateRows(table, AREA_COLUMNS, ({ cells, col, label, report, claimKey }) => {
    const area = cellText(cells[col.area]);
    if (area === null) report(label.area, "No area name");
    else if (area.toLowerCase() === ALL_AREAS.toLowerCase()) {
      report(label.area, `${quote(area)} is kept for the whole organisation: give the area a different name`);
    } else {
      // Area names are matched ignoring case on import, so they must differ by more than case.
      const earlier = claimKey(area.toLowerCase());
      if (earlier) report(label.area, `Duplicate area: line ${earlier.line} already has ${area}`);
    }

    const homes = parseNumber(cells[col.homes]);
    if (homes === null) report(label.homes, "No number of homes");
    else if (!Number.isInteger(homes) || homes < 0) {
      report(label.homes, `${quote(showCell(cells[col.homes]))} is not a number of homes: use a whole number`);
    }

    return area === null || homes === null ? null : { area, homes };
  });
}
