import { describe, expect, it } from "vitest";
import { readCsv, readTable } from "./read-table";
import { csv, xlsxBytes } from "./test-support";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readCsv", () => {
  it("keeps each row's physical line number (header = line 1)", () => {
    const read = readCsv(csv("indicator,value", "BV66a,98.1", "", "BV66b,3.0", ",", "BV66c,12.0"));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.header).toEqual(["indicator", "value"]);
    expect(read.table.headerLine).toBe(1);
    expect(read.table.rows).toEqual([
      { line: 2, cells: ["BV66a", "98.1"] },
      { line: 4, cells: ["BV66b", "3.0"] }, // line 3 is blank
      { line: 6, cells: ["BV66c", "12.0"] }, // line 5 is a row of empty cells
    ]);
  });

  it("counts lines inside quoted cells, with LF or CRLF endings", () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["code,title", 'A,"Two', 'lines"', "B,one line", 'C,"£ and ""quotes"""'].join(eol);
      const read = readCsv(text);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
        [2, "A"],
        [4, "B"],
        [5, "C"],
      ]);
      expect(read.table.rows[0].cells[1]).toBe(`Two${eol}lines`);
      expect(read.table.rows[2].cells[1]).toBe('£ and "quotes"');
    }
  });

  it("counts lines of spaces, and lines ended by CR alone (old Mac files)", () => {
    const spaces = readCsv("code,value\n   \nA,1\n\t\nB,2");
    expect(spaces.ok && spaces.table.rows.map((r) => r.line)).toEqual([3, 5]);
    const mac = readCsv('code,title\rA,"two\rlines"\r\rB,x\r');
    expect(mac.ok && mac.table.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("counts blank lines before the header", () => {
    const read = readCsv("\n\nindicator,value\nBV66a,1\n");
    expect(read.ok && read.table.headerLine).toBe(3);
    expect(read.ok && read.table.rows[0].line).toBe(4);
  });

  it("trims cells and makes empty cells null", () => {
    const read = readCsv(csv(" indicator , value ", " BV66a ,  ", "BV66b,\u00a03\u00a0"));
    expect(read.ok && read.table.header).toEqual(["indicator", "value"]);
    expect(read.ok && read.table.rows.map((r) => r.cells)).toEqual([
      ["BV66a", null],
      ["BV66b", "3"],
    ]);
  });

  it("keeps short and long rows as they are, for the validators to report", () => {
    const read = readCsv(csv("a,b,c", "1,2", "1,2,3,4"));
    expect(read.ok && read.table.rows.map((r) => r.cells.length)).toEqual([2, 4]);
  });

  it("reads tab-separated text", () => {
    const read = readCsv("indicator\tvalue\nBV66a\t98,5\n");
    expect(read.ok && read.table.rows[0].cells).toEqual(["BV66a", "98,5"]);
  });

  it("reports an unclosed quote with its line", () => {
    const read = readCsv(csv("code,title", "A,fine", 'B,"never closed', "C,more"));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.message).toMatch(/quotation mark/);
  });

  it("accepts a quote inside an unquoted cell", () => {
    const read = readCsv(csv("code,title", 'A,5" pipes'));
    expect(read.ok && read.table.rows[0].cells[1]).toBe('5" pipes');
  });
});

describe("readTable", () => {
  it("reads CSV bytes, decoding them first", async () => {
    const read = await readTable(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("code\nA\n")]), "upload.csv");
    expect(read.ok && read.table).toEqual({ header: ["code"], headerLine: 1, rows: [{ line: 2, cells: ["A"] }] });
  });

  it("refuses an empty or oversized upload of either kind", async () => {
    expect(await readTable(new Uint8Array(0), "x.xlsx")).toEqual({
      ok: false,
      problem: { line: null, column: null, message: "The file is empty" },
    });
    const big = await readTable(new Uint8Array(2048), "x.csv", { maxBytes: 1024 });
    expect(!big.ok && big.problem.message).toBe("The file is 2 KB; the limit is 1 KB");
  });

  it("refuses an old .xls and a fake .xlsx", async () => {
    const xls = await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "figures.xls");
    expect(!xls.ok && xls.problem.message).toMatch(/old-style Excel/);
    const fake = await readTable(utf8("code\nA\n"), "figures.xlsx");
    expect(!fake.ok && fake.problem.message).toMatch(/not an Excel workbook/);
  });

  it("reads a workbook's first sheet: numbers, dates, formulas, rich text, links and errors", async () => {
    const bytes = await xlsxBytes((sheet, workbook) => {
      sheet.addRow(["code", "period", "value", "note"]);
      sheet.addRow([
        "BV66a",
        new Date(Date.UTC(2025, 3, 1)),
        98.09,
        { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] },
      ]);
      sheet.addRow(["BV66b", 45748, { formula: "1+2", result: 3 }, { text: "a link", hyperlink: "https://example.org" }]);
      sheet.addRow([]); // Blank rows are skipped...
      sheet.addRow(["BV66c", "2025-04", { formula: "1/0", result: { error: "#DIV/0!" } }]); // ...and short rows padded.
      const percent = sheet.addRow(["BV66d", "2025-06", 0.985, true]);
      percent.getCell(3).numFmt = "0.0%";
      workbook.addWorksheet("Notes").addRow(["ignored"]);
    });
    const read = await readTable(bytes, "figures.xlsx");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.header).toEqual(["code", "period", "value", "note"]);
    expect(read.table.rows).toEqual([
      { line: 2, cells: ["BV66a", new Date(Date.UTC(2025, 3, 1)), 98.09, "Rich text"] },
      { line: 3, cells: ["BV66b", 45748, 3, "a link"] },
      { line: 5, cells: ["BV66c", "2025-04", "#DIV/0!", null] },
      // A cell formatted as a percentage holds 0.985 but shows, and means, 98.5.
      { line: 6, cells: ["BV66d", "2025-06", 98.5, "true"] },
    ]);
    expect(read.notices).toEqual(["Only the first worksheet, “Figures”, was read; the workbook has 2 worksheets"]);
  });

  it("detects a workbook by its content whatever it is called, and writes date headings as ISO dates", async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(["Code", new Date(Date.UTC(2025, 3, 1)), 45778]);
      sheet.addRow(["BV66a", 98.1, 98.2]);
    });
    const read = await readTable(bytes, "figures.csv");
    expect(read.ok && read.table.header).toEqual(["Code", "2025-04-01", "45778"]);
  });

  it("reports an empty first worksheet and a damaged workbook", async () => {
    const empty = await readTable(await xlsxBytes(() => {}), "x.xlsx");
    expect(!empty.ok && empty.problem.message).toBe("The first worksheet is empty");
    const damaged = await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "x.xlsx");
    expect(!damaged.ok && damaged.problem.message).toMatch(/could not be opened/);
  });
});
