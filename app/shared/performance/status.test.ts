import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUS_SEVERITY, statusPresentation, targetStatus, type TargetStatus } from "./status";
import type { IndicatorRule, Polarity, TargetRule } from "./types";

const BV212: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "lower", decimals: 2 }; // days to re-let
const BV66a: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "higher", decimals: 2 }; // rent collected %
const BV66d: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "lower", decimals: 2 }; // evictions %
const LPI01: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "higher", decimals: 1 };
const LPI07: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "none", decimals: 0 }; // new ASB cases

describe("targetStatus", () => {
  it.each<[string, Pick<IndicatorRule, "polarity" | "decimals">, number | null, TargetRule | null, TargetStatus]>([
    // Hand-worked: BV212, lower is better, target 25 days, tolerance 2.
    ["BV212 24.1 days vs 25: better than target", BV212, 24.1, { target: 25, tolerance: 2 }, "on_target"],
    ["BV212 exactly on target", BV212, 25, { target: 25, tolerance: 2 }, "on_target"],
    ["BV212 26.5 days: within 2 days of 25", BV212, 26.5, { target: 25, tolerance: 2 }, "within_tolerance"],
    ["BV212 27 days: at the edge of tolerance", BV212, 27, { target: 25, tolerance: 2 }, "within_tolerance"],
    ["BV212 27.5 days: more than 2 days over", BV212, 27.5, { target: 25, tolerance: 2 }, "off_target"],
    // Hand-worked: BV66a, higher is better, target 98.5%, tolerance 0.25.
    ["BV66a 98.2% vs 98.5: more than 0.25 short", BV66a, 98.2, { target: 98.5, tolerance: 0.25 }, "off_target"],
    ["BV66a 98.25%: exactly at the tolerance", BV66a, 98.25, { target: 98.5, tolerance: 0.25 }, "within_tolerance"],
    [
      "BV66a 98.249% shows as 98.25% and is judged as shown",
      BV66a,
      98.249,
      { target: 98.5, tolerance: 0.25 },
      "within_tolerance",
    ],
    ["BV66a 98.244% shows as 98.24%", BV66a, 98.244, { target: 98.5, tolerance: 0.25 }, "off_target"],
    ["BV66a 98.495% shows as 98.50%: on target", BV66a, 98.495, { target: 98.5, tolerance: 0.25 }, "on_target"],
    ["BV66a 99.1%: above target", BV66a, 99.1, { target: 98.5, tolerance: 0.25 }, "on_target"],
    // 0.35 + 0.05 is 0.39999999999999997 in binary: 0.40 must still be amber.
    [
      "BV66d 0.40% vs 0.35 tolerance 0.05: float-safe threshold",
      BV66d,
      0.4,
      { target: 0.35, tolerance: 0.05 },
      "within_tolerance",
    ],
    ["BV66d 0.41%", BV66d, 0.41, { target: 0.35, tolerance: 0.05 }, "off_target"],
    // 99.5 − 0.3 is 99.2; a 1 dp indicator is judged at 1 dp.
    ["LPI-01 99.2% vs 99.5 tolerance 0.3", LPI01, 99.2, { target: 99.5, tolerance: 0.3 }, "within_tolerance"],
    ["LPI-01 99.16% shows as 99.2%", LPI01, 99.16, { target: 99.5, tolerance: 0.3 }, "within_tolerance"],
    ["LPI-01 99.14% shows as 99.1%", LPI01, 99.14, { target: 99.5, tolerance: 0.3 }, "off_target"],
    ["tolerance 0: anything short is off target", BV66a, 98.49, { target: 98.5, tolerance: 0 }, "off_target"],
    ["contextual indicator: never judged", LPI07, 95, { target: 100, tolerance: 5 }, "no_target"],
    ["contextual indicator without data: still no target", LPI07, null, null, "no_target"],
    ["no target set", BV66a, 98.2, null, "no_target"],
    ["target row with an empty target", BV66a, 98.2, { target: null, tolerance: 0.25 }, "no_target"],
    ["no target and no data: nothing to compare with", BV66a, null, null, "no_target"],
    ["target but no figure", BV66a, null, { target: 98.5, tolerance: 0.25 }, "no_data"],
    ["target but a non-number", BV66a, Number.NaN, { target: 98.5, tolerance: 0.25 }, "no_data"],
  ])("%s", (_why, rule, value, target, expected) => {
    expect(targetStatus(rule, value, target)).toBe(expected);
  });

  it("rejects a negative tolerance", () => {
    expect(() => targetStatus(BV66a, 98, { target: 98.5, tolerance: -0.25 })).toThrow(RangeError);
  });
});

