import { describe, expect, it } from "vitest";
import { trajectoryAgainstActual } from "./recovery-trajectory";

const plan = [
  { period: "2026-11", value: 95 },
  { period: "2026-12", value: 97 },
  { period: "2027-01", value: 99 },
];
const actuals: Record<string, number> = { "2026-11": 95, "2026-12": 96.5 };
const actualOf = (period: string) => actuals[period] ?? null;

describe("trajectoryAgainstActual", () => {
  it("judges each month with a figure against its planned value, higher being better", () => {
    expect(trajectoryAgainstActual(plan, actualOf, "higher")).toEqual([
      { period: "2026-11", planned: 95, actual: 95, onPlan: true },
      { period: "2026-12", planned: 97, actual: 96.5, onPlan: false },
      { period: "2027-01", planned: 99, actual: null, onPlan: null },
    ]);
  });

  it("turns round for an indicator where lower is better (days to relet)", () => {
    const relet = [{ period: "2026-11", value: 30 }];
    expect(trajectoryAgainstActual(relet, () => 28, "lower")[0].onPlan).toBe(true);
    expect(trajectoryAgainstActual(relet, () => 31, "lower")[0].onPlan).toBe(false);
  });

  it("does not judge an indicator with no better direction", () => {
    expect(trajectoryAgainstActual(plan, actualOf, "none").map((m) => m.onPlan)).toEqual([null, null, null]);
  });
});
