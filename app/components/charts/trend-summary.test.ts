import { describe, expect, it } from "vitest";
import { financialYearOf } from "~/shared/performance/periods";
import { describeTrend, type TrendPoint } from "./trend-summary";

const rule = { unit: "days", decimals: 2 };
const point = (
  period: string,
  value: number | null,
  target: number | null = 22,
  status: TrendPoint["status"] = "off_target",
): TrendPoint => ({
  period,
  value,
  target,
  tolerance: target === null ? null : 2,
  status,
});

describe("describeTrend", () => {
  it("names the span, the target, the latest figure with its status, and the extremes", () => {
    const text = describeTrend(
      "Average time to re-let empty homes",
      rule,
      [point("2025-04", 24), point("2025-05", 21, 22, "on_target"), point("2025-06", 30), point("2025-07", null)],
      financialYearOf,
    );
    expect(text).toBe(
      "Line chart of Average time to re-let empty homes, April 2025 to July 2025, against a target of 22.00 days (tolerance 2.00 days). " +
        "Latest: 30.00 days in June 2025, off target. Lowest 21.00 days (May 2025); highest 30.00 days (June 2025). The figures are in the table below the chart.",
    );
  });

  it("lists the targets by year when they change", () => {
    const text = describeTrend("Re-lets", rule, [point("2025-03", 25, 24), point("2025-04", 23, 22)], financialYearOf);
    expect(text).toContain(
      "against targets of 24.00 days (tolerance 2.00 days) in 2024/25, 22.00 days (tolerance 2.00 days) in 2025/26.",
    );
  });

  it("says so when there are no figures, and leaves out the status of an indicator with no target", () => {
    expect(describeTrend("New cases", rule, [point("2025-04", null, null, "no_target")], financialYearOf)).toBe(
      "Line chart of New cases, April 2025 to April 2025. No figures have been recorded in this time.",
    );
    expect(describeTrend("New cases", rule, [point("2025-04", 5, null, "no_target")], financialYearOf)).toContain(
      "Latest: 5.00 days in April 2025.",
    );
  });
});
