import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isQuarterKey, previousQuarter, quarterOfDay, quarterSpan, reportableQuarters } from "./quarters";

describe("quarters of the financial year", () => {
  it.each([
    ["2026-04-01", "2026/27 Q1"],
    ["2026-06-30", "2026/27 Q1"],
    ["2026-07-01", "2026/27 Q2"],
    ["2026-12-31", "2026/27 Q3"],
    ["2027-01-01", "2026/27 Q4"],
    ["2027-03-31", "2026/27 Q4"],
    ["2027-04-01", "2027/28 Q1"],
  ])("%s is in %s", (day, key) => expect(quarterOfDay(day)).toBe(key));

  it("spans a quarter's days, Q4 in the next calendar year", () => {
    expect(quarterSpan("2026/27 Q4")).toMatchObject({ firstDay: "2027-01-01", lastDay: "2027-03-31" });
    expect(quarterSpan("2026/27 Q1")).toMatchObject({ firstDay: "2026-04-01", lastDay: "2026-06-30" });
    expect(quarterSpan("2026/27 Q2").label).toBe("Q2 2026/27 (July to September 2026)");
  });

  it("steps back across the year", () => {
    expect(previousQuarter("2026/27 Q1")).toBe("2025/26 Q4");
    expect(reportableQuarters("2026-12-06")).toEqual(["2026/27 Q3", "2026/27 Q2", "2026/27 Q1", "2025/26 Q4"]);
  });

  it("knows a quarter key when it sees one", () => {
    expect(isQuarterKey("2026/27 Q2")).toBe(true);
    expect(isQuarterKey("2026/28 Q2")).toBe(false);
    // Only quarters whose months a period can name (1990–2100).
    expect(isQuarterKey("2099/00 Q4")).toBe(true);
    expect(isQuarterKey("2100/01 Q1")).toBe(false);
    expect(isQuarterKey("1989/90 Q1")).toBe(false);
    expect(isQuarterKey("2026/27 Q5")).toBe(false);
    expect(isQuarterKey("Q2")).toBe(false);
  });

  it("puts every day inside the span of its own quarter", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        const span = quarterSpan(quarterOfDay(day));
        expect(day >= span.firstDay && day <= span.lastDay).toBe(true);
      }),
    );
  });
});
