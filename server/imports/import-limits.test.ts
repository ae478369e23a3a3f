// The limits on what one import may ask of the server (issue item 6,
// "spreadsheet bombs"): each test is a file an attacker or an unlucky user
// could upload, and checks that it is refused quickly, with a message that
// says why, without the memory it would once have taken.

import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS, importLimits } from "./import-limits";
import type { ImportContext } from "./import-types";
import { parseImport, parseImportHere } from "./parse-import";
import { formatProblem, problemCount } from "./problems";
import { readTable } from "./read-table";
import {
  deflatedPart,
  seedBytes,
  SHEET_HEAD,
  SHEET_TAIL,
  streamedPart,
  testContext,
  workbookParts,
  zipArchive,
  type ZipPart,
} from "./test-support";

const utf8 = (text: string) => new TextEncoder().encode(text);
const noContext: ImportContext = { indicators: new Map(), areas: new Set(), people: new Set() };

/** 12,000,000 identical rows: 312 MB of sheet XML that deflates to a few hundred KB. Made once, for every test here. */
let bomb: Promise<ZipPart> | undefined;
function bombSheet(): Promise<ZipPart> {
  bomb ??= streamedPart("xl/worksheets/sheet1.xml", SHEET_HEAD, () => `<row><c><v>1</v></c></row>`, 12_000_000, SHEET_TAIL);
  return bomb;
}

/** Memory the process holds outside and inside V8, in MB. */
const memoryMb = () => {
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};

describe("a zip bomb disguised as a workbook", () => {
  it("is refused from the archive's table of contents, before anything is inflated", async () => {
    const sheet = await bombSheet();
    const bytes = zipArchive([...workbookParts(), sheet]);
    expect(sheet.size).toBeGreaterThan(300_000_000);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);

    const before = memoryMb();
    const read = await readTable(bytes, "figures.xlsx");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem.message).toMatch(
      /^The Excel file expands to [\d,]+ times its size when opened \(a real workbook expands about ten times, at most 100\): it was not opened/,
    );
    expect(memoryMb() - before).toBeLessThan(50);
  });

  it("is refused through the import thread, as the page and the API see it", async () => {
    const bytes = zipArchive([...workbookParts(), await bombSheet()]);
    const result = await parseImport("actuals", bytes, "figures.xlsx", testContext());
    expect(result.rows).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^The Excel file expands to [\d,]+ times its size/),
    ]);
  });

  it("is refused when the parts add up to more than 50 MB, however they are compressed", async () => {
    // Two parts of 30 MB each, each compressed a plausible 30 times: only their sum is too much.
    // The check is made on the declared sizes, before inflating, so their content is never read.
    const part = (name: string): ZipPart => ({
      name,
      deflated: new Uint8Array(1024 * 1024),
      size: 30 * 1024 * 1024,
      crc: 0,
    });
    const bytes = zipArchive([...workbookParts(), part("xl/worksheets/sheet1.xml"), part("xl/media/image1.png")]);
    const read = await readTable(bytes, "figures.xlsx");
    expect(!read.ok && read.problem.message).toMatch(
      /^The Excel file would take 60.1 MB once opened; an import may take at most 50 MB: split it into smaller files, or save it as CSV$/,
    );
  });

  it("is caught while inflating when the archive understates a part's size", async () => {
    // The archive claims the 340 MB sheet is 100 KB: nothing in the table of contents looks wrong.
    const sheet = { ...(await bombSheet()), declaredSize: 100 * 1024 };
    const bytes = zipArchive([...workbookParts(), sheet]);
    const before = memoryMb();
    const read = await readTable(bytes, "figures.xlsx");
    expect(!read.ok && read.problem.message).toBe(
      "The Excel file could not be opened: it may be damaged or password-protected (“xl/worksheets/sheet1.xml” is larger than the archive says: 100 KB declared)",
    );
    expect(memoryMb() - before).toBeLessThan(50);
  });

  it("is refused when it holds more parts than a workbook has", async () => {
    const parts = [...workbookParts(), ...Array.from({ length: 1_200 }, (_, i) => deflatedPart(`xl/media/p${i}.xml`, "<a/>"))];
    const read = await readTable(zipArchive(parts), "figures.xlsx");
    expect(!read.ok && read.problem.message).toMatch(/^The Excel file holds 1,204 parts; a workbook may hold at most 1,000/);
  });
});

