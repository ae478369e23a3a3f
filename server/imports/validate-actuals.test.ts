import { describe, expect, it } from "vitest";
import type { ImportContext, IndicatorInfo } from "./import-types";
import { formatProblem } from "./problems";
import type { Table } from "./read-table";
import { csv, csvTable, testContext } from "./test-support";
import { readFigureStatus, validateActuals } from "./validate-actuals";

const HEADER = "indicator,period,area,value,numerator,denominator,status";

function validate(...lines: string[]) {
  return validateActuals(csvTable(csv(HEADER, ...lines)), testContext());
}

/** The problems as the user reads them. */
function messages(...lines: string[]): string[] {
  return validate(...lines).problems.map(formatProblem);
}

describe("validateActuals: good files", () => {
  it("turns rows into typed figures", () => {
    const result = validate(
      "BV66a,2025-04,North,98.73,311,315,verified",
      'LPI-03,2025-04,All,"£1,266,590",,,',
      "BV66b,2025-05,East,3.1%,,,draft",
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        indicatorCode: "BV66a",
        period: "2025-04",
        area: "North",
        value: 98.73,
        numerator: 311,
        denominator: 315,
        status: "verified",
        unaudited: false,
        note: null,
      },
      {
        indicatorCode: "LPI-03",
        period: "2025-04",
        area: "All",
        value: 1266590,
        numerator: null,
        denominator: null,
        status: "submitted",
        unaudited: false,
        note: null,
      },
      {
        indicatorCode: "BV66b",
        period: "2025-05",
        area: "East",
        value: 3.1,
        numerator: null,
        denominator: null,
        status: "draft",
        unaudited: false,
        note: null,
      },
    ]);
  });

  it("matches headings ignoring case, surrounding spaces and separators, and takes the optional columns", () => {
    const table = csvTable(
      csv(
        " Indicator ,PERIOD,Area,Value,Numerator,Denominator,Year,Month,Note",
        "BV66a,2025-04,north,98.73,311,315,2025/26,Apr,Late return from North",
      ),
    );
    const result = validateActuals(table, testContext());
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toMatchObject({ area: "North", status: "submitted", note: "Late return from North" });
  });

  it("mentions unknown columns in a notice and ignores them", () => {
    const table = csvTable(csv(`${HEADER},RAG,Comments`, "BV66a,2025-04,North,98.73,311,315,verified,G,fine"));
    const result = validateActuals(table, testContext());
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(["These columns are not used and were ignored: “RAG”, “Comments”"]);
  });

  it("accepts numbers with thousands separators, a pound sign or a percent sign", () => {
    const result = validate(
      'LPI-07,2025-04,North,"1,234",,,',
      'LPI-03,2025-04,North,"£1,234",,,',
      "BV66b,2025-04,North,98.5%,,,",
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.value)).toEqual([1234, 1234, 98.5]);
  });

  it("works out an empty value from the numerator and denominator", () => {
    const result = validate("BV66a,2025-04,North,,311,315,", "BV212,2025-04,North,,406.2,18,");
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.value)).toEqual([98.73, 22.57]); // 100 × 311 ÷ 315 and 406.2 ÷ 18, at 2 decimals
  });

  it("accepts a value that is the correctly rounded quotient", () => {
    // 100 × 313 ÷ 315 = 99.3650...; 26.45 vs 1587.3 ÷ 60 = 26.455 (half a unit off: still a correct rounding).
    expect(validate("BV66a,2025-04,North,99.37,313,315,", "BV212,2025-04,North,26.45,1587.3,60,").problems).toEqual([]);
  });

  it("accepts any month for weekly and monthly indicators, quarter ends for quarterly, March for annual", () => {
    const result = validate(
      "WK01,2025-05,All,12,,,",
      "BV66d,2025-06,All,0.51,16,3150,",
      "BV66d,2025-12,All,0.19,6,3150,",
      "TP01,2026-03,All,72.4,,,",
    );
    expect(result.problems).toEqual([]);
  });

  it("reads periods written as Excel date serial numbers and as dates", () => {
    expect(validate("BV66b,45748,North,3,,,").rows[0].period).toBe("2025-04");
    const table: Table = {
      header: HEADER.split(","),
      headerLine: 1,
      rows: [{ line: 2, cells: ["BV66b", new Date(Date.UTC(2025, 3, 30)), "North", 3.1, null, null, null] }],
    };
    const result = validateActuals(table, testContext());
    expect(result.problems).toEqual([]);
    expect(result.rows[0].period).toBe("2025-04");
  });
});

