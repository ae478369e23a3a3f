import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directionOfTravel, directionPresentation, type Direction } from "./direction";
import type { IndicatorRule, Polarity } from "./types";

const BV212: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "lower", decimals: 2 };
const BV66a: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "higher", decimals: 2 };
const LPI07: Pick<IndicatorRule, "polarity" | "decimals"> = { polarity: "none", decimals: 0 };

describe("directionOfTravel", () => {
  it.each<[string, Pick<IndicatorRule, "polarity" | "decimals">, number | null, number | null, Direction]>([
    ["BV212: re-let time fell from 30 to 24 days", BV212, 24, 30, "better"],
    ["BV212: re-let time rose from 24 to 30 days", BV212, 30, 24, "worse"],
    ["BV66a: rent collection rose from 98.2% to 98.5%", BV66a, 98.5, 98.2, "better"],
    ["BV66a: rent collection fell", BV66a, 98.2, 98.5, "worse"],
    ["equal figures", BV66a, 98.47, 98.47, "same"],
    ["a difference that does not show at 2 dp is no change", BV212, 24.101, 24.099, "same"],
    ["a difference that shows at 2 dp counts (24.10 vs 24.11)", BV212, 24.104, 24.106, "better"],
    ["contextual indicator: a rise is neither good nor bad", LPI07, 30, 20, "none"],
    ["no comparison figure", BV66a, 98.5, null, "none"],
    ["no current figure", BV66a, null, 98.5, "none"],
  ])("%s", (_why, rule, current, comparison, expected) => {
    expect(directionOfTravel(rule, current, comparison)).toBe(expected);
  });
});

describe("directionPresentation", () => {
  it.each<[Direction, Polarity, string, string, string]>([
    ["better", "higher", "Better", "↑", "Better (up; higher is better)"],
    ["better", "lower", "Better", "↓", "Better (down; lower is better)"],
    ["worse", "higher", "Worse", "↓", "Worse (down; higher is better)"],
    ["worse", "lower", "Worse", "↑", "Worse (up; lower is better)"],
    ["same", "higher", "Same", "→", "Same (no change)"],
    ["same", "lower", "Same", "→", "Same (no change)"],
    ["none", "higher", "Not applicable", "", "Not applicable"],
    ["none", "none", "Not applicable", "", "Not applicable"],
  ])("%s with %s is better: %s %s", (direction, polarity, label, arrow, description) => {
    const shown = directionPresentation(direction, polarity);
    expect(shown.label).toBe(label);
    expect(shown.arrow).toBe(arrow);
    expect(shown.description).toBe(description);
  });

  it("draws a fall in re-let days as a down arrow labelled Better", () => {
    const direction = directionOfTravel(BV212, 24, 30);
    expect(directionPresentation(direction, BV212.polarity)).toMatchObject({ label: "Better", arrow: "↓", movement: "down" });
  });
});

const OPPOSITE: Record<Direction, Direction> = { better: "worse", worse: "better", same: "same", none: "none" };
const valueArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const ruleArb = fc.record({ polarity: fc.constantFrom<Polarity>("higher", "lower"), decimals: fc.integer({ min: 0, max: 3 }) });

describe("direction properties", () => {
  it("swapping the figures reverses the direction unless it is the same", () => {
    fc.assert(
      fc.property(ruleArb, valueArb, valueArb, (rule, a, b) => {
        expect(directionOfTravel(rule, b, a)).toBe(OPPOSITE[directionOfTravel(rule, a, b)]);
      }),
    );
  });

  it("a figure compared with itself is the same", () => {
    fc.assert(
      fc.property(ruleArb, valueArb, (rule, a) => {
        expect(directionOfTravel(rule, a, a)).toBe("same");
      }),
    );
  });

  it("flipping polarity swaps better and worse", () => {
    fc.assert(
      fc.property(ruleArb, valueArb, valueArb, (rule, a, b) => {
        const flipped = { ...rule, polarity: rule.polarity === "higher" ? ("lower" as const) : ("higher" as const) };
        expect(directionOfTravel(flipped, a, b)).toBe(OPPOSITE[directionOfTravel(rule, a, b)]);
      }),
    );
  });

  it("the arrow always matches the actual movement of the numbers", () => {
    fc.assert(
      fc.property(ruleArb, valueArb, valueArb, (rule, a, b) => {
        const shown = directionPresentation(directionOfTravel(rule, a, b), rule.polarity);
        if (shown.movement === "up") expect(a).toBeGreaterThan(b);
        if (shown.movement === "down") expect(a).toBeLessThan(b);
      }),
    );
  });
});
