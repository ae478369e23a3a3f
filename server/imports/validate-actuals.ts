// Validates monthly figures in the long layout: one row per indicator,
// period and area, as a performance system exports them.

import { financialYearOf } from "../../app/shared/performance/periods";
import {
  cellText,
  monthName,
  parseFinancialYearCell,
  parseMonthName,
  parseNumber,
  parsePeriodCell,
  roundTo,
  showCell,
  showNumber,
} from "./cells";
import { normaliseHeading } from "./columns";
import { AreaLookup, frequencyProblem, NO_INDICATOR_MESSAGE, percentageProblem, unknownIndicatorMessage } from "./figure-checks";
import type { FigureStatus, ImportContext, ValidationResult } from "./import-types";
import { problem, quote } from "./problems";
import type { Table } from "./read-table";
import { checkHeader, checkRows } from "./validate-rows";

export interface ActualRow {
  indicatorCode: string;
  /** YYYY-MM */
  period: string;
  /** An area name from the library, or "All" for the whole organisation. */
  area: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: FigureStatus;
  /** The status cell said "unaudited" (alone, or after a status: "verified, unaudited"). */
  unaudited: boolean;
  note: string | null;
}

export const ACTUAL_COLUMNS = {
  required: ["indicator", "period", "area", "value", "numerator", "denominator"],
  optional: ["status", "year", "month", "note"],
} as const;

const STATUSES = new Map<string, FigureStatus>([
  ["draft", "draft"],
  ["submitted", "submitted"],
  ["verified", "verified"],
]);

/**
 * The status cell: draft, submitted or verified, and "unaudited" for a figure not yet
 * audited, alone (a submitted figure) or beside a status ("verified, unaudited",
 * "verified unaudited"). Null when it is anything else.
 */
export function readFigureStatus(text: string): { status: FigureStatus; unaudited: boolean } | null {
  const words = text
    .toLowerCase()
    .split(/[\s,;/+]+/)
    .filter(Boolean);
  const unaudited = words.includes("unaudited");
  const rest = words.filter((w) => w !== "unaudited");
  if (rest.length > 1) return null;
  if (rest.length === 0) return unaudited ? { status: "submitted", unaudited } : null;
  const status = STATUSES.get(rest[0]);
  return status ? { status, unaudited } : null;
}

/** A wide-layout header uploaded as long: say so instead of listing six missing columns and stopping there. */
const WIDE_HINT_PATTERN = /^\d{4}-\d{2}/;

/** The value a ratio or mean indicator's numerator and denominator imply. */
export function impliedValue(aggregation: string, numerator: number, denominator: number): number | null {
  if (aggregation === "ratio") return (100 * numerator) / denominator;
  if (aggregation === "mean") return numerator / denominator;
  return null;
}