describe("row and cell budgets", () => {
  const header = "indicator,period,area,value,numerator,denominator\n";

  it("refuses a CSV with more rows than an import may have, at the first row past the budget", async () => {
    const rows = Array.from({ length: DEFAULT_IMPORT_LIMITS.maxRows + 1 }, (_, i) => `BV66a,2025-04,North,${i},,\n`);
    const result = await parseImportHere("actuals", utf8(header + rows.join("")), "figures.csv", testContext());
    expect(result.problems.map(formatProblem)).toEqual([
      "The file has more than 100,000 rows; an import may have at most 100,000: split it into smaller files",
    ]);
    expect(result.rows).toEqual([]);

    // Exactly at the budget is fine (the rows are then checked as usual).
    const read = await readTable(utf8(header + rows.slice(1).join("")), "figures.csv");
    expect(read.ok && read.table.rows).toHaveLength(100_000);
  });

  it("stops a CSV of millions of short lines at the row budget", async () => {
    const bytes = utf8("value\n" + "1\n".repeat(2_500_000)); // 5 MB, the most an upload may be.
    const read = await readTable(bytes, "figures.csv");
    expect(!read.ok && read.problem.message).toMatch(/^The file has more than 100,000 rows/);
  });

  it("refuses a CSV line or cell longer than a spreadsheet can hold, without splitting it", async () => {
    const line = await readTable(utf8(header + "BV66a," + "x".repeat(4_000_000) + "\n"), "figures.csv");
    expect(!line.ok && formatProblem(line.problem)).toBe(
      "Line 2: The row is longer than 1,000,000 characters, the most a row may hold",
    );
    const cell = await readTable(utf8(header + `BV66a,2025-04,North,1,,,"${"y".repeat(40_000)}"\n`), "figures.csv");
    expect(!cell.ok && formatProblem(cell.problem)).toBe(
      "Line 2: A cell holds more than 32,767 characters, the most a cell may hold",
    );
  });

  it("refuses a workbook with more rows than an import may have", async () => {
    const sheet = await streamedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_HEAD + `<row r="1"><c r="A1" t="inlineStr"><is><t>value</t></is></c></row>`,
      (i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${(i * 7919) % 1000003}</v></c></row>`,
      100_001,
      SHEET_TAIL,
    );
    const read = await readTable(zipArchive([...workbookParts(), sheet]), "figures.xlsx");
    expect(!read.ok && read.problem.message).toMatch(/^The file has more than 100,000 rows/);
  });

  it("refuses a workbook cell longer than Excel allows, naming the cell", async () => {
    const sheet = deflatedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_HEAD +
        `<row r="1"><c r="A1" t="inlineStr"><is><t>note</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>${"z".repeat(40_000)}</t></is></c></row>` +
        SHEET_TAIL,
    );
    const read = await readTable(zipArchive([...workbookParts(), sheet]), "figures.xlsx");
    expect(!read.ok && formatProblem(read.problem)).toBe(
      "Line 2: Cell A2 holds more than 32,767 characters, the most a cell may hold",
    );
  });

  it("reads a hand-built workbook within the budgets", async () => {
    const sheet = deflatedPart(
      "xl/worksheets/sheet1.xml",
      SHEET_HEAD +
        `<x:row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="C1" t="inlineStr"><is><t> value </t></is></c></x:row>` +
        `<row><c t="inlineStr"><is><t>BV66a</t></is></c><c r="C2"><v>98.5</v></c></row>` +
        SHEET_TAIL.replace("</sheetData>", "</sheetData>"),
    );
    const read = await readTable(zipArchive([...workbookParts(), sheet]), "figures.xlsx");
    expect(read.ok && read.table).toEqual({
      header: ["code", "", "value"],
      headerLine: 1,
      rows: [{ line: 2, cells: ["BV66a", null, 98.5] }],
    });
  });
});

describe("the list of problems", () => {
  it("lists the first 100 problems of a file with 50,000 bad rows, and counts the rest", async () => {
    const header = "indicator,period,area,value,numerator,denominator\n";
    const rows = Array.from({ length: 50_000 }, (_, i) => `NOPE${i},2025-04,North,1,,\n`);
    const bytes = utf8(header + rows.join(""));
    expect(bytes.length).toBeGreaterThan(1024 * 1024);

    const result = await parseImport("actuals", bytes, "figures.csv", testContext());
    expect(result.problems).toHaveLength(101);
    expect(formatProblem(result.problems[0])).toBe(
      "Line 2, column indicator: Unknown indicator code “NOPE0”: add it to the indicator library first",
    );
    expect(result.problems[100]).toEqual({
      line: null,
      column: null,
      message: "…and 49,900 more problems: fix these and upload the file again to see the rest",
      more: 49_900,
    });
    expect(problemCount(result.problems)).toBe(50_000);
    // What the API sends back stays small: the 4.5 MB file once made a 192 MB answer.
    expect(JSON.stringify(result.problems).length).toBeLessThan(20_000);
  });

  it("lists every problem when there are 100 or fewer", async () => {
    const header = "indicator,period,area,value,numerator,denominator\n";
    const rows = Array.from({ length: 100 }, (_, i) => `NOPE${i},2025-04,North,1,,\n`);
    const result = await parseImportHere("actuals", utf8(header + rows.join("")), "figures.csv", testContext());
    expect(result.problems).toHaveLength(100);
    expect(result.problems.some((p) => p.more !== undefined)).toBe(false);
    expect(problemCount(result.problems)).toBe(100);
  });
});

describe("the import thread", () => {
  it("gives the same result as parsing in this thread", async () => {
    const indicators = await parseImport("indicators", seedBytes("indicators.csv"), "indicators.csv", noContext);
    expect(indicators).toEqual(await parseImportHere("indicators", seedBytes("indicators.csv"), "indicators.csv", noContext));
  });

  it("answers a clear problem when the file exhausts the thread's memory, and the server carries on", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `NOPE${i},2025-04,North,${i},,\n`);
    const bytes = utf8("indicator,period,area,value,numerator,denominator\n" + rows.join(""));
    const result = await parseImport("actuals", bytes, "figures.csv", testContext(), { limits: { workerMemoryMb: 16 } });
    expect(result.problems.map(formatProblem)).toEqual([
      "The file needs more than 16 MB of memory to read and check, the most an import may use: split it into smaller files",
    ]);
    // This process is still here, and the next file reads as usual.
    const next = await parseImport("areas", seedBytes("areas.csv"), "areas.csv", noContext);
    expect(next.problems).toEqual([]);
    expect(next.rows).toHaveLength(4);
  });

  it("answers a clear problem when the file takes longer than the time limit", async () => {
    const result = await parseImport("areas", seedBytes("areas.csv"), "areas.csv", noContext, {
      limits: importLimits({ workerTimeMs: 1 }),
    });
    expect(result.problems.map(formatProblem)).toEqual([
      "The file took more than 0.001 s to read and check, the most an import may take: split it into smaller files",
    ]);
  });
});
