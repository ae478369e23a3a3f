import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvFile, neutraliseCsvCell } from "./csv-file";

describe("neutraliseCsvCell", () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Click")', '\'=HYPERLINK("https://evil.example","Click")'],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("shows %j as text", (cell, shown) => {
    expect(neutraliseCsvCell(cell)).toBe(shown);
  });

  it.each(["Rent collected", "98.5% of rent", "Tŷ Ŵyn", "a=b", ""])("leaves ordinary text %j as it is", (cell) => {
    expect(neutraliseCsvCell(cell)).toBe(cell);
  });

  it.each([-3.5, -0.01, 0, 42, 98.73])("leaves the number %d a number", (n) => {
    expect(neutraliseCsvCell(n)).toBe(n);
  });

  it("writes an empty cell for a missing value", () => {
    expect(neutraliseCsvCell(null)).toBeNull();
    expect(neutraliseCsvCell(undefined)).toBeNull();
  });
});

describe("csvFile", () => {
  it("starts with a byte-order mark and reads back with formulas as text and numbers as numbers", () => {
    const text = csvFile([
      ["title", "value"],
      ["=1+1", -12.5],
      ["Plain", 3],
    ]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      ["title", "value"],
      ["'=1+1", "-12.5"],
      ["Plain", "3"],
    ]);
  });
});
