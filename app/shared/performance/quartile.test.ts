import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundariesMatchPolarity, quartileLabel, quartilePosition, type QuartilePosition } from "./quartile";
import type { IndicatorRule, Polarity, QuartileBoundaries } from "./types";

// Boundaries from benchmarks.csv (2025/26).
const BV66a = { rule: { polarity: "higher", decimals: 2 } as const, benchmark: { upper: 99.6, median: 98.9, lower: 98.2 } };
const BV212 = { rule: { polarity: "lower", decimals: 2 } as const, benchmark: { upper: 21, median: 28, lower: 36 } };
const RP01 = { rule: { polarity: "lower", decimals: 1 } as const, benchmark: { upper: 0, median: 2, lower: 8 } };

describe("quartilePosition", () => {
  it.each<[string, Pick<IndicatorRule, "polarity" | "decimals">, QuartileBoundaries, number | null, QuartilePosition | null]>([
    ["BV66a 99.8%: above the upper quartile", BV66a.rule, BV66a.benchmark, 99.8, 1],
    ["BV66a 99.6%: at the upper quartile counts as top", BV66a.rule, BV66a.benchmark, 99.6, 1],
    ["BV66a 99.597% shows as 99.60%: top", BV66a.rule, BV66a.benchmark, 99.597, 1],
    ["BV66a 99.59%", BV66a.rule, BV66a.benchmark, 99.59, 2],
    ["BV66a 98.9%: at the median", BV66a.rule, BV66a.benchmark, 98.9, 2],
    ["BV66a 98.47%", BV66a.rule, BV66a.benchmark, 98.47, 3],
    ["BV66a 98.2%: at the lower quartile", BV66a.rule, BV66a.benchmark, 98.2, 3],
    ["BV66a 98.19%", BV66a.rule, BV66a.benchmark, 98.19, 4],
    ["BV212 20 days: quicker than the upper quartile", BV212.rule, BV212.benchmark, 20, 1],
    ["BV212 21 days: at the upper quartile", BV212.rule, BV212.benchmark, 21, 1],
    ["BV212 21.01 days", BV212.rule, BV212.benchmark, 21.01, 2],
    ["BV212 28 days: at the median", BV212.rule, BV212.benchmark, 28, 2],
    ["BV212 33.45 days", BV212.rule, BV212.benchmark, 33.45, 3],
    ["BV212 36 days: at the lower quartile", BV212.rule, BV212.benchmark, 36, 3],
    ["BV212 36.01 days: slower than three quarters of peers", BV212.rule, BV212.benchmark, 36.01, 4],
    ["RP01 0.0% non-decent: top", RP01.rule, RP01.benchmark, 0, 1],
    ["RP01 5.8%", RP01.rule, RP01.benchmark, 5.8, 3],
    ["contextual indicator", { polarity: "none", decimals: 1 }, RP01.benchmark, 5, null],
    ["no figure", BV66a.rule, BV66a.benchmark, null, null],
  ])("%s", (_why, rule, benchmark, value, expected) => {
    expect(quartilePosition(rule, value, benchmark)).toBe(expected);
  });

  it("is null without benchmarks", () => {
    expect(quartilePosition(BV66a.rule, 99, null)).toBeNull();
  });

  it.each<[QuartilePosition | null, string]>([
    [1, "Top 25%"],
    [2, "Above average"],
    [3, "Below average"],
    [4, "Bottom 25%"],
    [null, "Not applicable"],
  ])("quartileLabel(%s) = %s", (position, label) => {
    expect(quartileLabel(position)).toBe(label);
  });

  it.each<[Polarity, QuartileBoundaries, boolean]>([
    ["higher", BV66a.benchmark, true],
    ["lower", BV212.benchmark, true],
    ["lower", RP01.benchmark, true],
    ["higher", BV212.benchmark, false],
    ["lower", BV66a.benchmark, false],
    ["none", BV66a.benchmark, true],
  ])("boundariesMatchPolarity(%s, %j) = %s", (polarity, benchmark, expected) => {
    expect(boundariesMatchPolarity(polarity, benchmark)).toBe(expected);
  });
});

/** Three sorted boundaries, ordered for the polarity. */
const boundariesFor = (polarity: "higher" | "lower") =>
  fc
    .tuple(
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    )
    .map(([a, b, c]) => {
      const [low, mid, high] = [a, b, c].sort((x, y) => x - y);
      return polarity === "higher" ? { upper: high, median: mid, lower: low } : { upper: low, median: mid, lower: high };
    });

const valueArb = fc.double({ min: -2e4, max: 2e4, noNaN: true });

describe("quartile properties", () => {
  it.each(["higher", "lower"] as const)(
    "is monotone for %s is better: a better value never gets a worse quartile",
    (polarity) => {
      fc.assert(
        fc.property(boundariesFor(polarity), fc.integer({ min: 0, max: 3 }), valueArb, valueArb, (boundaries, decimals, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const rule = { polarity, decimals };
          const qLow = quartilePosition(rule, low, boundaries) as number;
          const qHigh = quartilePosition(rule, high, boundaries) as number;
          // Position 1 is best: for higher-is-better a larger value has a smaller-or-equal position.
          if (polarity === "higher") expect(qHigh).toBeLessThanOrEqual(qLow);
          else expect(qLow).toBeLessThanOrEqual(qHigh);
        }),
      );
    },
  );

  it("lower is better is the mirror image of higher is better", () => {
    fc.assert(
      fc.property(boundariesFor("higher"), fc.integer({ min: 0, max: 3 }), valueArb, (b, decimals, value) => {
        const mirrored = { upper: -b.upper, median: -b.median, lower: -b.lower };
        expect(quartilePosition({ polarity: "lower", decimals }, -value, mirrored)).toBe(
          quartilePosition({ polarity: "higher", decimals }, value, b),
        );
      }),
    );
  });

  it("a boundary itself sits in the better quartile", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("higher" as const, "lower" as const).chain((p) => fc.tuple(fc.constant(p), boundariesFor(p))),
        ([polarity, b]) => {
          // Boundaries are published at the indicator's decimals, so round them first.
          const rule = { polarity, decimals: 3 };
          const round = (x: number) => Number(x.toFixed(3));
          const rb = { upper: round(b.upper), median: round(b.median), lower: round(b.lower) };
          expect(quartilePosition(rule, rb.upper, rb)).toBe(1);
          expect(quartilePosition(rule, rb.median, rb)).toBeLessThanOrEqual(2);
          expect(quartilePosition(rule, rb.lower, rb)).toBeLessThanOrEqual(3);
        },
      ),
    );
  });
});
