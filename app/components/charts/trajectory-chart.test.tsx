import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrajectoryChart } from "./trajectory-chart";

const rule = { unit: "days", decimals: 1, polarity: "lower" as const };

describe("TrajectoryChart", () => {
  it("draws actuals, the planned trajectory and the target, and says so in words", () => {
    const html = renderToStaticMarkup(
      <TrajectoryChart
        title="VOIDS Average relet time"
        rule={rule}
        actuals={[
          { period: "2026-08", value: 41 },
          { period: "2026-09", value: 39.5 },
          { period: "2026-10", value: 38 },
        ]}
        planned={[
          { period: "2026-11", value: 34 },
          { period: "2027-01", value: 28 },
        ]}
        target={27}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /Latest actual 38.0 days in October 2026\. The plan aims for 28.0 days by January 2027 against a target of 27.0 days\./,
    );
    expect(html).toContain("trajectory-chart__planned");
    expect(html).toContain("trajectory-chart__target");
  });

  it("draws nothing without any point", () => {
    expect(renderToStaticMarkup(<TrajectoryChart title="x" rule={rule} actuals={[]} planned={[]} target={null} />)).toBe("");
  });
});
