import { describe, expect, it } from "vitest";
import type { ImportContext } from "./import-types";
import { buildImportContext, importKindSchema, isImportable, parseImportHere } from "./parse-import";
import { formatProblem } from "./problems";
import { readCsv } from "./read-table";
import { seedBytes, testContext, xlsxBytes } from "./test-support";

const utf8 = (text: string) => new TextEncoder().encode(text);
const noContext: ImportContext = { indicators: new Map(), areas: new Set(), people: new Set() };

// These tests check the parsing itself in this thread (parseImportHere);
// import-limits.test.ts checks parseImport, which runs the same in a thread of its own.

/** The demo's people, whom the sample library names as owners and managers. */
const DEMO_PEOPLE = ["admin@northfield.example", "officer@northfield.example"];

/** The context from the sample library, itself read through the importer. */
async function seedContext(): Promise<ImportContext> {
  const people = buildImportContext([], [], DEMO_PEOPLE);
  const indicators = await parseImportHere("indicators", seedBytes("indicators.csv"), "indicators.csv", people);
  const areas = await parseImportHere("areas", seedBytes("areas.csv"), "areas.csv", noContext);
  expect(indicators.problems).toEqual([]);
  expect(areas.problems).toEqual([]);
  return buildImportContext(indicators.rows, areas.rows, DEMO_PEOPLE);
}

describe("parseImportHere on the sample data in db/seed-data", () => {
  it.each([
    ["indicators", "indicators.csv", 29],
    ["areas", "areas.csv", 4],
    ["targets", "targets.csv", 102],
    ["benchmarks", "benchmarks.csv", 17],
    ["actuals", "actuals.csv", 1826],
    ["actuals-wide", "actuals-wide.csv", 546],
  ] as const)("%s (%s) parses with no problems", async (kind, file, count) => {
    const result = await parseImportHere(kind, seedBytes(file), file, await seedContext());
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.rows).toHaveLength(count);
  });

  it("reads the indicator library's details", async () => {
    const context = await seedContext();
    expect(context.indicators.get("BV66d")).toEqual({
      frequency: "quarterly",
      unit: "%",
      aggregation: "ratio",
      decimals: 2,
    });
    expect(context.indicators.get("CH01-1")?.unit).toBe("per 1,000 homes");
    expect([...context.areas]).toEqual(["North", "East", "South", "West"]);
  });

  it("gives the same organisation-wide figures in the wide layout as in the long one", async () => {
    const context = await seedContext();
    const long = await parseImportHere("actuals", seedBytes("actuals.csv"), "actuals.csv", context);
    const wide = await parseImportHere("actuals-wide", seedBytes("actuals-wide.csv"), "actuals-wide.csv", context);
    const key = (r: { indicatorCode: string; period: string }) => `${r.indicatorCode} ${r.period}`;
    const longAll = new Map(long.rows.filter((r) => r.area === "All").map((r) => [key(r), r.value]));
    expect(new Map(wide.rows.map((r) => [key(r), r.value]))).toEqual(longAll);
  });

  it("reads an .xlsx of the wide sample, with real dates as month headings, into the same rows as the CSV", async () => {
    const context = await seedContext();
    const fromCsv = await parseImportHere("actuals-wide", seedBytes("actuals-wide.csv"), "actuals-wide.csv", context);

    const read = readCsv(new TextDecoder().decode(seedBytes("actuals-wide.csv")));
    if (!read.ok) throw new Error(read.problem.message);
    const bytes = await xlsxBytes((sheet) => {
      const header = read.table.header.map((heading, i) => {
        if (i < 3) return heading;
        const [year, month] = heading.split("-").map(Number);
        return new Date(Date.UTC(year, month - 1, 1));
      });
      const headerRow = sheet.addRow(header);
      for (let c = 4; c <= header.length; c++) headerRow.getCell(c).numFmt = "mmm-yy";
      for (const row of read.table.rows) {
        sheet.addRow(row.cells.map((cell, i) => (i < 3 || cell === null ? cell : Number(cell))));
      }
    });
    const fromXlsx = await parseImportHere("actuals-wide", bytes, "Performance 2024-26.xlsx", context);

    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.notices).toEqual([]);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
  });

  it("reads a long-form .xlsx with dates and serial numbers as periods", async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(["indicator", "period", "area", "value", "numerator", "denominator", "status"]);
      sheet.addRow(["BV66a", new Date(Date.UTC(2025, 3, 1)), "North", 98.73, 311, 315, "verified"]);
      sheet.addRow(["BV66a", 45778, "North", null, 311, 315]);
    });
    const result = await parseImportHere("actuals", bytes, "upload.xlsx", testContext());
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.period, r.value, r.status])).toEqual([
      ["2025-04", 98.73, "verified"],
      ["2025-05", 98.73, "submitted"],
    ]);
  });
});

