import { describe, expect, it } from "vitest";
import { formatProblem } from "./problems";
import type { Table } from "./read-table";
import { csv, csvTable, testContext } from "./test-support";
import { validateActualsWide } from "./validate-actuals-wide";

const HEADER = "Code,Indicator,Unit,2025-04,2025-05,2025-06";

function validate(...lines: string[]) {
  return validateActualsWide(csvTable(csv(HEADER, ...lines)), testContext());
}

const messages = (...lines: string[]) => validate(...lines).problems.map(formatProblem);

describe("validateActualsWide: good files", () => {
  it("makes one organisation-wide figure per filled cell; an empty cell is no figure, not zero", () => {
    const result = validate(
      "BV66a,Rent collected,%,98.09,,98.67",
      "BV66d,Evictions,%,,,0.51",
      'LPI-03,Current arrears,£,"£1,266,590",0,',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        indicatorCode: "BV66a",
        period: "2025-04",
        area: "All",
        value: 98.09,
        numerator: null,
        denominator: null,
        status: "submitted",
        unaudited: false,
        note: null,
      },
      {
        indicatorCode: "BV66a",
        period: "2025-06",
        area: "All",
        value: 98.67,
        numerator: null,
        denominator: null,
        status: "submitted",
        unaudited: false,
        note: null,
      },
      {
        indicatorCode: "BV66d",
        period: "2025-06",
        area: "All",
        value: 0.51,
        numerator: null,
        denominator: null,
        status: "submitted",
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
        indicatorCode: "LPI-03",
        period: "2025-05",
        area: "All",
        value: 0,
        numerator: null,
        denominator: null,
        status: "submitted",
        unaudited: false,
        note: null,
      },
    ]);
  });

  it("accepts month headings written as Excel dates or date serial numbers", () => {
    const table: Table = {
      header: ["code", "2025-04-01", "45778", "2025-06-30"], // As read-table writes date headings from a workbook.
      headerLine: 1,
      rows: [{ line: 2, cells: ["BV66b", 3.1, 3.2, 3.3] }],
    };
    const result = validateActualsWide(table, testContext());
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.period)).toEqual(["2025-04", "2025-05", "2025-06"]);
  });

  it("ignores columns that are not months, with a notice", () => {
    const result = validateActualsWide(csvTable(csv("Code,2025-04,YTD,Comments", "BV66b,3.1,3.1,fine")), testContext());
    expect(result.problems).toEqual([]);
    expect(result.notices).toEqual(["These columns are not used and were ignored: “YTD”, “Comments”"]);
  });

  it("notes a unit that differs from the library without refusing the file", () => {
    const result = validate("BV66b,Arrears,days,3.1,,");
    expect(result.problems).toEqual([]);
    expect(result.notices[0]).toMatch(/Unit column differs .* BV66b \(line 2: “days”, library: “%”\)/);
  });
});

describe("validateActualsWide: problems", () => {
  it("reports a missing Code column", () => {
    const result = validateActualsWide(csvTable(csv("Indicator,Unit,2025-04", "Rent,%,98")), testContext());
    expect(result.problems.map(formatProblem)).toEqual([
      "Line 1: Missing column “code”. The first row must name the columns: code, and optionally indicator and unit",
    ]);
  });

  it("reports a month heading it cannot read, and a header with no months", () => {
    expect(
      validateActualsWide(csvTable(csv("Code,Apr-25,2025-05", "BV66b,3,3")), testContext()).problems.map(formatProblem),
    ).toEqual([
      "Line 1, column Apr-25: “Apr-25” is not a period: use YYYY-MM, e.g. 2025-04. Head each month column YYYY-MM (or with a date)",
    ]);
    expect(
      validateActualsWide(csvTable(csv("Code,Indicator,Unit", "BV66b,x,%")), testContext()).problems.map(formatProblem),
    ).toEqual([
      "Line 1: No month columns: after Code, Indicator and Unit, add one column per month headed YYYY-MM, e.g. 2025-04",
    ]);
  });

  it("reports two columns for the same month", () => {
    const table: Table = {
      header: ["Code", "2025-04", "2025-04-01"],
      headerLine: 1,
      rows: [{ line: 2, cells: ["BV66b", 3, 3] }],
    };
    expect(validateActualsWide(table, testContext()).problems.map(formatProblem)).toEqual([
      "Line 1, column 2025-04-01: Two columns are for 2025-04: “2025-04” (column B) and “2025-04-01” (column C)",
    ]);
  });

  it("reports a header with no rows", () => {
    expect(validateActualsWide(csvTable(csv(HEADER)), testContext()).problems).toEqual([
      { line: null, column: null, message: "The file has a header but no rows" },
    ]);
  });

  it("reports unknown codes, figures that are not numbers, percentages out of range and months that do not fit", () => {
    expect(messages("XYZ,Mystery,%,1,2,3", "BV66b,Arrears,%,abc,n/a,101", "BV66d,Evictions,%,0.5,,")).toEqual([
      "Line 2, column Code: Unknown indicator code “XYZ”: add it to the indicator library first",
      "Line 3, column 2025-04: “abc” is not a number",
      "Line 3, column 2025-05: “n/a” is not a number",
      "Line 3, column 2025-06: 101 is over 100%: a percentage cannot be more than 100",
      "Line 4, column 2025-04: BV66d is reported quarterly, at the end of June, September, December and March: 2025-04 (April) is not a quarter end",
    ]);
  });

  it("reports an indicator that appears twice", () => {
    expect(messages("BV66b,Arrears,%,3,,", "BV66b,Arrears,%,,3,")).toEqual([
      "Line 3, column Code: Duplicate row: line 2 already has BV66b",
    ]);
  });

  it("reports a short row", () => {
    expect(messages("BV66b,Arrears,%,3")).toEqual([
      "Line 2: This row has 4 cells but the header has 6: check for a missing comma or value",
    ]);
  });

  it("reports a file with rows but no figures", () => {
    expect(messages("BV66b,Arrears,%,,,")).toEqual(["The file has no figures: every month cell is empty"]);
  });
});
