// Validates annual targets: one row per indicator, financial year and area, with
// the tolerance that separates amber ("within tolerance") from red, and optionally
// a profile: the target month by month (columns apr ... mar of that year).

import { formatPeriod, parseFinancialYear, periodFitsFrequency } from "../../app/shared/performance/periods";
import { cellText, parseNumber, showCell } from "./cells";
import { AreaLookup, checkIndicatorAndYear, frequencyProblem, percentageProblem } from "./figure-checks";
import { ALL_AREAS, type ImportContext, type ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { validateRows } from "./validate-rows";

export interface TargetRow {
  indicatorCode: string;
  /** UK financial year, "2025/26". */
  year: string;
  /** An area name from the library, or "All" for the whole organisation's target. */
  area: string;
  target: number;
  /** How far on the wrong side of the target is still amber, in the indicator's unit; >= 0. */
  tolerance: number;
  /**
   * The month-by-month target ("2025-04": 97), null when the annual target holds every
   * month, undefined when the file has no month columns (an existing profile stays).
   */
  profile?: Record<string, number> | null;
}

/** The profile columns, in the order of the financial year, and each one's month number. */
export const PROFILE_MONTHS = [
  ["apr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
] as const;

type ProfileColumn = (typeof PROFILE_MONTHS)[number][0];

export const TARGET_COLUMNS = {
  required: ["indicator", "year", "target", "tolerance"],
  optional: ["area", ...PROFILE_MONTHS.map(([name]) => name)],
} as const satisfies { required: readonly string[]; optional: readonly (string | ProfileColumn)[] };

/** The period of a profile column in a financial year: January to March fall in its second calendar year. */
function profilePeriod(year: string, month: number): string {
  const start = parseFinancialYear(year);
  return formatPeriod(month >= 4 ? start : start + 1, month);
}

export function validateTargets(table: Table, context: ImportContext): ValidationResult<TargetRow> {
  const areas = new AreaLookup(context);
  return validateRows(table, TARGET_COLUMNS, ({ cells, col, label, report, claimKey }) => {
    const { code, info, year } = checkIndicatorAndYear({ cells, col, label, report }, context);

    // A missing column or an empty cell is the whole organisation's target.
    let area: string | null = ALL_AREAS;
    const areaText = col.area < 0 ? null : cellText(cells[col.area]);
    if (areaText !== null) {
      area = areas.find(areaText) ?? null;
      if (area === null) report(label.area, areas.unknownMessage(areaText));
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
        `The tolerance cannot be negative (${showCell(cells[col.tolerance])}): it is how far off target still counts as amber`,
      );
    }

    // The profile: empty months keep the annual target.
    const profile: Record<string, number> = {};
    const hasProfileColumns = PROFILE_MONTHS.some(([name]) => col[name] >= 0);
    for (const [name, month] of PROFILE_MONTHS) {
      if (col[name] < 0) continue;
      const cell = cells[col[name]];
      const value = parseNumber(cell);
      if (value === null) continue;
      if (Number.isNaN(value)) {
        report(label[name], `${quote(showCell(cell))} is not a number`);
        continue;
      }
      if (info) {
        const outOfRange = percentageProblem(value, info.unit);
        if (outOfRange) report(label[name], outOfRange);
      }
      if (year === null) continue;
      const period = profilePeriod(year, month);
      if (code !== null && info && !periodFitsFrequency(period, info.frequency)) {
        report(label[name], `${frequencyProblem(code, info.frequency, period)}: leave this month empty`);
        continue;
      }
      profile[period] = value;
    }

    if (code !== null && year !== null && area !== null) {
      const earlier = claimKey(code, year, area);
      const where = area === ALL_AREAS ? "" : `, ${area}`;
      if (earlier) report(null, `Duplicate row: line ${earlier.line} already has a ${year} target for ${code}${where}`);
    }

    if (code === null || year === null || target === null || area === null) return null;
    const row: TargetRow = { indicatorCode: code, year, area, target, tolerance };
    if (hasProfileColumns) row.profile = Object.keys(profile).length ? profile : null;
    return row;
  });
}
