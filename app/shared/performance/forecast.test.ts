import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORECAST_METHOD_DESCRIPTION, forecastFromYearToDate, forecastOutturn } from "./forecast";
import { combinePeriods } from "./rollup";
import type { Aggregation, Figure, Frequency, IndicatorRule } from "./types";

const rule = (aggregation: Aggregation, frequency: Frequency = "monthly"): Pick<IndicatorRule, "aggregation" | "frequency"> => ({
  aggregation,
  frequency,
});

/** Monthly figures from April of the 2026/27 year: values[0] is 2026-04. */
function months(values: (number | null)[], extra: Partial<Figure>[] = []): Figure[] {
  return values.map((value, i) => {
    const index = 2026 * 12 + 3 + i;
    return { period: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`, value, ...extra[i] };
  });
}

describe("forecastOutturn", () => {
  it.each<[string, Pick<IndicatorRule, "aggregation" | "frequency">, Figure[], string, number | null]>([
    [
      "ratio: the year-to-date rate, 100 × Σnum / Σden",
      rule("ratio"),
      months(
        [98.19, 98.57],
        [
          { numerator: 1030, denominator: 1049 },
          { numerator: 1034, denominator: 1049 },
        ],
      ),
      "2026-05",
      (100 * 2064) / 2098,
    ],
    [
      "mean: total days / total lets so far",
      rule("mean"),
      months(
        [30, 20],
        [
          { numerator: 300, denominator: 10 },
          { numerator: 600, denominator: 30 },
        ],
      ),
      "2026-05",
      900 / 40,
    ],
    // LPI-07 2026/27: 102+108+111+108+110+108+102 = 749 new ASB cases in 7 months -> 749 × 12 / 7.
    [
      "sum: LPI-07 seven months scaled to twelve",
      rule("sum"),
      months([102, 108, 111, 108, 110, 108, 102]),
      "2026-10",
      (749 * 12) / 7,
    ],
    ["sum: six months doubled", rule("sum"), months([25, 25, 25, 25, 25, 25]), "2026-09", 300],
    ["sum: a missing month is not assumed average", rule("sum"), months([25, 25, null, 25, 25, 25]), "2026-09", 250],
    ["sum: quarterly, one quarter × 4", rule("sum", "quarterly"), [{ period: "2026-06", value: 10 }], "2026-06", 40],
    ["sum: quarterly, still one quarter in August", rule("sum", "quarterly"), [{ period: "2026-06", value: 10 }], "2026-08", 40],
    ["sum: annual, the year's figure", rule("sum", "annual"), [{ period: "2027-03", value: 12 }], "2027-03", 12],
    ["snapshot: the latest position", rule("snapshot"), months([3.1, 2.9, 3.3]), "2026-06", 3.3],
    ["survey: the latest result", rule("survey", "annual"), [{ period: "2027-03", value: 72.4 }], "2027-03", 72.4],
    [
      "ignores last year's and later figures",
      rule("sum"),
      [{ period: "2026-03", value: 1000 }, ...months([10, 10, 10]), { period: "2026-07", value: 1000 }],
      "2026-06",
      120,
    ],
    ["no data: null", rule("ratio"), [], "2026-06", null],
    ["no data this year: null", rule("sum"), [{ period: "2026-03", value: 5 }], "2026-06", null],
    ["quarterly in May, no quarter yet: null", rule("sum", "quarterly"), [{ period: "2026-05", value: 5 }], "2026-05", null],
  ])("%s", (_why, indicator, figures, period, expected) => {
    const result = forecastOutturn(indicator, figures, period);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });

  it("states its method in a plain-English sentence", () => {
    expect(FORECAST_METHOD_DESCRIPTION).toMatch(/^The forecast .+\.$/);
    expect(FORECAST_METHOD_DESCRIPTION).toContain("year-to-date");
  });
});

const countsArb = fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), { minLength: 12, maxLength: 12 });

describe("forecast properties", () => {
  it("a total at the year-end is the year's actual total", () => {
    fc.assert(
      fc.property(countsArb, (values) => {
        const figures = months(values);
        expect(forecastOutturn(rule("sum"), figures, "2027-03")).toBe(combinePeriods(rule("sum"), figures));
      }),
    );
  });

  it("a steady monthly count forecasts twelve times the count, whenever it is made", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 12 }), (count, elapsed) => {
        const figures = months(Array.from({ length: elapsed }, () => count));
        expect(forecastOutturn(rule("sum"), figures, figures[elapsed - 1].period)).toBeCloseTo(count * 12, 9);
      }),
    );
  });

  it("a rate's forecast is its year-to-date rate", () => {
    const parts = fc.array(
      fc
        .integer({ min: 1, max: 2000 })
        .chain((d) => fc.record({ numerator: fc.integer({ min: 0, max: d }), denominator: fc.constant(d) })),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(parts, (p) => {
        const figures = months(
          p.map((x) => (100 * x.numerator) / x.denominator),
          p,
        );
        const period = figures[figures.length - 1].period;
        expect(forecastOutturn(rule("ratio"), figures, period)).toBe(combinePeriods(rule("ratio"), figures));
      }),
    );
  });
});

describe("forecastFromYearToDate", () => {
  it.each<[Aggregation, Frequency, number | null, number, number | null]>([
    ["sum", "monthly", 749, 7, (749 * 12) / 7],
    ["sum", "quarterly", 10, 1, 40],
    ["ratio", "monthly", 98.54, 7, 98.54],
    ["snapshot", "monthly", 3.1, 7, 3.1],
    ["sum", "monthly", null, 7, null],
    ["sum", "monthly", 10, 0, null],
  ])("%s %s: %s after %s periods -> %s", (aggregation, frequency, ytd, elapsed, expected) => {
    expect(forecastFromYearToDate(rule(aggregation, frequency), ytd, elapsed)).toBe(expected);
  });
});
