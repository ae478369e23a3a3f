// Validates the indicator library: one row per indicator, in the columns of
// db/seed-data/indicators.csv.

import type { Aggregation, Frequency, Polarity } from "../../app/shared/performance/types";
import { AGGREGATIONS, FREQUENCIES, POLARITIES, STATUS_BASES, type StatusBasis } from "../../app/shared/vocabulary";
import { cellText, parseNumber, parseYesNo, showCell } from "./cells";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { validateRows } from "./validate-rows";

export interface IndicatorRow {
  code: string;
  title: string;
  theme: string;
  category: string;
  unit: string;
  polarity: Polarity;
  frequency: Frequency;
  aggregation: Aggregation;
  /** 0 to 4. */
  decimals: number;
  tenantTopTen: boolean;
  byArea: boolean;
  /** The optional columns: undefined where the file has no such column (the library keeps what it has). */
  definition?: string;
  dataSource?: string;
  /** A member's address in lower case, or null for "nobody" (an empty cell). */
  ownerEmail?: string | null;
  managerEmail?: string | null;
  /** `period` or `year_to_date`; undefined (no column, or an empty cell) keeps the indicator's, `period` for a new one. */
  statusBasis?: StatusBasis;
  /** The `active` column: false retires the indicator, true reinstates it; undefined leaves it as it is. */
  active?: boolean;
}

export const INDICATOR_COLUMNS = {
  required: ["code", "title", "theme", "category", "unit", "polarity", "frequency", "aggregation", "decimals"],
  // Flags default to "no": most indicators are neither tenant-chosen nor broken down by area.
  optional: ["tenant_top_ten", "by_area", "definition", "data_source", "owner_email", "manager_email", "status_basis", "active"],
} as const;

const MAX_DECIMALS = 4;

function choice<T extends string>(options: readonly T[]): Map<string, T> {
  return new Map(options.map((o) => [o, o]));
}
const POLARITY = choice(POLARITIES);
const FREQUENCY = choice(FREQUENCIES);
const AGGREGATION = choice(AGGREGATIONS);
const STATUS_BASIS = choice(STATUS_BASES);

