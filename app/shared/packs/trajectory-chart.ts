import type { PackAppendix, PackTrendPoint } from "./pack-document";
import { trendSummary } from "./trend-summary";

type ImprovementPlan = Extract<PackAppendix, { kind: "improvement_plan" }>;

/** What a pack draws for a clinic's recovery trajectory: the same in the PDF and on the web page. */
export type TrajectoryChartData = {
  unit: string;
  /** The indicator, named as the planned recovery ("Calls answered (planned recovery)"). */
  indicatorTitle: string;
  /** Each planned month: the plan's figure where a trend chart has the recorded one, against that month's target. */
  trend: PackTrendPoint[];
  /** The chart's text alternative. */
  summary: string;
};

/**
 * The recovery trajectory of an improvement plan as a line against the target line (issue
 * 17): the planned figure of each month is the line, so the chart shows where the plan
 * meets the target. The PDF and the web pack both draw from this, and say it in the same words.
 */
export function trajectoryChart(plan: Pick<ImprovementPlan, "unit" | "indicatorTitle" | "trajectory">): TrajectoryChartData {
  const series = {
    unit: plan.unit,
    indicatorTitle: `${plan.indicatorTitle} (planned recovery)`,
    trend: plan.trajectory.map((p) => ({ period: p.period, periodText: p.periodText, value: p.planned, target: p.target })),
  };
  return { ...series, summary: trendSummary(series) };
}
