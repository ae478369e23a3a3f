import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodsOfFinancialYear } from "./periods";
import type { Figure, IndicatorRule } from "./types";
import { buildYearEndRow, isYearEndPeriod } from "./year-end";

const monthly = (year: string, value: (period: string, index: number) => Partial<Figure>): Figure[] =>
  periodsOfFinancialYear(year).map((period, i) => ({ period, value: null, ...value(period, i) }));

const rule = (over: Partial<IndicatorRule>): IndicatorRule => ({
  polarity: "higher",
  aggregation: "sum",
  frequency: "monthly",
  unit: "count",
  decimals: 0,
  ...over,
});

describe("isYearEndPeriod", () => {
  it.each([
    ["2026-03", true],
    ["2027-03", true],
    ["2026-04", false],
    ["2026-02", false],
    ["2025-12", false],
  ])("%s: %s", (period, expected) => expect(isYearEndPeriod(period)).toBe(expected));
});

describe("buildYearEndRow", () => {
  it("lettings (a count): 370 let in 2025/26 against 360, better than 336 last year, second quartile", () => {
    const series = [
      ...monthly("2024/25", () => ({ value: 28 })),
      ...monthly("2025/26", (p) => ({ value: p === "2026-03" ? 40 : 30 })),
    ];
    const row = buildYearEndRow({
      rule: rule({}),
      // The profile is the trajectory through the year; the board judges the year against 360.
      target: { target: 360, tolerance: 10, profile: { "2026-03": 25 } },
      benchmark: { upper: 400, median: 350, lower: 300 },
      series,
      period: "2026-03",
    });
    expect(row).toEqual({
      year: "2025/26",
      outturn: 370,
      annualTarget: 360,
      status: "on_target",
      lastYearOutturn: 336,
      direction: "better",
      quartile: 2,
    });
  });

  it("rent collected (a ratio): 99.0% of the year's debit against 99.5%, off target, better than 98.5%", () => {
    const series = [
      ...monthly("2024/25", () => ({ value: 98.5, numerator: 985, denominator: 1000 })),
      ...monthly("2025/26", () => ({ value: 99, numerator: 990, denominator: 1000 })),
    ];
    const row = buildYearEndRow({
      rule: rule({ aggregation: "ratio", unit: "%", decimals: 1 }),
      target: { target: 99.5, tolerance: 0.25 },
      benchmark: { upper: 99.6, median: 99.1, lower: 98.6 },
      series,
      period: "2026-03",
    });
    expect(row).toMatchObject({ outturn: 99, status: "off_target", lastYearOutturn: 98.5, direction: "better", quartile: 3 });
  });

  it("empty homes at the year end (a snapshot, lower is better): March's 42 against 40 (tolerance 5), better than 50", () => {
    const series = [
      ...monthly("2024/25", (p) => ({ value: p === "2025-03" ? 50 : 70 })),
      ...monthly("2025/26", (p) => ({ value: p === "2026-03" ? 42 : 60 })),
    ];
    const row = buildYearEndRow({
      rule: rule({ polarity: "lower", aggregation: "snapshot" }),
      target: { target: 40, tolerance: 5 },
      benchmark: null,
      series,
      period: "2026-03",
    });
    expect(row).toMatchObject({
      outturn: 42,
      status: "within_tolerance",
      lastYearOutturn: 50,
      direction: "better",
      quartile: null,
    });
  });

  it("a survey every two years has no outturn in the year it did not run, and no direction", () => {
    const row = buildYearEndRow({
      rule: rule({ aggregation: "survey", frequency: "biennial", unit: "%", decimals: 1 }),
      target: { target: 80, tolerance: 2 },
      benchmark: null,
      series: [{ period: "2025-03", value: 78.4 }],
      period: "2026-03",
    });
    expect(row).toMatchObject({ outturn: null, status: "no_data", lastYearOutturn: 78.4, direction: "none" });
  });

  it("a contextual indicator (polarity none) has an outturn but no target, status, direction or quartile", () => {
    const row = buildYearEndRow({
      rule: rule({ polarity: "none" }),
      target: { target: 100, tolerance: 0 },
      benchmark: { upper: 1, median: 2, lower: 3 },
      series: monthly("2025/26", () => ({ value: 10 })),
      period: "2026-03",
    });
    expect(row).toMatchObject({ outturn: 120, annualTarget: null, status: "no_target", direction: "none", quartile: null });
  });

  it("a sum's outturn is the year's total, and reversing polarity reverses better and worse", () => {
    const year = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(year, year, (now, then) => {
        const series = [
          ...monthly("2024/25", (_, i) => ({ value: then[i] })),
          ...monthly("2025/26", (_, i) => ({ value: now[i] })),
        ];
        const input = { target: null, benchmark: null, series, period: "2025-11" };
        const higher = buildYearEndRow({ ...input, rule: rule({}) });
        const lower = buildYearEndRow({ ...input, rule: rule({ polarity: "lower" }) });
        expect(higher.outturn).toBe(now.reduce((a, b) => a + b, 0));
        expect(higher.lastYearOutturn).toBe(then.reduce((a, b) => a + b, 0));
        const flipped = { better: "worse", worse: "better", same: "same", none: "none" } as const;
        expect(lower.direction).toBe(flipped[higher.direction]);
      }),
    );
  });
});
