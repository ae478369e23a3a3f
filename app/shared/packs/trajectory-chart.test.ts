import { describe, expect, it } from "vitest";
import { trajectoryChart } from "./trajectory-chart";

describe("trajectoryChart", () => {
  const month = (period: string, periodText: string, planned: number, target: number | null, actual: number | null = null) => ({
    period,
    periodText,
    planned,
    target,
    actual,
  });

  it("draws the planned figure of each month against its target, and says so in words", () => {
    const chart = trajectoryChart({
      unit: "%",
      indicatorTitle: "Calls answered within 10 seconds",
      trajectory: [
        month("2027-01", "January 2027", 72, 80, 70.5),
        month("2027-02", "February 2027", 76.5, 80),
        month("2027-04", "April 2027", 81, null),
      ],
    });
    expect(chart.trend).toEqual([
      { period: "2027-01", periodText: "January 2027", value: 72, target: 80 },
      { period: "2027-02", periodText: "February 2027", value: 76.5, target: 80 },
      { period: "2027-04", periodText: "April 2027", value: 81, target: null },
    ]);
    expect(chart.indicatorTitle).toBe("Calls answered within 10 seconds (planned recovery)");
    expect(chart.summary).toBe(
      "Trend of Calls answered within 10 seconds (planned recovery), January 2027 to April 2027: latest 81.0% (April 2027); lowest 72.0% (January 2027), highest 81.0% (April 2027).",
    );
  });

  it("has nothing to draw when no trajectory was set", () => {
    const chart = trajectoryChart({ unit: "£", indicatorTitle: "Arrears", trajectory: [] });
    expect(chart.trend).toEqual([]);
    expect(chart.summary).toBe("No trend figures are recorded for Arrears (planned recovery).");
  });
});