describe("validateActuals: problems", () => {
  it("reports missing headings once, naming them and the expected ones", () => {
    const result = validateActuals(csvTable(csv("indicator,month,area,amount", "BV66a,2025-04,North,98")), testContext());
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      {
        line: 1,
        column: null,
        message:
          "Missing columns “period”, “value”, “numerator” and “denominator”. The first row must name the columns: indicator, period, area, value, numerator and denominator, and optionally status, year, month and note",
      },
    ]);
  });

  it("reports a heading that appears twice", () => {
    const result = validateActuals(csvTable(csv(`${HEADER},Value`, "BV66a,2025-04,North,98.73,311,315,,98")), testContext());
    expect(result.problems.map(formatProblem)).toEqual([
      "Line 1, column Value: The column “Value” appears twice (columns D and H): keep one",
    ]);
  });

  it("recognises a wide-layout file uploaded as long", () => {
    const result = validateActuals(csvTable(csv("Code,Indicator,Unit,2025-04", "BV66a,Rent,%,98")), testContext());
    expect(result.problems.map((p) => p.message)).toContain(
      "This looks like the wide layout (one column per month): import it as monthly figures in the wide layout",
    );
  });

  it("reports a header with no rows", () => {
    const result = validateActuals(csvTable(csv(HEADER)), testContext());
    expect(result.problems).toEqual([{ line: null, column: null, message: "The file has a header but no rows" }]);
  });

  it("reports an unknown indicator code (codes are case-sensitive)", () => {
    expect(messages("XYZ,2025-04,North,1,,,", "bv66a,2025-04,North,98,,,")).toEqual([
      "Line 2, column indicator: Unknown indicator code “XYZ”: add it to the indicator library first",
      "Line 3, column indicator: Unknown indicator code “bv66a”: add it to the indicator library first",
    ]);
    expect(messages(",2025-04,North,1,,,")).toEqual(["Line 2, column indicator: No indicator code"]);
  });

  it("reports a value that is not a number", () => {
    expect(messages("BV66b,2025-04,North,abc,,,", "BV66b,2025-05,North,n/a,,,", 'BV66b,2025-06,North,"1,5",,,')).toEqual([
      "Line 2, column value: “abc” is not a number",
      "Line 3, column value: “n/a” is not a number",
      "Line 4, column value: “1,5” is not a number",
    ]);
  });

  it("reports a numerator or denominator that is not a number", () => {
    expect(messages("BV66a,2025-04,North,98,abc,315,", "BV66a,2025-05,North,98,311,-,")).toEqual([
      "Line 2, column numerator: “abc” is not a number",
      "Line 3, column denominator: “-” is not a number",
    ]);
  });

  it("reports an empty value unless the numerator and denominator can stand in for it", () => {
    expect(messages("BV66b,2025-04,North,,,,", "BV66a,2025-04,North,,,,", "BV66b,2025-05,North,,3,100,")).toEqual([
      "Line 2, column value: No value: BV66b is a snapshot indicator, so it needs the value itself",
      "Line 3, column value: No value: give the value, or the numerator and denominator to work it out from",
      "Line 4, column value: No value: BV66b is a snapshot indicator, so it needs the value itself",
    ]);
  });

  it("does not add a missing-value problem to a numerator or denominator problem", () => {
    expect(messages("BV66a,2025-04,North,,311,,", "BV66a,2025-05,North,,320,315,")).toEqual([
      "Line 2, column denominator: A numerator needs a denominator: give both, or neither",
      "Line 3, column numerator: The numerator (320) is greater than the denominator (315): BV66a is a percentage of the denominator, so it cannot be",
    ]);
  });

  it("reports a percentage over 100 or below 0", () => {
    expect(messages("BV66b,2025-04,North,100.5,,,", "BV66b,2025-05,North,-1,,,", "BV66b,2025-06,North,100,,,")).toEqual([
      "Line 2, column value: 100.5 is over 100%: a percentage cannot be more than 100",
      "Line 3, column value: -1 is below 0%: a percentage cannot be negative",
    ]);
    // Only percentages are bounded: a count may exceed 100.
    expect(messages("LPI-07,2025-04,North,250,,,")).toEqual([]);
  });

  it("reports a period that does not fit the indicator's frequency", () => {
    expect(messages("BV66d,2025-04,All,0.51,16,3150,", "TP01,2025-12,All,70,,,")).toEqual([
      "Line 2, column period: BV66d is reported quarterly, at the end of June, September, December and March: 2025-04 (April) is not a quarter end",
      "Line 3, column period: TP01 is reported once a year, in March (the end of the financial year): 2025-12 is December",
    ]);
  });

  it("reports a malformed or missing period", () => {
    expect(
      messages("BV66b,2025-4,North,3,,,", "BV66b,Apr-25,North,3,,,", "BV66b,2025/04,North,3,,,", "BV66b,,North,3,,,"),
    ).toEqual([
      "Line 2, column period: “2025-4” is not a period: use YYYY-MM, e.g. 2025-04",
      "Line 3, column period: “Apr-25” is not a period: use YYYY-MM, e.g. 2025-04",
      "Line 4, column period: “2025/04” is not a period: use YYYY-MM, e.g. 2025-04",
      "Line 5, column period: No period: use YYYY-MM, e.g. 2025-04",
    ]);
  });

  it("reports a duplicate row with the line of the first", () => {
    const result = validate("BV66b,2025-04,North,3,,,", "BV66b,2025-05,North,3,,,", "BV66b,45748,north,3.2,,,");
    expect(result.problems).toEqual([
      { line: 4, column: null, message: "Duplicate row: line 2 already has BV66b for 2025-04, North" },
    ]);
    expect(result.rows).toHaveLength(2);
  });

  it("reports a numerator greater than the denominator for a ratio indicator, but not for a mean", () => {
    expect(messages("BV66a,2025-04,North,100,320,315,")).toEqual([
      "Line 2, column numerator: The numerator (320) is greater than the denominator (315): BV66a is a percentage of the denominator, so it cannot be",
    ]);
    expect(messages("BV212,2025-04,North,22.57,406.2,18,")).toEqual([]);
  });

  it("reports a zero or negative denominator, and a numerator without a denominator", () => {
    expect(
      messages(
        "BV66a,2025-04,North,,0,0,",
        "BV66a,2025-05,North,98,311,-315,",
        "BV66a,2025-06,North,98,311,,",
        "BV66a,2025-07,North,98,,315,",
      ),
    ).toEqual([
      "Line 2, column denominator: The denominator is 0: a figure needs at least one case (leave the row out if there were none)",
      "Line 3, column denominator: The denominator cannot be negative (-315)",
      "Line 4, column denominator: A numerator needs a denominator: give both, or neither",
      "Line 5, column numerator: A denominator needs a numerator: give both, or neither",
    ]);
  });

  it("reports a value that does not match its numerator and denominator", () => {
    expect(
      messages("BV66a,2025-04,North,97.5,311,315,", "BV66a,2025-05,North,98.74,311,315,", "BV212,2025-04,North,25,406.2,18,"),
    ).toEqual([
      "Line 2, column value: The value 97.5 does not match the numerator and denominator: 100 × 311 ÷ 315 = 98.73",
      "Line 3, column value: The value 98.74 does not match the numerator and denominator: 100 × 311 ÷ 315 = 98.73",
      "Line 4, column value: The value 25 does not match the numerator and denominator: 406.2 ÷ 18 = 22.57",
    ]);
  });

  it("reports an unknown or missing area", () => {
    expect(messages("BV66b,2025-04,Nrth,3,,,", "BV66b,2025-04,,3,,,")).toEqual([
      "Line 2, column area: Unknown area “Nrth”: use North, East, South or West, or All for the whole organisation",
      "Line 3, column area: No area: give an area name, or All for the whole organisation",
    ]);
  });

  it("reports an unknown status", () => {
    expect(messages("BV66b,2025-04,North,3,,,approved")).toEqual([
      "Line 2, column status: “approved” is not a status: use draft, submitted or verified, and add unaudited where the figure is not yet audited (e.g. “verified, unaudited”; empty is submitted)",
    ]);
    expect(messages("BV66b,2025-04,North,3,,,verified draft")).toHaveLength(1);
  });

  it.each([
    ["verified", { status: "verified", unaudited: false }],
    ["Unaudited", { status: "submitted", unaudited: true }],
    ["verified, unaudited", { status: "verified", unaudited: true }],
    ["unaudited; draft", { status: "draft", unaudited: true }],
    ["approved", null],
    ["verified draft", null],
    [",", null],
  ])("reads the status cell %j", (cell, expected) => {
    expect(readFigureStatus(cell)).toEqual(expected);
  });

  it("reports a year or month that contradicts the period", () => {
    const table = csvTable(
      csv(
        "indicator,year,month,period,area,value,numerator,denominator",
        "BV66b,2025/26,Mar,2025-03,North,3,,",
        "BV66b,2025/27,Sep,2025-09,North,3,,",
      ),
    );
    expect(validateActuals(table, testContext()).problems.map(formatProblem)).toEqual([
      "Line 2, column year: The year 2025/26 does not match the period 2025-03, which is in 2024/25",
      "Line 3, column year: “2025/27” is not a financial year: write it like 2025/26",
    ]);
    const months = csvTable(csv("indicator,month,period,area,value,numerator,denominator", "BV66b,Apr,2025-05,North,3,,"));
    expect(validateActuals(months, testContext()).problems.map(formatProblem)).toEqual([
      "Line 2, column month: The month April does not match the period 2025-05",
    ]);
  });

  it("reports a short row once, with its line", () => {
    expect(messages("BV66b,2025-04,North,3")).toEqual([
      "Line 2: This row has 4 cells but the header has 7: check for a missing comma or value",
    ]);
  });

  it("reports a row with more cells than the header, but not trailing empty ones", () => {
    expect(messages("BV66b,2025-04,North,3,,,,,", "BV66b,2025-05,North,3,,,,extra")).toEqual([
      "Line 3: This row has more cells than the header has columns (something in column H): check for an extra comma, or put a cell containing a comma in quotes",
    ]);
  });

  it("reports every problem in one pass and keeps only good rows", () => {
    const result = validate(
      "BV66a,2025-04,North,98.73,311,315,verified",
      "XYZ,2025-13,Nowhere,abc,5,0,maybe",
      "BV66b,2025-04,North,3,,,",
      "BV66b,2025-04,North,3,,,",
    );
    expect(result.rows.map((r) => r.indicatorCode)).toEqual(["BV66a", "BV66b"]);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, "indicator"],
      [3, "period"],
      [3, "area"],
      [3, "value"],
      [3, "denominator"],
      [3, "status"],
      [5, null],
    ]);
  });
});

