import { describe, expect, it } from "vitest";
import { trendSummary } from "./trend-summary";

describe("trendSummary", () => {
  const point = (periodText: string, value: number | null, target: number | null = 95) => ({
    period: periodText,
    periodText,
    value,
    target,
  });

  it("gives the span, the latest figure against target, the lowest, the highest and the gaps", () => {
    const summary = trendSummary({
      indicatorTitle: "Repairs on time",
      unit: "%",
      trend: [point("Aug 2026", 91.5), point("Sep 2026", null), point("Oct 2026", 88), point("Nov 2026", 93.25)],
    });
    expect(summary).toBe(
      "Trend of Repairs on time, Aug 2026 to Nov 2026: latest 93.25% (Nov 2026) against a target of 95.00%; lowest 88.00% (Oct 2026), highest 93.25% (Nov 2026); one period has no figure.",
    );
  });

  it("writes units other than percentages after the figure", () => {
    expect(trendSummary({ indicatorTitle: "Days to relet", unit: "days", trend: [point("Oct 2026", 21, null)] })).toBe(
      "Trend of Days to relet, Oct 2026: latest 21 days (Oct 2026).",
    );
  });

  it("says when there is nothing to show", () => {
    expect(trendSummary({ indicatorTitle: "X", unit: "%", trend: [] })).toBe("No trend figures are recorded for X.");
    expect(trendSummary({ indicatorTitle: "X", unit: "%", trend: [point("Oct 2026", null)] })).toBe(
      "Trend of X, Oct 2026: no figures recorded.",
    );
  });
});
