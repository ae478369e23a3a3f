import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yearToDatePeriods } from "./periods";
import { targetForPeriod, yearToDateTarget } from "./profiled-target";
import type { Aggregation, TargetRule } from "./types";

const ARREARS: TargetRule = {
  target: 1_200_000,
  tolerance: 50_000,
  // A falling trajectory: April high, March at the annual target; May and July unprofiled.
  profile: { "2025-04": 1_400_000, "2025-06": 1_350_000, "2025-08": 1_300_000 },
};

describe("targetForPeriod", () => {
  it.each([
    ["2025-04", 1_400_000],
    ["2025-05", 1_200_000], // not in the profile: the annual target
    ["2025-08", 1_300_000],
    ["2026-03", 1_200_000],
  ])("%s -> %d", (period, expected) => {
    expect(targetForPeriod(ARREARS, period)).toEqual({ ...ARREARS, target: expected });
  });

  it("keeps the annual target without a profile", () => {
    expect(targetForPeriod({ target: 98.5, tolerance: 0.25 }, "2025-04").target).toBe(98.5);
    expect(targetForPeriod({ target: 98.5, tolerance: 0.25, profile: null }, "2025-04").target).toBe(98.5);
  });
});

describe("yearToDateTarget", () => {
  const upToAugust = yearToDatePeriods("2025-08"); // April..August
  it.each<[Aggregation, number]>([
    // 1.4m + 1.2m + 1.35m + 1.2m + 1.3m
    ["sum", 6_450_000],
    ["ratio", 6_450_000 / 5],
    ["mean", 6_450_000 / 5],
    ["snapshot", 1_300_000],
    ["survey", 1_300_000],
  ])("%s: the profile up to August combined by the aggregation", (aggregation, expected) => {
    expect(yearToDateTarget({ aggregation }, ARREARS, upToAugust)).toBeCloseTo(expected, 6);
  });

  it("is the latest month's target for a snapshot, even where that month is not profiled", () => {
    expect(yearToDateTarget({ aggregation: "snapshot" }, ARREARS, yearToDatePeriods("2025-07"))).toBe(1_200_000);
  });

  it("is null without a target or a period", () => {
    expect(yearToDateTarget({ aggregation: "sum" }, null, upToAugust)).toBeNull();
    expect(yearToDateTarget({ aggregation: "sum" }, { target: null, tolerance: 0 }, upToAugust)).toBeNull();
    expect(yearToDateTarget({ aggregation: "sum" }, ARREARS, [])).toBeNull();
  });

  it("without a profile: n × the target for a sum, the target itself otherwise", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 4, max: 15 }),
        fc.constantFrom<Aggregation>("sum", "ratio", "mean", "snapshot", "survey"),
        (target, monthIndex, aggregation) => {
          const period = `${monthIndex > 12 ? 2026 : 2025}-${String(((monthIndex - 1) % 12) + 1).padStart(2, "0")}`;
          const periods = yearToDatePeriods(period);
          const ytd = yearToDateTarget({ aggregation }, { target, tolerance: 0 }, periods)!;
          expect(ytd).toBeCloseTo(aggregation === "sum" ? target * periods.length : target, 3);
        },
      ),
    );
  });

  it("lies between the smallest and largest month's target for a rate, and is the total for a sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 12 }),
        (months, annual, upTo) => {
          const periods = allPeriods.slice(0, upTo);
          const profile: Record<string, number> = {};
          months.forEach((m, i) => {
            if (m !== undefined) profile[allPeriods[i]] = m;
          });
          const rule: TargetRule = { target: annual, tolerance: 0, profile };
          const each = periods.map((p) => targetForPeriod(rule, p).target as number);
          const mean = yearToDateTarget({ aggregation: "ratio" }, rule, periods)!;
          expect(mean).toBeGreaterThanOrEqual(Math.min(...each) - 1e-9);
          expect(mean).toBeLessThanOrEqual(Math.max(...each) + 1e-9);
          expect(yearToDateTarget({ aggregation: "sum" }, rule, periods)).toBe(each.reduce((a, b) => a + b, 0));
          expect(yearToDateTarget({ aggregation: "snapshot" }, rule, periods)).toBe(each[each.length - 1]);
        },
      ),
    );
  });
});

const allPeriods = yearToDatePeriods("2026-03");
