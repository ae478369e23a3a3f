import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseTarget, organisationTargetFitsAreas, type StoredTarget } from "./target-choice";
import type { Aggregation, IndicatorRule } from "./types";

const rule = (aggregation: Aggregation, unit: string, frequency: IndicatorRule["frequency"] = "monthly") => ({
  aggregation,
  unit,
  frequency,
  polarity: "lower" as const,
});
const ARREARS = rule("snapshot", "£"); // LPI-03
const EMPTY_HOMES = rule("snapshot", "count"); // LPI-06
const RENT_COLLECTED = rule("ratio", "%"); // BV66a
const RELET_DAYS = rule("mean", "days"); // BV212

const ORG: StoredTarget = { year: "2025/26", areaId: null, target: 1_200_000, tolerance: 50_000 };
const NORTH: StoredTarget = { year: "2025/26", areaId: "north", target: 400_000, tolerance: 20_000 };
const NEXT_YEAR: StoredTarget = { year: "2026/27", areaId: null, target: 1_100_000, tolerance: 50_000 };

describe("organisationTargetFitsAreas", () => {
  it.each([
    ["ratio", "%", true],
    ["mean", "days", true],
    ["survey", "%", true],
    ["snapshot", "%", true],
    ["snapshot", "per 1,000 homes", true],
    ["snapshot", "£", false],
    ["snapshot", "count", false],
    ["sum", "count", false],
    ["sum", "£", false],
  ] as const)("%s in %s: %s", (aggregation, unit, expected) => {
    expect(organisationTargetFitsAreas({ aggregation, unit })).toBe(expected);
  });
});

describe("chooseTarget", () => {
  it.each([
    ["the organisation row: the organisation's target", ARREARS, [ORG, NORTH], null, ORG, "organisation", false],
    ["an area with its own target: the area's", ARREARS, [ORG, NORTH], "north", NORTH, "area", false],
    ["money, an area without its own: no area target", ARREARS, [ORG, NORTH], "east", null, null, true],
    ["a count, an area without its own: no area target", EMPTY_HOMES, [ORG], "east", null, null, true],
    ["a percentage, an area without its own: the organisation's", RENT_COLLECTED, [ORG], "east", ORG, "organisation", false],
    ["an average, an area without its own: the organisation's", RELET_DAYS, [ORG], "east", ORG, "organisation", false],
    ["a percentage with its own area target: the area's", RENT_COLLECTED, [ORG, NORTH], "north", NORTH, "area", false],
    ["no target at all", RENT_COLLECTED, [], "east", null, null, false],
    ["only another year's target", ARREARS, [NEXT_YEAR], null, null, null, false],
  ] as const)("%s", (_name, r, targets, areaId, target, scope, noAreaTarget) => {
    expect(chooseTarget(r, targets, "2025-10", areaId)).toEqual({ target, scope, noAreaTarget });
  });

  it("picks the year of the period the figure is for: a quarterly figure reported in April is March's", () => {
    const quarterly = rule("ratio", "%", "quarterly");
    expect(chooseTarget(quarterly, [ORG, NEXT_YEAR], "2026-04", null).target).toBe(ORG);
    expect(chooseTarget(rule("ratio", "%"), [ORG, NEXT_YEAR], "2026-04", null).target).toBe(NEXT_YEAR);
  });

  it("never judges a contextual indicator", () => {
    expect(chooseTarget({ ...EMPTY_HOMES, polarity: "none" }, [ORG, NORTH], "2025-10", "north")).toEqual({
      target: null,
      scope: null,
      noAreaTarget: false,
    });
  });

  it("property: an area's own target always wins, and the organisation row never uses an area's", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Aggregation>("sum", "ratio", "mean", "snapshot", "survey"),
        fc.constantFrom("%", "£", "count", "days"),
        fc.boolean(),
        fc.boolean(),
        (aggregation, unit, hasOrg, hasArea) => {
          const targets = [...(hasOrg ? [ORG] : []), ...(hasArea ? [NORTH] : [])];
          const r = rule(aggregation, unit);
          const area = chooseTarget(r, targets, "2025-10", "north");
          if (hasArea) expect(area).toEqual({ target: NORTH, scope: "area", noAreaTarget: false });
          else if (hasOrg) expect(area.scope === "organisation").toBe(organisationTargetFitsAreas(r));
          else expect(area.target).toBeNull();
          const whole = chooseTarget(r, targets, "2025-10", null);
          expect(whole.target).toBe(hasOrg ? ORG : null);
          expect(whole.noAreaTarget).toBe(false);
        },
      ),
    );
  });
});
