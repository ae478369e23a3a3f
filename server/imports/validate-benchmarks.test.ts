import { describe, expect, it } from "vitest";
import { formatProblem } from "./problems";
import { csv, csvTable, testContext } from "./test-support";
import { validateBenchmarks } from "./validate-benchmarks";

const HEADER = "indicator,year,peer_group,upper_quartile,median,lower_quartile";
const validate = (...lines: string[]) => validateBenchmarks(csvTable(csv(HEADER, ...lines)), testContext());
const messages = (...lines: string[]) => validate(...lines).problems.map(formatProblem);

describe("validateBenchmarks", () => {
  it("accepts quartiles in either direction (higher or lower is better)", () => {
    const result = validate(
      "BV66a,2025/26,Metropolitan,99.60,98.90,98.20",
      "BV66b,2025/26,Metropolitan,2.10,2.90,3.80",
      "BV212,2025/26,Metropolitan,21,21,21",
    );
    expect(result.problems).toEqual([]);
    expect(result.rows[1]).toEqual({
      indicatorCode: "BV66b",
      year: "2025/26",
      peerGroup: "Metropolitan",
      upperQuartile: 2.1,
      median: 2.9,
      lowerQuartile: 3.8,
    });
  });

  it("matches headings written with spaces and capitals", () => {
    const table = csvTable(csv("Indicator,Year,Peer group,Upper quartile,Median,Lower quartile", "BV66a,2025/26,Club,99,98,97"));
    expect(validateBenchmarks(table, testContext()).problems).toEqual([]);
  });

  it("reports quartiles that are not in order", () => {
    expect(messages("BV66b,2025/26,Metropolitan,2.10,3.90,3.80")).toEqual([
      "Line 2, column median: The quartiles are out of order: the median (3.9) must lie between the upper quartile (2.1) and the lower quartile (3.8)",
    ]);
  });

  it("reports missing or bad cells, unknown indicators and duplicates", () => {
    expect(
      messages("XYZ,2025/26,Club,1,2,3", "BV66a,2025/27,,abc,,101", "BV66a,2025/26,Club,99,98,97", "BV66a,2025/26,club,99,98,97"),
    ).toEqual([
      "Line 2, column indicator: Unknown indicator code “XYZ”: add it to the indicator library first",
      "Line 3, column year: “2025/27” is not a financial year: write it like 2025/26 (April 2025 to March 2026)",
      "Line 3, column peer_group: No peer group: name the group the figures compare against",
      "Line 3, column upper_quartile: “abc” is not a number",
      "Line 3, column median: No median",
      "Line 3, column lower_quartile: 101 is over 100%: a percentage cannot be more than 100",
      "Line 5: Duplicate row: line 4 already has BV66a for 2025/26 and this peer group",
    ]);
  });

  it("reports missing headings and a header with no rows", () => {
    expect(
      validateBenchmarks(csvTable(csv("indicator,year,upper,median,lower", "A,2025/26,1,2,3")), testContext()).problems,
    ).toHaveLength(1);
    expect(validate().problems.map((p) => p.message)).toEqual(["The file has a header but no rows"]);
  });
});
