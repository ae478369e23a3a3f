import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellText, excelSerialToDate, parseMonthName, parseNumber, parsePeriodCell, parseYesNo, roundTo } from "./cells";

describe("parseNumber", () => {
  it.each([
    ["1,234", 1234],
    ["£1,234", 1234],
    ["£ 1,234,567.5", 1234567.5],
    ["-£25", -25],
    ["£-25", -25],
    ["98.5%", 98.5],
    [" 42 ", 42],
    [".5", 0.5],
    ["0", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it("passes numbers through and treats empty as no figure", () => {
    expect(parseNumber(98.09)).toBe(98.09);
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber("  ")).toBeNull();
  });

  it.each(["abc", "n/a", "N/A", "#N/A", "-", "1,5", "12,34", "1.2.3", "1e3", "£", "%", "--5", "-£-5", "Infinity"])(
    "refuses %j",
    (text) => {
      expect(parseNumber(text)).toBeNaN();
    },
  );

  it("refuses a date where a figure should be", () => {
    expect(parseNumber(new Date(Date.UTC(2025, 3, 1)))).toBeNaN();
  });

  it("reads back any figure written with thousands separators, a £ and a %", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        fc.boolean(),
        (whole, cents, pound, percent) => {
          const grouped = Math.abs(whole).toLocaleString("en-GB");
          const text = `${whole < 0 ? "-" : ""}${pound ? "£" : ""}${grouped}.${String(cents).padStart(2, "0")}${
            percent ? "%" : ""
          }`;
          const expected = (whole < 0 ? -1 : 1) * Number(`${Math.abs(whole)}.${String(cents).padStart(2, "0")}`);
          expect(parseNumber(text)).toBe(expected);
        },
      ),
    );
  });
});

describe("roundTo", () => {
  it("rounds half away from zero, despite binary fractions", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(98.7301587, 2)).toBe(98.73);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
});

describe("parsePeriodCell", () => {
  it("accepts YYYY-MM", () => {
    expect(parsePeriodCell("2025-04")).toEqual({ period: "2025-04" });
  });

  it("reads an Excel date serial number, as a number or as text", () => {
    expect(parsePeriodCell(45748)).toEqual({ period: "2025-04" });
    expect(parsePeriodCell("45748")).toEqual({ period: "2025-04" });
    expect(parsePeriodCell(45777.75)).toEqual({ period: "2025-04" }); // 30 April, 6pm
  });

  it("reads a date cell as its month, whatever the day", () => {
    expect(parsePeriodCell(new Date(Date.UTC(2025, 3, 1)))).toEqual({ period: "2025-04" });
    expect(parsePeriodCell(new Date(Date.UTC(2025, 3, 30)))).toEqual({ period: "2025-04" });
    expect(parsePeriodCell("2025-04-30")).toEqual({ period: "2025-04" });
  });

  it.each(["2025-4", "Apr-25", "April 2025", "2025/04", "202504", "2025-13", "2025-00", "04/2025", "abc"])(
    "refuses %j",
    (text) => {
      const result = parsePeriodCell(text);
      expect("error" in result && result.error).toMatch(/is not a (period|month)/);
    },
  );

  it("refuses implausible years", () => {
    expect(parsePeriodCell("2205-04")).toEqual({ error: expect.stringMatching(/between 1990 and 2100/) });
    expect(parsePeriodCell(12)).toEqual({ error: expect.stringMatching(/is not a period/) });
  });

  it("agrees with the calendar for every date in range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 32874, max: 73415 }), (serial) => {
        const date = excelSerialToDate(serial);
        const expected = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
        expect(parsePeriodCell(serial)).toEqual({ period: expected });
        expect(parsePeriodCell(date)).toEqual({ period: expected });
      }),
    );
  });

  it("uses Excel's 1900 date system", () => {
    expect(excelSerialToDate(45748).toISOString().slice(0, 10)).toBe("2025-04-01");
    expect(excelSerialToDate(36526).toISOString().slice(0, 10)).toBe("2000-01-01");
  });
});

describe("parseMonthName and parseYesNo", () => {
  it("reads months the way spreadsheets write them", () => {
    expect(parseMonthName("Apr")).toBe(4);
    expect(parseMonthName("september")).toBe(9);
    expect(parseMonthName("Sept")).toBe(9);
    expect(parseMonthName("04")).toBe(4);
    expect(parseMonthName("Aprl")).toBeNull();
  });

  it("reads yes and no in their usual spellings", () => {
    for (const yes of ["yes", "Y", "TRUE", "1"]) expect(parseYesNo(yes)).toBe(true);
    for (const no of ["no", "n", "False", "0"]) expect(parseYesNo(no)).toBe(false);
    expect(parseYesNo(null)).toBeNull();
    expect(parseYesNo("maybe")).toBeUndefined();
  });
});

describe("cellText and bidi controls", () => {
  it("takes out the controls that would make an imported title display as something else", () => {
    expect(cellText("Rent \u202Eevig\u202C collected")).toBe("Rent evig collected");
    expect(cellText("\u2067\u2069")).toBeNull();
    expect(cellText("Tŷ Ŵyn – Łódź 🏠")).toBe("Tŷ Ŵyn – Łódź 🏠");
  });
});

describe("cellText and our own neutralised formulas", () => {
  it("reads a cell our CSV export neutralised as the text that was exported, and leaves other apostrophes", () => {
    expect(cellText('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(cellText("'-5 means five fewer")).toBe("-5 means five fewer");
    expect(cellText("'@team")).toBe("@team");
    expect(cellText("'Tis the season")).toBe("'Tis the season");
    expect(cellText("O'Brien")).toBe("O'Brien");
  });
});
