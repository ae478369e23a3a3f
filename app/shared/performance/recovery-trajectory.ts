import type { Polarity } from "../vocabulary";

/**
 * A clinic's recovery trajectory set against what happened: for each planned month,
 * the figure recorded (if any) and whether it is on or behind the plan, judged by the
 * indicator's polarity (a month exactly on the planned figure is on plan; an indicator
 * with no better direction is not judged).
 */
export type TrajectoryMonth = {
  period: string;
  planned: number;
  actual: number | null;
  /** null while no figure is recorded for the month, or when the indicator has no better direction. */
  onPlan: boolean | null;
};

export function trajectoryAgainstActual(
  planned: readonly { period: string; value: number }[],
  actualOf: (period: string) => number | null,
  polarity: Polarity,
): TrajectoryMonth[] {
  return planned.map(({ period, value }) => {
    const actual = actualOf(period);
    const onPlan = actual === null || polarity === "none" ? null : polarity === "lower" ? actual <= value : actual >= value;
    return { period, planned: value, actual, onPlan };
  });
}
