// Validates peer-group benchmarks: quartile boundaries per indicator, year
// and peer group (e.g. from a benchmarking club), from which the quartile
// position of each figure is derived.

import { cellText, parseNumber, showCell, showNumber } from "./cells";
import { checkIndicatorAndYear, percentageProblem } from "./figure-checks";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { validateRows } from "./validate-rows";

export interface BenchmarkRow {
  indicatorCode: string;
  year: string;
  peerGroup: string;
  /** The best-performing quartile's boundary: the smallest number for a lower-is-better indicator. */
  upperQuartile: number;
  median: number;
  lowerQuartile: number;
}

export const BENCHMARK_COLUMNS = {
  required: ["indicator", "year", "peer_group", "upper_quartile", "median", "lower_quartile"],
  optional: [],
} as const;

const QUARTILES = [
  ["upper_quartile", "upper quartile"],
  ["median", "median"],
  ["lower_quartile", "lower quartile"],
] as const;

export function validateBenchmarks(table: Table, context: ImportContext): ValidationResult<BenchmarkRow> {
  return validateRows(table, BENCHMARK_COLUMNS, ({ cells, col, label, report, claimKey }) => {
    const { code, info, year } = checkIndicatorAndYear({ cells, col, label, report }, context);

    const peerGroup = cellText(cells[col.peer_group]);
    if (peerGroup === null) report(label.peer_group, "No peer group: name the group the figures compare against");

    const values: (number | null)[] = QUARTILES.map(([name, words]) => {
      const value = parseNumber(cells[col[name]]);
      if (value === null) report(label[name], `No ${words}`);
      else if (Number.isNaN(value)) report(label[name], `${quote(showCell(cells[col[name]]))} is not a number`);
      else {
        const outOfRange = info ? percentageProblem(value, info.unit) : null;
        if (outOfRange) report(label[name], outOfRange);
        else return value;
      }
      return null;
    });
    const [upper, median, lower] = values;

    // The boundaries are in the indicator's own direction (for a
    // lower-is-better indicator the upper quartile is the smallest number).
    // Polarity is not known here, so either order is accepted; what cannot
    // be right is a median outside the other two.
    if (upper !== null && median !== null && lower !== null) {
      const descending = upper >= median && median >= lower;
      const ascending = upper <= median && median <= lower;
      if (!descending && !ascending) {
        report(
          label.median,
          `The quartiles are out of order: the median (${showNumber(
            median,
          )}) must lie between the upper quartile (${showNumber(upper)}) and the lower quartile (${showNumber(lower)})`,
        );
      }
    }

    if (code !== null && year !== null && peerGroup !== null) {
      const earlier = claimKey(code, year, peerGroup.toLowerCase());
      if (earlier) report(null, `Duplicate row: line ${earlier.line} already has ${code} for ${year} and this peer group`);
    }

    if (code === null || year === null || peerGroup === null || upper === null || median === null || lower === null) {
      return null;
    }
    return { indicatorCode: code, year, peerGroup, upperQuartile: upper, median, lowerQuartile: lower };
  });
}