describe("statusPresentation", () => {
  it.each<[TargetStatus, string, string, string]>([
    ["on_target", "On target", "circle", "green"],
    ["within_tolerance", "Within tolerance", "triangle", "amber"],
    ["off_target", "Off target", "square", "red"],
    ["no_target", "No target", "none", "grey"],
    ["no_data", "No data", "dash", "grey"],
  ])("%s reads %s with a %s, %s", (status, label, shape, tone) => {
    expect(statusPresentation(status)).toEqual({ label, shape, tone });
  });

  it("gives every coloured status its own shape, so colour is never the only signal", () => {
    const coloured: TargetStatus[] = ["on_target", "within_tolerance", "off_target"];
    expect(new Set(coloured.map((s) => statusPresentation(s).shape)).size).toBe(3);
  });

  it("sorts off target first", () => {
    const sorted = (Object.keys(STATUS_SEVERITY) as TargetStatus[]).sort((a, b) => STATUS_SEVERITY[a] - STATUS_SEVERITY[b]);
    expect(sorted[0]).toBe("off_target");
    expect(sorted[1]).toBe("within_tolerance");
  });
});

// --- properties -------------------------------------------------------------

const RANK: Partial<Record<TargetStatus, number>> = { off_target: 0, within_tolerance: 1, on_target: 2 };
const decimalsArb = fc.integer({ min: 0, max: 3 });
const valueArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const targetArb = fc.record({
  target: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  tolerance: fc.double({ min: 0, max: 1e3, noNaN: true }),
});
const judged = fc.constantFrom<Polarity>("higher", "lower");

describe("status properties", () => {
  it("is monotone in the value: a better value never gets a worse status", () => {
    fc.assert(
      fc.property(judged, decimalsArb, valueArb, valueArb, targetArb, (polarity, decimals, a, b, target) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const rule = { polarity, decimals };
        const rankLow = RANK[targetStatus(rule, low, target)] as number;
        const rankHigh = RANK[targetStatus(rule, high, target)] as number;
        if (polarity === "higher") expect(rankLow).toBeLessThanOrEqual(rankHigh);
        else expect(rankLow).toBeGreaterThanOrEqual(rankHigh);
      }),
    );
  });

  it("lower is better is the mirror image of higher is better", () => {
    fc.assert(
      fc.property(decimalsArb, valueArb, targetArb, (decimals, value, target) => {
        expect(
          targetStatus({ polarity: "lower", decimals }, -value, { target: -target.target, tolerance: target.tolerance }),
        ).toBe(targetStatus({ polarity: "higher", decimals }, value, target));
      }),
    );
  });

  it("is always on target when the value is at least as good as the target", () => {
    fc.assert(
      fc.property(
        judged,
        decimalsArb,
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.nat(1000),
        targetArb,
        (polarity, decimals, target, better, t) => {
          const value = polarity === "higher" ? target + better : target - better;
          expect(targetStatus({ polarity, decimals }, value, { target, tolerance: t.tolerance })).toBe("on_target");
        },
      ),
    );
  });

  it("never returns no_data or no_target when value and target are present", () => {
    fc.assert(
      fc.property(judged, decimalsArb, valueArb, targetArb, (polarity, decimals, value, target) => {
        expect(RANK[targetStatus({ polarity, decimals }, value, target)]).toBeDefined();
      }),
    );
  });
});