describe("parseImportHere on awkward files", () => {
  it("refuses an empty file", async () => {
    const result = await parseImportHere("actuals", new Uint8Array(0), "figures.csv", testContext());
    expect(result).toEqual({
      rows: [],
      problems: [{ line: null, column: null, message: "The file is empty" }],
      notices: [],
    });
  });

  it("refuses a file over the size limit", async () => {
    const result = await parseImportHere("actuals", new Uint8Array(Math.round(7.2 * 1024 * 1024)), "figures.csv", testContext());
    expect(result.problems.map(formatProblem)).toEqual(["The file is 7.2 MB; the limit is 5 MB"]);
  });

  it("refuses a file with a header but no rows", async () => {
    const result = await parseImportHere("targets", utf8("indicator,year,target,tolerance\r\n"), "targets.csv", testContext());
    expect(result.problems.map(formatProblem)).toEqual(["The file has a header but no rows"]);
  });

  it("reads UTF-8 with a byte-order mark (Excel's CSV UTF-8)", async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('indicator,period,area,value,numerator,denominator\r\nLPI-03,2025-04,North,"£386,834",,\r\n'),
    ]);
    const result = await parseImportHere("actuals", bytes, "figures.csv", testContext());
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.rows[0]).toMatchObject({ indicatorCode: "LPI-03", value: 386834 });
  });

  it("reads Windows-1252 with a £ sign (Excel's plain CSV), noting the encoding", async () => {
    const header = utf8("code,title,theme,category,unit,polarity,frequency,aggregation,decimals,tenant_top_ten,by_area\r\n");
    const row = [
      ...utf8("LPI-03,Current tenant rent arrears,Valuing Resources,Local indicator,"),
      0xa3,
      ...utf8(",lower,monthly,snapshot,0,yes,yes\r\n"),
    ];
    const figures = [
      ...utf8('indicator,period,area,value,numerator,denominator\r\nLPI-03,2025-04,North,"'),
      0xa3,
      ...utf8('386,834",,\r\n'),
    ];

    const library = await parseImportHere("indicators", new Uint8Array([...header, ...row]), "indicators.csv", noContext);
    expect(library.problems).toEqual([]);
    expect(library.rows[0].unit).toBe("£");
    expect(library.notices).toEqual([expect.stringMatching(/Windows-1252/)]);

    const result = await parseImportHere("actuals", new Uint8Array(figures), "figures.csv", testContext());
    expect(result.problems).toEqual([]);
    expect(result.rows[0].value).toBe(386834);
  });

  it("reports line numbers that match the file, across blank lines and multi-line cells", async () => {
    const text = [
      "indicator,period,area,value,numerator,denominator,status,note",
      'BV66a,2025-04,North,98.73,311,315,verified,"A note',
      'over two lines"',
      "",
      "BV66a,2025-05,North,abc,,,,",
    ].join("\r\n");
    const result = await parseImportHere("actuals", utf8(text), "figures.csv", testContext());
    expect(result.problems.map(formatProblem)).toEqual(["Line 5, column value: “abc” is not a number"]);
  });
});

describe("the all-or-nothing policy", () => {
  it("makes a file importable only when it has no problems, while still returning the rows that passed", async () => {
    const text = "indicator,period,area,value,numerator,denominator\r\nBV66b,2025-04,North,3,,\r\nBV66b,2025-05,North,abc,,\r\n";
    const result = await parseImportHere("actuals", utf8(text), "figures.csv", testContext());
    expect(result.rows).toHaveLength(1);
    expect(result.problems).toHaveLength(1);
    expect(isImportable(result)).toBe(false);
    expect(isImportable({ rows: [], problems: [], notices: ["a notice never blocks"] })).toBe(true);
  });

  it("accepts only the known kinds from a form", () => {
    expect(importKindSchema.parse("actuals-wide")).toBe("actuals-wide");
    expect(importKindSchema.safeParse("users").success).toBe(false);
  });
});