describe("validateActuals at scale", () => {
  it("validates 50,000 rows correctly", () => {
    // 25 monthly indicators × 5 areas × 400 months = 50,000 distinct figures.
    const indicators = new Map<string, IndicatorInfo>();
    const codes = Array.from({ length: 25 }, (_, i) => `P${String(i + 1).padStart(3, "0")}`);
    for (const code of codes) indicators.set(code, { frequency: "monthly", unit: "%", aggregation: "ratio", decimals: 2 });
    const context: ImportContext = { indicators, areas: new Set(["North", "East", "South", "West"]), people: new Set() };
    const areas = ["North", "East", "South", "West", "All"];

    const lines = [HEADER];
    for (const code of codes) {
      for (let m = 0; m < 400; m++) {
        const period = `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
        for (const area of areas) {
          const denominator = 300 + (m % 50);
          const numerator = denominator - (m % 7);
          const value = ((100 * numerator) / denominator).toFixed(2);
          lines.push(`${code},${period},${area},${value},${numerator},${denominator},verified`);
        }
      }
    }
    // Three mistakes among them, to show they are still found.
    lines[10_001] = "P001,2000-01,North,98.0,1,1,verified"; // Duplicate of line 2, and value ≠ 100.
    lines[30_001] = lines[30_001].replace(/,verified$/, ",approved");
    const cells = lines[49_999].split(",");
    cells[2] = "Nowhere";
    lines[49_999] = cells.join(",");

    const table = csvTable(lines.join("\n"));
    expect(table.rows).toHaveLength(50_000);
    const result = validateActuals(table, context);
    expect(result.problems.map((p) => p.line)).toEqual([10_002, 10_002, 30_002, 50_000]);
    expect(result.problems[1].message).toBe("Duplicate row: line 2 already has P001 for 2000-01, North");
    expect(result.rows).toHaveLength(49_997);
    expect(result.rows[0]).toEqual({
      indicatorCode: "P001",
      period: "2000-01",
      area: "North",
      value: 100,
      numerator: 300,
      denominator: 300,
      status: "verified",
      unaudited: false,
      note: null,
    });
  });
});
