// Helpers shared by the tests in this folder (not imported by production code).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ImportContext, IndicatorInfo } from "./import-types";
import { readCsv, type Table } from "./read-table";

export const SEED_DIR = fileURLToPath(new URL("../../db/seed-data/", import.meta.url));

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SEED_DIR + name));
}

/** Reads CSV text into a table, failing the test if the CSV itself cannot be read. */
export function csvTable(text: string): Table {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`CSV did not read: ${read.problem.message}`);
  return read.table;
}

/** CSV lines joined with CRLF, as Excel writes them. */
export function csv(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}

const info = (frequency: IndicatorInfo["frequency"], unit: string, aggregation: string, decimals: number): IndicatorInfo => ({
  frequency,
  unit,
  aggregation,
  decimals,
});

/** A small library with one indicator of each behaviour the validators care about. */
export function testContext(): ImportContext {
  return {
    indicators: new Map<string, IndicatorInfo>([
      ["BV66a", info("monthly", "%", "ratio", 2)], // rent collected
      ["BV66b", info("monthly", "%", "snapshot", 2)], // arrears over seven weeks
      ["BV66d", info("quarterly", "%", "ratio", 2)], // evictions
      ["BV212", info("monthly", "days", "mean", 2)], // re-let days
      ["LPI-03", info("monthly", "£", "snapshot", 0)], // current arrears
      ["LPI-07", info("monthly", "count", "sum", 0)], // new ASB cases
      ["TP01", info("annual", "%", "survey", 1)], // overall satisfaction
      ["WK01", info("weekly", "count", "sum", 0)],
    ]),
    areas: new Set(["North", "East", "South", "West"]),
  };
}

/** Builds an .xlsx in memory; `fill` writes the first worksheet. */
export async function xlsxBytes(
  fill: (sheet: import("exceljs").Worksheet, workbook: import("exceljs").Workbook) => void,
): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Figures");
  fill(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