export function validateActuals(table: Table, context: ImportContext): ValidationResult<ActualRow> {
  const checked = checkHeader(table, ACTUAL_COLUMNS);
  if (
    checked.header.index.period < 0 &&
    table.header.some((h) => normaliseHeading(h) === "code") &&
    table.header.some((h) => WIDE_HINT_PATTERN.test(h.trim()))
  ) {
    checked.problems.push(
      problem(
        table.headerLine,
        null,
        "This looks like the wide layout (one column per month): import it as monthly figures in the wide layout",
      ),
    );
  }

  const areas = new AreaLookup(context);
  return checkRows(table, checked, ({ cells, col, label, report, claimKey }) => {
    // Indicator
    const code = cellText(cells[col.indicator]);
    const info = code === null ? undefined : context.indicators.get(code);
    if (code === null) report(label.indicator, NO_INDICATOR_MESSAGE);
    else if (!info) report(label.indicator, unknownIndicatorMessage(code));

    // Period
    let period: string | null = null;
    const periodCell = cells[col.period];
    if (cellText(periodCell) === null) {
      report(label.period, "No period: use YYYY-MM, e.g. 2025-04");
    } else {
      const parsed = parsePeriodCell(periodCell);
      if ("error" in parsed) report(label.period, parsed.error);
      else {
        period = parsed.period;
        const misfit = info && code !== null ? frequencyProblem(code, info.frequency, period) : null;
        if (misfit) report(label.period, misfit);
      }
    }

    // Area
    let area: string | null = null;
    const areaText = cellText(cells[col.area]);
    if (areaText === null) report(label.area, "No area: give an area name, or All for the whole organisation");
    else {
      area = areas.find(areaText) ?? null;
      if (area === null) report(label.area, areas.unknownMessage(areaText));
    }

    // Numbers
    const readNumber = (index: number, column: string): number | null => {
      const n = parseNumber(cells[index]);
      if (n !== null && Number.isNaN(n)) {
        report(column, `${quote(showCell(cells[index]))} is not a number`);
        return null;
      }
      return n;
    };
    const given = readNumber(col.value, label.value);
    const numerator = readNumber(col.numerator, label.numerator);
    const denominator = readNumber(col.denominator, label.denominator);
    const valueUnreadable = given === null && cellText(cells[col.value]) !== null;
    const numeratorUnreadable = numerator === null && cellText(cells[col.numerator]) !== null;
    const denominatorUnreadable = denominator === null && cellText(cells[col.denominator]) !== null;

    let pairOk = false; // Both numerator and denominator present and sensible.
    if (numerator !== null && denominator === null && !denominatorUnreadable) {
      report(label.denominator, "A numerator needs a denominator: give both, or neither");
    } else if (denominator !== null && numerator === null && !numeratorUnreadable) {
      report(label.numerator, "A denominator needs a numerator: give both, or neither");
    } else if (numerator !== null && denominator !== null) {
      pairOk = true;
      if (denominator === 0) {
        report(
          label.denominator,
          "The denominator is 0: a figure needs at least one case (leave the row out if there were none)",
        );
        pairOk = false;
      } else if (denominator < 0) {
        report(label.denominator, `The denominator cannot be negative (${showNumber(denominator)})`);
        pairOk = false;
      }
      if (numerator < 0) {
        report(label.numerator, `The numerator cannot be negative (${showNumber(numerator)})`);
        pairOk = false;
      }
      if (info && info.aggregation === "ratio" && pairOk && numerator > denominator) {
        report(
          label.numerator,
          `The numerator (${showNumber(numerator)}) is greater than the denominator (${showNumber(
            denominator,
          )}): ${code} is a percentage of the denominator, so it cannot be`,
        );
        pairOk = false;
      }
    }

    let value: number | null = given;
    if (info) {
      const isQuotient = info.aggregation === "ratio" || info.aggregation === "mean";
      const pairTouched = cellText(cells[col.numerator]) !== null || cellText(cells[col.denominator]) !== null;
      const implied =
        pairOk && numerator !== null && denominator !== null ? impliedValue(info.aggregation, numerator, denominator) : null;
      if (given === null && !valueUnreadable) {
        if (implied !== null) {
          // The value can be left for us to work out, at the indicator's decimals.
          value = roundTo(implied, info.decimals);
        } else if (!(isQuotient && pairTouched)) {
          // (When a quotient's numerator or denominator is there but unusable,
          // that problem is already reported and explains the missing value.)
          report(
            label.value,
            isQuotient
              ? "No value: give the value, or the numerator and denominator to work it out from"
              : `No value: ${code} is a ${info.aggregation} indicator, so it needs the value itself`,
          );
        }
      } else if (given !== null && implied !== null) {
        // Half a unit in the last reported decimal place: the value must be
        // the implied figure correctly rounded, not just near it. The tiny
        // extra absorbs binary floating point (12.545 is not exactly 12.545).
        const allowed = 0.5 * 10 ** -info.decimals + 1e-9;
        if (Math.abs(given - implied) > allowed) {
          const formula =
            info.aggregation === "ratio"
              ? `100 × ${showNumber(numerator!)} ÷ ${showNumber(denominator!)}`
              : `${showNumber(numerator!)} ÷ ${showNumber(denominator!)}`;
          report(
            label.value,
            `The value ${showNumber(given)} does not match the numerator and denominator: ${formula} = ${roundTo(
              implied,
              info.decimals,
            ).toFixed(info.decimals)}`,
          );
        }
      }
      if (value !== null) {
        const outOfRange = percentageProblem(value, info.unit);
        if (outOfRange) report(label.value, outOfRange);
      }
    }

    // Status
    let status: FigureStatus = "submitted";
    let unaudited = false;
    if (col.status >= 0) {
      const text = cellText(cells[col.status]);
      if (text !== null) {
        const read = readFigureStatus(text);
        if (read) ({ status, unaudited } = read);
        else
          report(
            label.status,
            `${quote(text)} is not a status: use draft, submitted or verified, and add unaudited where the figure is not yet audited (e.g. “verified, unaudited”; empty is submitted)`,
          );
      }
    }

    // Year and month are optional echoes of the period (spreadsheets keep them
    // for filtering); when present they must agree with it, or one of them is wrong.
    if (col.year >= 0 && cellText(cells[col.year]) !== null) {
      const year = parseFinancialYearCell(cells[col.year]);
      if (year === null) report(label.year, `${quote(showCell(cells[col.year]))} is not a financial year: write it like 2025/26`);
      else if (period !== null && financialYearOf(period) !== year) {
        report(label.year, `The year ${year} does not match the period ${period}, which is in ${financialYearOf(period)}`);
      }
    }
    if (col.month >= 0 && cellText(cells[col.month]) !== null) {
      const month = parseMonthName(cells[col.month]);
      if (month === null) report(label.month, `${quote(showCell(cells[col.month]))} is not a month: write it like Apr`);
      else if (period !== null && Number(period.slice(5, 7)) !== month) {
        report(label.month, `The month ${monthName(month)} does not match the period ${period}`);
      }
    }

    const note = col.note >= 0 ? cellText(cells[col.note]) : null;

    // One figure per indicator, period and area: a second one points at the first.
    if (code !== null && period !== null && area !== null) {
      const earlier = claimKey(code, period, area);
      if (earlier) report(null, `Duplicate row: line ${earlier.line} already has ${code} for ${period}, ${area}`);
    }

    if (code === null || period === null || area === null) return null;
    return { indicatorCode: code, period, area, value, numerator, denominator, status, unaudited, note };
  });
}