function orList(options: readonly string[]): string {
  return `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
}

/** Longest definition or data source kept: a paragraph or two, not a document. */
const MAX_DESCRIPTION = 4000;

// An indicator file defines the library; of the context it needs the people, who may be
// named as owners and managers, and the codes already given (retired ones included).
export function validateIndicators(table: Table, context?: ImportContext): ValidationResult<IndicatorRow> {
  const libraryCodes = new Map([...(context?.indicators.keys() ?? [])].map((code) => [code.toLowerCase(), code]));
  return validateRows(table, INDICATOR_COLUMNS, ({ cells, col, label, report, claimKey }) => {
    const text = (name: keyof typeof col, what: string): string => {
      const value = cellText(cells[col[name]]);
      if (value === null) report(label[name], `No ${what}`);
      return value ?? "";
    };
    const pick = <T extends string>(name: keyof typeof col, map: Map<string, T>, options: readonly string[]): T => {
      const value = cellText(cells[col[name]]);
      const found = value === null ? undefined : map.get(value.toLowerCase());
      if (!found) {
        const article = /^[aeiou]/.test(name) ? "an" : "a";
        report(
          label[name],
          value === null
            ? `No ${name}: use ${orList(options)}`
            : `${quote(value)} is not ${article} ${name}: use ${orList(options)}`,
        );
      }
      return found ?? (options[0] as T);
    };
    const flag = (name: "tenant_top_ten" | "by_area"): boolean => {
      if (col[name] < 0) return false;
      const value = parseYesNo(cells[col[name]]);
      if (value === undefined) report(label[name], `${quote(showCell(cells[col[name]]))} is not yes or no`);
      return value ?? false; // Empty means no.
    };

    const code = text("code", "indicator code");
    if (code !== "") {
      // Codes are case-sensitive, but two that differ only in case are a typing
      // error in practice, and would confuse everyone who reads a report.
      // A code is never given to a second indicator, retired or not: one differing only in capitals would be.
      const inLibrary = libraryCodes.get(code.toLowerCase());
      if (inLibrary !== undefined && inLibrary !== code)
        report(
          label.code,
          `${quote(code)} differs from ${quote(inLibrary)} in the library only in capital letters: use ${inLibrary}`,
        );
      const earlier = claimKey(code.toLowerCase());
      if (earlier) {
        const earlierCode = showCell(earlier.cells[col.code]);
        report(
          label.code,
          earlierCode === code
            ? `Duplicate indicator: line ${earlier.line} already has ${code}`
            : `${quote(code)} differs from ${quote(earlierCode)} on line ${
                earlier.line
              } only in capital letters: use one spelling`,
        );
      }
    }
    const title = text("title", "title");
    const theme = text("theme", "theme: every indicator hangs under a strategic theme");
    const category = text("category", "category");
    const unit = text("unit", "unit (e.g. %, days, £, count)");
    const polarity = pick("polarity", POLARITY, POLARITIES);
    const frequency = pick("frequency", FREQUENCY, FREQUENCIES);
    const aggregation = pick("aggregation", AGGREGATION, AGGREGATIONS);

    let decimals = 0;
    const decimalsCell = cells[col.decimals];
    const parsedDecimals = parseNumber(decimalsCell);
    if (parsedDecimals === null) report(label.decimals, `No decimals: give the decimal places, 0 to ${MAX_DECIMALS}`);
    else if (!Number.isInteger(parsedDecimals) || parsedDecimals < 0 || parsedDecimals > MAX_DECIMALS) {
      report(
        label.decimals,
        `${quote(showCell(decimalsCell))} is not a number of decimal places: use a whole number from 0 to ${MAX_DECIMALS}`,
      );
    } else decimals = parsedDecimals;

    // Empty or absent: as it is. The export writes yes or no for every indicator.
    const active = (): boolean | undefined => {
      if (col.active < 0 || cellText(cells[col.active]) === null) return undefined;
      const value = parseYesNo(cells[col.active]);
      if (value === undefined)
        report(label.active, `${quote(showCell(cells[col.active]))} is not yes or no: “no” retires the indicator`);
      return value ?? undefined;
    };
    const tenantTopTen = flag("tenant_top_ten");
    const byArea = flag("by_area");
    const description = (name: "definition" | "data_source"): string | undefined => {
      if (col[name] < 0) return undefined;
      const value = cellText(cells[col[name]]) ?? "";
      if (value.length > MAX_DESCRIPTION)
        report(label[name], `Keep the ${name.replace("_", " ")} to ${MAX_DESCRIPTION} characters`);
      return value;
    };
    const person = (name: "owner_email" | "manager_email"): string | null | undefined => {
      if (col[name] < 0) return undefined;
      const value = cellText(cells[col[name]]);
      if (value === null) return null;
      const email = value.toLowerCase();
      // The same words whether the address is unknown or belongs to another organisation.
      if (!context?.people.has(email))
        report(label[name], `${quote(value)} is not a member of this organisation: invite them first, or leave the cell empty`);
      return email;
    };

    const statusBasis = (): StatusBasis | undefined => {
      if (col.status_basis < 0) return undefined;
      const value = cellText(cells[col.status_basis]);
      if (value === null) return undefined;
      const found = STATUS_BASIS.get(value.toLowerCase());
      if (!found) report(label.status_basis, `${quote(value)} is not a status basis: use ${orList(STATUS_BASES)}`);
      return found;
    };

    return {
      code,
      title,
      theme,
      category,
      unit,
      polarity,
      frequency,
      aggregation,
      decimals,
      tenantTopTen,
      byArea,
      definition: description("definition"),
      dataSource: description("data_source"),
      ownerEmail: person("owner_email"),
      managerEmail: person("manager_email"),
      statusBasis: statusBasis(),
      active: active(),
    };
  });
}
