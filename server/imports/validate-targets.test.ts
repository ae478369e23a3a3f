import { describe, expect, it } from "vitest";
import { formatProblem } from "./problems";
import { csv, csvTable, testContext } from "./test-support";
import { validateTargets } from "./validate-targets";

const HEADER = "indicator,year,target,tolerance";
const validate = (...lines: string[]) => validateTargets(csvTable(csv(HEADER, ...lines)), testContext());
const messages = (...lines: string[]) => validate(...lines).problems.map(formatProblem);

describe("validateTargets", () => {
  it("reads targets, with an empty tolerance meaning none", () => {
    const result = validate("BV66a,2025/26,98.50,0.25", 'LPI-03,2099/00,"£1,200,000","£50,000"', "BV212,2024/25,22,");
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      { indicatorCode: "BV66a", year: "2025/26", area: "All", target: 98.5, tolerance: 0.25 },
      { indicatorCode: "LPI-03", year: "2099/00", area: "All", target: 1200000, tolerance: 50000 },
      { indicatorCode: "BV212", year: "2024/25", area: "All", target: 22, tolerance: 0 },
    ]);
  });

  it("reports missing headings and a header with no rows", () => {
    expect(
      validateTargets(csvTable(csv("indicator,year,target", "BV66a,2025/26,98")), testContext()).problems.map(formatProblem),
    ).toEqual([
      "Line 1: Missing column “tolerance”. The first row must name the columns: indicator, year, target and tolerance, and optionally area, apr, may, jun, jul, aug, sep, oct, nov, dec, jan, feb and mar",
    ]);
    expect(validate().problems.map(formatProblem)).toEqual(["The file has a header but no rows"]);
  });

  it("reports financial years that are not written like 2025/26 or whose halves disagree", () => {
    expect(messages("BV66a,2025/27,98,0", "BV66a,2025-26,98,0", "BV66a,2025,98,0", "BV66a,,98,0")).toEqual([
      "Line 2, column year: “2025/27” is not a financial year: write it like 2025/26 (April 2025 to March 2026)",
      "Line 3, column year: “2025-26” is not a financial year: write it like 2025/26 (April 2025 to March 2026)",
      "Line 4, column year: “2025” is not a financial year: write it like 2025/26 (April 2025 to March 2026)",
      "Line 5, column year: No year: write it like 2025/26 (April 2025 to March 2026)",
    ]);
  });

  it("reports unknown indicators, bad numbers, out-of-range percentages and negative tolerances", () => {
    expect(messages("XYZ,2025/26,1,0", "BV66a,2025/26,abc,n/a", "BV66b,2025/26,120,-1", "BV212,2025/26,,")).toEqual([
      "Line 2, column indicator: Unknown indicator code “XYZ”: add it to the indicator library first",
      "Line 3, column target: “abc” is not a number",
      "Line 3, column tolerance: “n/a” is not a number",
      "Line 4, column target: 120 is over 100%: a percentage cannot be more than 100",
      "Line 4, column tolerance: The tolerance cannot be negative (-1): it is how far off target still counts as amber",
      "Line 5, column target: No target",
    ]);
  });

  it("reports a second target for the same indicator and year", () => {
    expect(messages("BV66a,2025/26,98.5,0.25", "BV66a,2025/26,99,0.25")).toEqual([
      "Line 3: Duplicate row: line 2 already has a 2025/26 target for BV66a",
    ]);
  });

  it("reads an optional area: blank or All is the whole organisation, a name is matched ignoring case", () => {
    const result = validateTargets(
      csvTable(
        csv(
          "indicator,year,area,target,tolerance",
          "LPI-03,2025/26,,1200000,50000",
          "LPI-03,2025/26,north,350000,10000",
          "LPI-03,2025/26,All,1,0",
        ),
      ),
      testContext(),
    );
    expect(result.problems.map(formatProblem)).toEqual(["Line 4: Duplicate row: line 2 already has a 2025/26 target for LPI-03"]);
    expect(result.rows).toEqual([
      { indicatorCode: "LPI-03", year: "2025/26", area: "All", target: 1200000, tolerance: 50000 },
      { indicatorCode: "LPI-03", year: "2025/26", area: "North", target: 350000, tolerance: 10000 },
    ]);
  });

  it("reports an unknown area on its line", () => {
    const result = validateTargets(
      csvTable(
        csv("indicator,year,area,target,tolerance", "LPI-03,2025/26,Nortth,350000,10000", "LPI-03,2025/26,North,350000,0"),
      ),
      testContext(),
    );
    expect(result.problems.map(formatProblem)).toEqual([
      "Line 2, column area: Unknown area “Nortth”: use North, East, South or West, or All for the whole organisation",
    ]);
  });

  it("reads a month-by-month profile into periods of the financial year, empty months keeping the annual target", () => {
    const header = "indicator,year,target,tolerance,apr,may,jun,jul,aug,sep,oct,nov,dec,jan,feb,mar";
    const result = validateTargets(
      csvTable(csv(header, "LPI-03,2025/26,1200000,50000,1400000,,1350000,,,,,,,,,1200000", "BV212,2025/26,22,2,,,,,,,,,,,,")),
      testContext(),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        indicatorCode: "LPI-03",
        year: "2025/26",
        area: "All",
        target: 1200000,
        tolerance: 50000,
        profile: { "2025-04": 1400000, "2025-06": 1350000, "2026-03": 1200000 },
      },
      { indicatorCode: "BV212", year: "2025/26", area: "All", target: 22, tolerance: 2, profile: null },
    ]);
  });

  it("reports a profile month that is not a number, out of range, or not a reporting period of the indicator", () => {
    const header = "indicator,year,target,tolerance,apr,may,jun";
    expect(messages2(header, "BV66a,2025/26,98,0,abc,101,", "BV66d,2025/26,0.3,0,,0.2,0.3")).toEqual([
      "Line 2, column apr: “abc” is not a number",
      "Line 2, column may: 101 is over 100%: a percentage cannot be more than 100",
      "Line 3, column may: BV66d is reported quarterly, at the end of June, September, December and March: 2025-05 (May) is not a quarter end: leave this month empty",
    ]);
  });
});

function messages2(header: string, ...lines: string[]) {
  return validateTargets(csvTable(csv(header, ...lines)), testContext()).problems.map(formatProblem);
}
