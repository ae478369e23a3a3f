import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodFromIndex } from "./periods";
import { buildScorecardRow, SPARKLINE_LENGTH, type ScorecardRowInput } from "./scorecard-row";
import type { Aggregation, Figure, IndicatorRule, Polarity } from "./types";

/** Figures keyed by period, as [value, numerator, denominator]. */
function series(rows: Record<string, [number, number?, number?]>): Figure[] {
  return Object.entries(rows).map(([period, [value, numerator, denominator]]) => ({ period, value, numerator, denominator }));
}

// BV66a All rows from db/seed-data/actuals.csv, 2025-10 to 2026-10.
const BV66A_ALL = series({
  "2025-09": [98.38, 1032, 1049],
  "2025-10": [98.47, 1033, 1049],
  "2025-11": [98.19, 1030, 1049],
  "2025-12": [98.09, 1029, 1049],
  "2026-01": [98.09, 1029, 1049],
  "2026-02": [98.09, 1029, 1049],
  "2026-03": [98.28, 1031, 1049],
  "2026-04": [98.19, 1030, 1049],
  "2026-05": [98.57, 1034, 1049],
  "2026-06": [98.67, 1035, 1049],
  "2026-07": [98.76, 1036, 1049],
  "2026-08": [98.67, 1035, 1049],
  "2026-09": [98.47, 1033, 1049],
  "2026-10": [98.47, 1033, 1049],
});

// LPI-10 All rows (quarterly, estates graded good or better).
const LPI10_ALL = series({
  "2024-06": [82.5, 2601, 3151],
  "2024-09": [82.2, 2589, 3151],
  "2024-12": [81.6, 2570, 3151],
  "2025-03": [82.0, 2585, 3151],
  "2025-06": [84.3, 2657, 3151],
  "2025-09": [84.2, 2653, 3151],
  "2025-12": [83.7, 2638, 3151],
  "2026-03": [83.9, 2643, 3151],
  "2026-06": [86.5, 2727, 3151],
  "2026-09": [86.2, 2715, 3151],
});

// LPI-07 All rows (new ASB cases: contextual, a sum).
const LPI07_ALL = series({
  "2025-10": [101],
  "2026-04": [102],
  "2026-05": [108],
  "2026-06": [111],
  "2026-07": [108],
  "2026-08": [110],
  "2026-09": [108],
  "2026-10": [102],
});

const rule = (
  polarity: Polarity,
  aggregation: Aggregation,
  frequency: IndicatorRule["frequency"],
  unit: string,
  decimals: number,
): IndicatorRule => ({
  polarity,
  aggregation,
  frequency,
  unit,
  decimals,
});

