import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { combineAreas, combinePeriods, figureValue, isAdditiveUnit, roundTo } from "./rollup";
import type { Aggregation, AreaFigure, Figure, IndicatorRule } from "./types";

function rule(aggregation: Aggregation, unit = "%"): Pick<IndicatorRule, "aggregation" | "unit"> {
  return { aggregation, unit };
}

const HOMES = { North: 4200, East: 3900, South: 3100, West: 2800 } as const;

function areas(period: string, figures: Record<keyof typeof HOMES, Partial<Figure>>): AreaFigure[] {
  return (Object.keys(figures) as (keyof typeof HOMES)[]).map((area) => ({
    period,
    value: null,
    ...figures[area],
    area,
    homes: HOMES[area],
  }));
}

describe("combinePeriods (year to date)", () => {
  it.each<[string, Aggregation, Figure[], number | null]>([
    [
      "ratio is 100 × Σnum / Σden, not the mean of percentages (which would be 74.5)",
      "ratio",
      [
        { period: "2025-04", value: 50, numerator: 1, denominator: 2 },
        { period: "2025-05", value: 99, numerator: 99, denominator: 100 },
      ],
      (100 * 100) / 102,
    ],
    [
      "BV66a North Apr–May 2024",
      "ratio",
      [
        { period: "2024-04", value: 98.73, numerator: 311, denominator: 315 },
        { period: "2024-05", value: 98.73, numerator: 311, denominator: 315 },
      ],
      (100 * 622) / 630,
    ],
    [
      "mean is total days / total lets (mean of means would be 25)",
      "mean",
      [
        { period: "2025-04", value: 40, numerator: 400, denominator: 10 },
        { period: "2025-05", value: 10, numerator: 300, denominator: 30 },
      ],
      700 / 40,
    ],
    [
      "a month without figures is skipped",
      "mean",
      [
        { period: "2025-04", value: 40, numerator: 400, denominator: 10 },
        { period: "2025-05", value: null },
      ],
      40,
    ],
    ["a lone value without components is its own ratio", "ratio", [{ period: "2025-04", value: 97.5 }], 97.5],
    [
      "values without components cannot be weighted: null rather than an average of percentages",
      "ratio",
      [
        { period: "2025-04", value: 97.5 },
        { period: "2025-05", value: 98, numerator: 98, denominator: 100 },
      ],
      null,
    ],
    ["no cases in the year: no average", "mean", [{ period: "2025-04", value: null, numerator: 0, denominator: 0 }], null],
    [
      "snapshot is the latest period's value, whatever the order",
      "snapshot",
      [
        { period: "2025-06", value: 3 },
        { period: "2025-04", value: 5 },
        { period: "2025-05", value: 4 },
      ],
      3,
    ],
    [
      "snapshot skips a latest period with no figure",
      "snapshot",
      [
        { period: "2025-04", value: 5 },
        { period: "2025-05", value: null },
      ],
      5,
    ],
    [
      "sum adds the periods",
      "sum",
      [
        { period: "2025-04", value: 27 },
        { period: "2025-05", value: 30 },
        { period: "2025-06", value: null },
      ],
      57,
    ],
    [
      "survey is the latest result",
      "survey",
      [
        { period: "2026-03", value: 72.4 },
        { period: "2025-03", value: 71.2 },
      ],
      72.4,
    ],
    ["no figures: null", "ratio", [], null],
    ["no figures: null", "sum", [], null],
    ["no figures: null", "snapshot", [{ period: "2025-04", value: null }], null],
    ["no figures: null", "survey", [], null],
  ])("%s (%s)", (_why, aggregation, figures, expected) => {
    const result = combinePeriods(rule(aggregation), figures);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 10);
  });
});

