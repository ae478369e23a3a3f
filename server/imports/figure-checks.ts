// Checks shared by the long and wide figure imports (and, for indicators and
// percentages, by targets and benchmarks), so the same mistake gets the same
// words whichever layout it arrives in.

import { periodFitsFrequency } from "../../app/shared/performance/periods";
import type { Frequency } from "../../app/shared/performance/types";
import { monthName, showNumber, cellText, parseFinancialYearCell, showCell } from "./cells";
import { ALL_AREAS } from "./import-types";
import type { IndicatorInfo, ImportContext } from "./import-types";
import { quote } from "./problems";
import type { RowContext } from "./validate-rows";

export function unknownIndicatorMessage(code: string): string {
  return `Unknown indicator code ${quote(code)}: add it to the indicator library first`;
}

export const NO_INDICATOR_MESSAGE = "No indicator code";

/** For a % indicator, a figure outside 0–100 is a typing or formula error; null when the value is fine. */
export function percentageProblem(value: number, unit: string): string | null {
  if (unit !== "%") return null;
  if (value > 100) return `${showNumber(value)} is over 100%: a percentage cannot be more than 100`;
  if (value < 0) return `${showNumber(value)} is below 0%: a percentage cannot be negative`;
  return null;
}

/**
 * Quarterly figures belong to the quarter-end month and annual ones to March
 * (the end of the financial year): a quarterly figure filed under April is
 * either in the wrong column or for the wrong indicator.
 */
export function frequencyProblem(code: string, frequency: Frequency, period: string): string | null {
  if (periodFitsFrequency(period, frequency)) return null;
  const month = monthName(Number(period.slice(5, 7)));
  return frequency === "quarterly"
    ? `${code} is reported quarterly, at the end of June, September, December and March: ${period} (${month}) is not a quarter end`
    : frequency === "annual"
      ? `${code} is reported once a year, in March (the end of the financial year): ${period} is ${month}`
      : `${code} is reported every ${frequency === "biennial" ? "two" : "three"} years, in March (the end of the financial year): ${period} is ${month}`;
}

/**
 * Area names, matched ignoring case and canonicalised to the library's
 * spelling ("north" -> "North"). Built once per file, not per row.
 */
export class AreaLookup {
  private readonly byKey = new Map<string, string>();
  private readonly listed: string;

  constructor(context: ImportContext) {
    for (const area of context.areas) this.byKey.set(area.trim().toLowerCase(), area);
    this.byKey.set(ALL_AREAS.toLowerCase(), ALL_AREAS);
    const names = [...context.areas].filter((a) => a.toLowerCase() !== ALL_AREAS.toLowerCase());
    this.listed =
      names.length === 0
        ? `use ${ALL_AREAS} (the whole organisation); no areas are set up yet`
        : `use ${
            names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}` : names[0]
          }, or ${ALL_AREAS} for the whole organisation`;
  }

  find(name: string): string | undefined {
    return this.byKey.get(name.toLowerCase());
  }

  unknownMessage(name: string): string {
    return `Unknown area ${quote(name)}: ${this.listed}`;
  }
}

export const FINANCIAL_YEAR_HINT = "write it like 2025/26 (April 2025 to March 2026)";

/**
 * The indicator code and financial year that key a target or a benchmark row: each
 * reported on its column when missing, unknown or malformed.
 */
export function checkIndicatorAndYear(
  { cells, col, label, report }: Pick<RowContext<"indicator" | "year">, "cells" | "col" | "label" | "report">,
  context: ImportContext,
): { code: string | null; info: IndicatorInfo | undefined; year: string | null } {
  const code = cellText(cells[col.indicator]);
  const info = code === null ? undefined : context.indicators.get(code);
  if (code === null) report(label.indicator, NO_INDICATOR_MESSAGE);
  else if (!info) report(label.indicator, unknownIndicatorMessage(code));

  const year = parseFinancialYearCell(cells[col.year]);
  if (year === null) {
    const shown = showCell(cells[col.year]);
    report(
      label.year,
      shown === "" ? `No year: ${FINANCIAL_YEAR_HINT}` : `${quote(shown)} is not a financial year: ${FINANCIAL_YEAR_HINT}`,
    );
  }
  return { code, info, year };
}
