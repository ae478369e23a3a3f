// Validates annual targets: one row per indicator and financial year, with
// the tolerance that separates amber ("within tolerance") from red.

import { parseNumber, showCell } from "./cells";
import { checkIndicatorAndYear, percentageProblem } from "./figure-checks";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { validateRows } from "./validate-rows";

export interface TargetRow {
  indicatorCode: string;
  /** UK financial year, "2025/26". */
  year: string;
  target: number;
  /** How far on the wrong side of the target is still amber, in the indicator's unit; >= 0. */
  tolerance: number;
}

export const TARGET_COLUMNS = { required: ["indicator", "year", "target", "tolerance"], optional: [] } as const;

export function validateTargets(table: Table, context: ImportContext): ValidationResult<TargetRow> {
  return validateRows(table, TARGET_COLUMNS, ({ cells, col, label, report, claimKey }) => {
    const { code, info, year } = checkIndicatorAndYear({ cells, col, label, report }, context);

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
        `The tolerance cannot be negative (${showCell(cells[col.tolerance])}): it is how far off target still counts as amber`,
      );
    }

    if (code !== null && year !== null) {
      const earlier = claimKey(code, year);
      if (earlier) report(null, `Duplicate row: line ${earlier.line} already has a ${year} target for ${code}`);
    }

    if (code === null || year === null || target === null) return null;
    return { indicatorCode: code, year, target, tolerance };
  });
}