describe("combineAreas (organisation-wide)", () => {
  it.each<[string, Pick<IndicatorRule, "aggregation" | "unit" | "decimals">, AreaFigure[], number | null]>([
    [
      "BV66a April 2024: 100 × 1029 / 1049 = 98.09",
      { aggregation: "ratio", unit: "%", decimals: 2 },
      areas("2024-04", {
        North: { value: 98.73, numerator: 311, denominator: 315 },
        East: { value: 97.26, numerator: 284, denominator: 292 },
        South: { value: 98.28, numerator: 228, denominator: 232 },
        West: { value: 98.1, numerator: 206, denominator: 210 },
      }),
      98.09,
    ],
    [
      "BV212 April 2024: 1484 days / 60 lets = 24.73",
      { aggregation: "mean", unit: "days", decimals: 2 },
      areas("2024-04", {
        North: { value: 22.57, numerator: 406.2, denominator: 18 },
        East: { value: 26, numerator: 442, denominator: 17 },
        South: { value: 24.92, numerator: 323.9, denominator: 13 },
        West: { value: 25.99, numerator: 311.9, denominator: 12 },
      }),
      24.73,
    ],
    [
      "BV66b April 2024 (snapshot %): homes-weighted 41,949 / 14,000 = 3.00",
      { aggregation: "snapshot", unit: "%", decimals: 2 },
      areas("2024-04", { North: { value: 3.31 }, East: { value: 3.05 }, South: { value: 2.88 }, West: { value: 2.58 } }),
      3.0,
    ],
    [
      "LPI-03 April 2024 (snapshot £): arrears add up",
      { aggregation: "snapshot", unit: "£", decimals: 0 },
      areas("2024-04", { North: { value: 386834 }, East: { value: 351334 }, South: { value: 279474 }, West: { value: 248948 } }),
      1266590,
    ],
    [
      "LPI-06 April 2024 (snapshot count): empty homes add up",
      { aggregation: "snapshot", unit: "count", decimals: 0 },
      areas("2024-04", { North: { value: 42 }, East: { value: 42 }, South: { value: 31 }, West: { value: 27 } }),
      142,
    ],
    [
      "LPI-07 April 2024 (sum): new ASB cases add up",
      { aggregation: "sum", unit: "count", decimals: 0 },
      areas("2024-04", { North: { value: 27 }, East: { value: 27 }, South: { value: 22 }, West: { value: 19 } }),
      95,
    ],
    [
      "survey: homes-weighted (70×4200 + 80×2800) / 7000 = 74",
      { aggregation: "survey", unit: "%", decimals: 1 },
      areas("2026-03", { North: { value: 70 }, East: { value: null }, South: { value: null }, West: { value: 80 } }),
      74,
    ],
    [
      "a rate per 1,000 homes is weighted, not summed",
      { aggregation: "snapshot", unit: "per 1,000 homes", decimals: 1 },
      areas("2026-03", { North: { value: 40 }, East: { value: 40 }, South: { value: 40 }, West: { value: 40 } }),
      40,
    ],
    [
      "no data anywhere: null",
      { aggregation: "ratio", unit: "%", decimals: 2 },
      areas("2024-04", { North: {}, East: {}, South: {}, West: {} }),
      null,
    ],
  ])("%s", (_why, indicator, figures, expected) => {
    const result = combineAreas(indicator, figures);
    if (expected === null) expect(result).toBeNull();
    else expect(roundTo(result as number, indicator.decimals)).toBe(expected);
  });

  it("refuses to guess a weight when an area's homes are unknown", () => {
    const figures: AreaFigure[] = [
      { area: "North", period: "2025-04", value: 3, homes: 4200 },
      { area: "East", period: "2025-04", value: 2 },
    ];
    expect(combineAreas(rule("snapshot", "%"), figures)).toBeNull();
    expect(combineAreas(rule("survey", "%"), figures)).toBeNull();
    // Money adds up without weights, so homes do not matter.
    expect(combineAreas(rule("snapshot", "£"), figures)).toBe(5);
  });

  it.each([
    ["£", true],
    ["count", true],
    ["%", false],
    ["days", false],
    ["score", false],
    ["per 1,000 homes", false],
  ])("isAdditiveUnit(%s) = %s", (unit, expected) => {
    expect(isAdditiveUnit(unit)).toBe(expected);
  });
});

describe("figureValue", () => {
  it.each<[Aggregation, Figure | undefined, number | null]>([
    ["ratio", { period: "2025-04", value: 98.1 }, 98.1],
    ["ratio", { period: "2025-04", value: null, numerator: 1, denominator: 4 }, 25],
    ["mean", { period: "2025-04", value: null, numerator: 300, denominator: 12 }, 25],
    ["mean", { period: "2025-04", value: null, numerator: 0, denominator: 0 }, null],
    ["sum", { period: "2025-04", value: null, numerator: 1, denominator: 4 }, null],
    ["ratio", undefined, null],
  ])("%s %j -> %s", (aggregation, figure, expected) => {
    expect(figureValue({ aggregation }, figure)).toBe(expected);
  });
});