describe("buildScorecardRow", () => {
  it("BV66a October 2026: within tolerance, same as last year, third quartile", () => {
    const row = buildScorecardRow({
      rule: rule("higher", "ratio", "monthly", "%", 2),
      target: { target: 98.5, tolerance: 0.25 },
      benchmark: { upper: 99.6, median: 98.9, lower: 98.2 },
      series: BV66A_ALL,
      period: "2026-10",
    });
    // Year to date April–October 2026: 7,236 collected of 7,343 due.
    const ytd = (100 * (1030 + 1034 + 1035 + 1036 + 1035 + 1033 + 1033)) / (7 * 1049);
    expect(row).toEqual({
      reportingPeriod: "2026-10",
      value: 98.47,
      target: 98.5,
      tolerance: 0.25,
      status: "within_tolerance",
      statusBasis: "period",
      periodStatus: "within_tolerance",
      ytdTarget: 98.5,
      ytdStatus: "on_target",
      unaudited: false,
      directionVsLastYear: "same",
      directionVsPreviousPeriod: "same",
      previousYearValue: 98.47,
      previousPeriodValue: 98.47,
      ytd,
      forecast: ytd,
      quartile: 3,
      sparkline: [98.47, 98.19, 98.09, 98.09, 98.09, 98.28, 98.19, 98.57, 98.67, 98.76, 98.67, 98.47, 98.47],
    });
    expect(row.ytd).toBeCloseTo(98.5428, 4);
  });

  it("BV66a October 2026 judged on year to date: on target (98.54% so far), the month's amber kept beside it", () => {
    const row = buildScorecardRow({
      rule: rule("higher", "ratio", "monthly", "%", 2),
      target: { target: 98.5, tolerance: 0.25 },
      benchmark: null,
      series: BV66A_ALL,
      period: "2026-10",
      statusBasis: "year_to_date",
    });
    expect(row).toMatchObject({
      status: "on_target",
      statusBasis: "year_to_date",
      periodStatus: "within_tolerance",
      ytdStatus: "on_target",
    });
  });

  it("a lettings count judged year to date against its profile: a slow month is fine when the year is ahead", () => {
    // 30 lettings planned a month, 60 in May after a handover; June's 20 is red on its own.
    const row = buildScorecardRow({
      rule: rule("higher", "sum", "monthly", "count", 0),
      target: { target: 360, tolerance: 5, profile: { "2026-04": 30, "2026-05": 30, "2026-06": 30 } },
      benchmark: null,
      series: series({ "2026-04": [31], "2026-05": [60], "2026-06": [20] }),
      period: "2026-06",
      statusBasis: "year_to_date",
    });
    // Year to date 111 against 90 planned: on target; the month alone, 20 against 30 (tolerance 5), is off target.
    expect(row).toMatchObject({ ytd: 111, ytdTarget: 90, status: "on_target", periodStatus: "off_target" });
  });

  it("says when the reporting period's figure is unaudited, and only that figure", () => {
    const figures: Figure[] = [
      { period: "2026-09", value: 98.47, unaudited: true },
      { period: "2026-10", value: 98.5 },
    ];
    const base = { rule: rule("higher", "ratio", "monthly", "%", 2), target: null, benchmark: null, series: figures };
    expect(buildScorecardRow({ ...base, period: "2026-09" }).unaudited).toBe(true);
    expect(buildScorecardRow({ ...base, period: "2026-10" }).unaudited).toBe(false);
  });

  it("BV66a November 2025: off target and worse than the month before", () => {
    const row = buildScorecardRow({
      rule: rule("higher", "ratio", "monthly", "%", 2),
      target: { target: 98.5, tolerance: 0.25 },
      benchmark: null,
      series: BV66A_ALL,
      period: "2025-11",
    });
    expect(row.value).toBe(98.19);
    expect(row.status).toBe("off_target");
    expect(row.directionVsPreviousPeriod).toBe("worse");
    expect(row.previousYearValue).toBeNull();
    expect(row.directionVsLastYear).toBe("none");
    expect(row.quartile).toBeNull();
    // Only Sep-Nov 2025 are in this test series, so sparkline starts with gaps.
    expect(row.sparkline.slice(0, 10)).toEqual(Array(10).fill(null));
    expect(row.sparkline.slice(10)).toEqual([98.38, 98.47, 98.19]);
  });

  it("BV212 hand-worked: 24 days against 30 a year ago is better, on target", () => {
    const row = buildScorecardRow({
      rule: rule("lower", "mean", "monthly", "days", 2),
      target: { target: 25, tolerance: 2 },
      benchmark: { upper: 21, median: 28, lower: 36 },
      series: series({ "2025-10": [30, 540, 18], "2026-09": [26.5, 477, 18], "2026-10": [24, 432, 18] }),
      period: "2026-10",
    });
    expect(row.status).toBe("on_target");
    expect(row.directionVsLastYear).toBe("better");
    expect(row.directionVsPreviousPeriod).toBe("better");
    expect(row.ytd).toBeCloseTo((477 + 432) / 36, 10);
    expect(row.quartile).toBe(2);
  });

  it("LPI-10 (quarterly) in an October report shows the September quarter", () => {
    const row = buildScorecardRow({
      rule: rule("higher", "ratio", "quarterly", "%", 1),
      target: { target: 85, tolerance: 3 },
      benchmark: null,
      series: LPI10_ALL,
      period: "2026-10",
    });
    expect(row.reportingPeriod).toBe("2026-09");
    expect(row.value).toBe(86.2);
    expect(row.status).toBe("on_target");
    expect(row.previousPeriodValue).toBe(86.5); // June quarter
    expect(row.directionVsPreviousPeriod).toBe("worse");
    expect(row.previousYearValue).toBe(84.2);
    expect(row.directionVsLastYear).toBe("better");
    expect(row.ytd).toBeCloseTo((100 * (2727 + 2715)) / (2 * 3151), 10);
    // 13 quarters back from September 2026: the first three predate the data.
    expect(row.sparkline).toEqual([null, null, null, 82.5, 82.2, 81.6, 82.0, 84.3, 84.2, 83.7, 83.9, 86.5, 86.2]);
  });

  it("LPI-07 (contextual sum): no target, no direction, forecast scaled to a year", () => {
    const row = buildScorecardRow({
      rule: rule("none", "sum", "monthly", "count", 0),
      target: null,
      benchmark: null,
      series: LPI07_ALL,
      period: "2026-10",
    });
    expect(row).toMatchObject({
      value: 102,
      target: null,
      tolerance: null,
      status: "no_target",
      directionVsLastYear: "none",
      directionVsPreviousPeriod: "none",
      previousYearValue: 101,
      ytd: 749,
      quartile: null,
    });
    expect(row.forecast).toBeCloseTo((749 * 12) / 7, 10);
  });

  it("an indicator with no figures at all", () => {
    const row = buildScorecardRow({
      rule: rule("higher", "ratio", "monthly", "%", 2),
      target: { target: 98.5, tolerance: 0.25 },
      benchmark: { upper: 99.6, median: 98.9, lower: 98.2 },
      series: [],
      period: "2026-10",
    });
    expect(row).toMatchObject({
      value: null,
      status: "no_data",
      ytd: null,
      forecast: null,
      quartile: null,
      directionVsLastYear: "none",
    });
    expect(row.sparkline).toEqual(Array(SPARKLINE_LENGTH).fill(null));
  });

  it("rejects a malformed period", () => {
    expect(() =>
      buildScorecardRow({
        rule: rule("higher", "ratio", "monthly", "%", 2),
        target: null,
        benchmark: null,
        series: [],
        period: "Oct 2026",
      }),
    ).toThrow(RangeError);
  });

  it("does not depend on the order of the series", () => {
    const input: Omit<ScorecardRowInput, "series"> = {
      rule: rule("higher", "ratio", "monthly", "%", 2),
      target: { target: 98.5, tolerance: 0.25 },
      benchmark: { upper: 99.6, median: 98.9, lower: 98.2 },
      period: "2026-10",
    };
    const expected = buildScorecardRow({ ...input, series: BV66A_ALL });
    fc.assert(
      fc.property(fc.shuffledSubarray(BV66A_ALL, { minLength: BV66A_ALL.length, maxLength: BV66A_ALL.length }), (shuffled) => {
        expect(buildScorecardRow({ ...input, series: shuffled })).toEqual(expected);
      }),
    );
  });

  it("sparkline always has 13 points ending at the reporting period's value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000 * 12, max: 2099 * 12 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (index, value) => {
          const period = periodFromIndex(index);
          const row = buildScorecardRow({
            rule: rule("higher", "snapshot", "monthly", "%", 2),
            target: null,
            benchmark: null,
            series: [{ period, value }],
            period,
          });
          expect(row.sparkline).toHaveLength(SPARKLINE_LENGTH);
          expect(row.sparkline[SPARKLINE_LENGTH - 1]).toBe(value);
          expect(row.ytd).toBe(value);
        },
      ),
    );
  });

  it("builds a row for each of 200 indicators × 5 areas with 36 periods each (its speed: npm run bench -- performance-data)", () => {
    const aggregations: Aggregation[] = ["ratio", "mean", "snapshot", "sum", "survey"];
    const inputs: ScorecardRowInput[] = [];
    for (let i = 0; i < 200; i++) {
      const aggregation = aggregations[i % aggregations.length];
      const indicatorRule = rule(
        i % 7 === 0 ? "none" : i % 2 ? "higher" : "lower",
        aggregation,
        i % 11 === 0 ? "quarterly" : "monthly",
        "%",
        2,
      );
      for (let area = 0; area < 5; area++) {
        const figures: Figure[] = [];
        for (let p = 0; p < 36; p++) {
          const denominator = 100 + ((i * 7 + area * 13 + p) % 50);
          const numerator = denominator - ((i + area + p) % 9);
          figures.push({
            period: periodFromIndex(2023 * 12 + 10 + p),
            value: (100 * numerator) / denominator,
            numerator,
            denominator,
          });
        }
        inputs.push({
          rule: indicatorRule,
          target: { target: 97, tolerance: 1 },
          benchmark:
            indicatorRule.polarity === "lower" ? { upper: 2, median: 3, lower: 4 } : { upper: 99, median: 98, lower: 97 },
          series: figures.reverse(),
          period: "2026-10",
        });
      }
    }
    const rows = inputs.map(buildScorecardRow);
    expect(rows).toHaveLength(1000);
  });
});