// --- properties -------------------------------------------------------------

const areaNames = ["North", "East", "South", "West", "Central", "Outer"];

/** 1–6 areas with whole-number numerators not above positive denominators. */
const ratioAreas = fc
  .array(
    fc
      .integer({ min: 1, max: 5000 })
      .chain((denominator) =>
        fc.record({ numerator: fc.integer({ min: 0, max: denominator }), denominator: fc.constant(denominator) }),
      ),
    { minLength: 1, maxLength: areaNames.length },
  )
  .map((parts) =>
    parts.map<AreaFigure>((part, i) => ({
      area: areaNames[i],
      period: "2025-04",
      value: (100 * part.numerator) / part.denominator,
      ...part,
    })),
  );

const EPSILON = 1e-9;

describe("rollup properties", () => {
  it("ratio across areas is 100 × Σnum / Σden and lies between the lowest and highest area", () => {
    fc.assert(
      fc.property(ratioAreas, (figures) => {
        const result = combineAreas(rule("ratio"), figures) as number;
        const numerator = figures.reduce((total, f) => total + (f.numerator as number), 0);
        const denominator = figures.reduce((total, f) => total + (f.denominator as number), 0);
        expect(result).toBeCloseTo((100 * numerator) / denominator, 9);
        const values = figures.map((f) => f.value as number);
        expect(result).toBeGreaterThanOrEqual(Math.min(...values) - EPSILON);
        expect(result).toBeLessThanOrEqual(Math.max(...values) + EPSILON);
        // Areas and periods combine by the same formula.
        expect(combinePeriods(rule("ratio"), figures)).toBe(result);
      }),
    );
  });

  it("ratio and sum over periods do not depend on the order of the figures", () => {
    const withPermutation = ratioAreas.chain((figures) =>
      fc.tuple(fc.constant(figures), fc.shuffledSubarray(figures, { minLength: figures.length, maxLength: figures.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([figures, shuffled]) => {
        expect(combinePeriods(rule("ratio"), shuffled)).toBeCloseTo(combinePeriods(rule("ratio"), figures) as number, 9);
        expect(combinePeriods(rule("sum"), shuffled)).toBeCloseTo(combinePeriods(rule("sum"), figures) as number, 6);
      }),
    );
  });

  it("sum over periods is additive: combine(a ++ b) = combine(a) + combine(b)", () => {
    const counts = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const figures = (values: number[]): Figure[] =>
          values.map((value, i) => ({ period: `2025-${String((i % 12) + 1).padStart(2, "0")}`, value }));
        expect(combinePeriods(rule("sum"), [...figures(a), ...figures(b)])).toBe(
          (combinePeriods(rule("sum"), figures(a)) as number) + (combinePeriods(rule("sum"), figures(b)) as number),
        );
      }),
    );
  });

  it("snapshot over periods is the value of the latest period, in any order", () => {
    const series = fc
      .uniqueArray(fc.integer({ min: 2000 * 12, max: 2099 * 12 }), { minLength: 1, maxLength: 24 })
      .chain((indexes) =>
        fc.tuple(
          fc.constant(indexes),
          fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: indexes.length, maxLength: indexes.length }),
        ),
      );
    fc.assert(
      fc.property(series, ([indexes, values]) => {
        const figures: Figure[] = indexes.map((index, i) => ({
          period: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`,
          value: values[i],
        }));
        const latest = indexes.indexOf(Math.max(...indexes));
        expect(combinePeriods(rule("snapshot"), figures)).toBe(values[latest]);
      }),
    );
  });

  it("homes-weighted mean lies between the lowest and highest area", () => {
    const weighted = fc.array(
      fc.record({ value: fc.double({ min: 0, max: 100, noNaN: true }), homes: fc.integer({ min: 1, max: 20_000 }) }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(weighted, fc.constantFrom<Aggregation>("snapshot", "survey"), (parts, aggregation) => {
        const figures = parts.map<AreaFigure>((part, i) => ({ area: `A${i}`, period: "2025-04", ...part }));
        const result = combineAreas(rule(aggregation, "%"), figures) as number;
        expect(result).toBeGreaterThanOrEqual(Math.min(...parts.map((p) => p.value)) - EPSILON);
        expect(result).toBeLessThanOrEqual(Math.max(...parts.map((p) => p.value)) + EPSILON);
      }),
    );
  });
});
