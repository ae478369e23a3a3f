import { describe, expect, it } from "vitest";
import { formatValue } from "../performance/format";
import type { TenantFigure } from "./tenant-summary";
import { tenantSentence, tenantSummary, tidyNumber } from "./tenant-summary";

/** A figure as the public page's loader builds it from a scorecard line. */
function figure(overrides: Partial<TenantFigure> & Pick<TenantFigure, "title">): TenantFigure {
  const base: Omit<TenantFigure, "valueText" | "targetText" | "previousYearText"> = {
    code: "X1",
    unit: "%",
    polarity: "higher",
    frequency: "monthly",
    aggregation: "ratio",
    reportingPeriod: "2026-10",
    value: 91.2,
    target: 95,
    status: "off_target",
    direction: "better",
    previousYearValue: 89.4,
    ...overrides,
  };
  const rule = { unit: base.unit, decimals: overrides.unit === "£" || overrides.unit === "count" ? 0 : 1 };
  return {
    ...base,
    valueText: overrides.valueText ?? formatValue(rule, base.value),
    targetText: overrides.targetText ?? (base.target === null ? "No target" : formatValue(rule, base.target)),
    previousYearText: overrides.previousYearText ?? formatValue(rule, base.previousYearValue),
  };
}

describe("tenantSentence", () => {
  it.each<[string, Partial<TenantFigure> & Pick<TenantFigure, "title">, string]>([
    [
      "higher is better, below target, better than last year",
      { title: "Repairs completed on time" },
      "We completed 91.2% of repairs on time in October 2026. Our target is 95%: we are below target, and doing better than a year ago.",
    ],
    [
      "higher is better, on target, worse than last year",
      { title: "Complaints answered within target time", value: 96.4, status: "on_target", direction: "worse" },
      "We answered 96.4% of complaints within target time in October 2026. Our target is 95%: we are on target, and doing worse than a year ago.",
    ],
    [
      "higher is better, within tolerance, same as last year",
      {
        title: "Rent collected as a percentage of rent due",
        value: 98.47,
        valueText: "98.47%",
        target: 98.5,
        targetText: "98.50%",
        status: "within_tolerance",
        direction: "same",
      },
      "We collected 98.47% of the rent due in October 2026. Our target is 98.5%: we are just below target, and doing about the same as a year ago.",
    ],
    [
      "lower is better, over target, worse than last year",
      {
        title: "Average time to re-let empty homes",
        unit: "days",
        polarity: "lower",
        aggregation: "mean",
        value: 33.01,
        valueText: "33.01 days",
        target: 22,
        targetText: "22.00 days",
        direction: "worse",
      },
      "On average it took us 33.01 days to re-let empty homes in October 2026. Our target is no more than 22 days: we are over target, and doing worse than a year ago.",
    ],
    [
      "lower is better, within tolerance, a snapshot",
      {
        title: "Current tenant rent arrears",
        unit: "£",
        polarity: "lower",
        aggregation: "snapshot",
        value: 251_000,
        target: 250_000,
        status: "within_tolerance",
        direction: "better",
      },
      "Current tenant rent arrears stood at £251,000 at the end of October 2026. Our target is no more than £250,000: we are just over target, and doing better than a year ago.",
    ],
    [
      "lower is better, on target, with no figure a year ago",
      {
        title: "Average time to re-let empty homes",
        unit: "days",
        polarity: "lower",
        aggregation: "mean",
        value: 19.5,
        target: 22,
        status: "on_target",
        direction: "none",
        previousYearValue: null,
      },
      "On average it took us 19.5 days to re-let empty homes in October 2026. Our target is no more than 22 days: we are on target.",
    ],
    [
      "a snapshot percentage of homes",
      {
        title: "Homes with a valid gas safety certificate",
        aggregation: "snapshot",
        value: 99.9,
        target: 100,
        status: "within_tolerance",
        direction: "same",
      },
      "99.9% of our homes had a valid gas safety certificate at the end of October 2026. Our target is 100%: we are just below target, and doing about the same as a year ago.",
    ],
    [
      "an annual survey",
      {
        title: "Overall satisfaction with the landlord",
        frequency: "annual",
        aggregation: "survey",
        reportingPeriod: "2026-03",
        value: 84.3,
        target: 85,
        status: "within_tolerance",
        direction: "better",
      },
      "84.3% of tenants told us they were satisfied overall with us as their landlord in 2025/26. Our target is 85%: we are just below target, and doing better than a year ago.",
    ],
    [
      "a quarterly indicator",
      {
        title: "Emergency repairs completed within 24 hours",
        frequency: "quarterly",
        reportingPeriod: "2026-09",
        value: 99.2,
        target: 99,
        status: "on_target",
        direction: "same",
      },
      "We completed 99.2% of emergency repairs within 24 hours in the three months to September 2026. Our target is 99%: we are on target, and doing about the same as a year ago.",
    ],
    [
      "a contextual count (polarity none): no target, last year's figure for comparison",
      {
        title: "New anti-social behaviour cases",
        unit: "count",
        polarity: "none",
        aggregation: "sum",
        value: 64,
        target: null,
        status: "no_target",
        direction: "none",
        previousYearValue: 58,
      },
      "There were 64 new anti-social behaviour cases in October 2026. We do not set a target for this: it shows how things are changing. A year ago it was 58.",
    ],
    [
      "no target set this year",
      { title: "Repairs completed on time", target: null, status: "no_target", direction: "worse" },
      "We completed 91.2% of repairs on time in October 2026. We have not set a target for this year; we are doing worse than a year ago.",
    ],
    [
      "no target and no comparison",
      { title: "Repairs completed on time", target: null, status: "no_target", direction: "none", previousYearValue: null },
      "We completed 91.2% of repairs on time in October 2026. We have not set a target for this year.",
    ],
    [
      "no data, with a target",
      { title: "Repairs completed on time", value: null, status: "no_data", direction: "none" },
      "We do not have a figure yet for repairs completed on time in October 2026. Our target is 95%.",
    ],
    [
      "no data, no target",
      {
        title: "New anti-social behaviour cases",
        unit: "count",
        polarity: "none",
        value: null,
        target: null,
        status: "no_target",
        direction: "none",
      },
      "We do not have a figure yet for new anti-social behaviour cases in October 2026.",
    ],
    [
      "a title of no known shape falls back to the title and the figure",
      { title: "Tenancy sustainment rate", value: 93.1, status: "off_target", direction: "worse" },
      "Tenancy sustainment rate: 93.1% in October 2026. Our target is 95%: we are below target, and doing worse than a year ago.",
    ],
    [
      "an acronym keeps its capitals",
      {
        title: "ASB cases",
        unit: "count",
        polarity: "none",
        value: 12,
        target: null,
        status: "no_target",
        direction: "none",
        previousYearValue: null,
      },
      "There were 12 ASB cases in October 2026. We do not set a target for this: it shows how things are changing.",
    ],
  ])("%s", (_, overrides, expected) => {
    expect(tenantSentence(figure(overrides))).toBe(expected);
  });

  it("never says 'below target' of a lower-is-better indicator, nor 'over target' of a higher-is-better one", () => {
    for (const status of ["on_target", "within_tolerance", "off_target"] as const) {
      const lower = tenantSentence(
        figure({ title: "Average time to re-let empty homes", unit: "days", polarity: "lower", aggregation: "mean", status }),
      );
      const higher = tenantSentence(figure({ title: "Repairs completed on time", status }));
      expect(lower).not.toMatch(/below target/);
      expect(higher).not.toMatch(/over target/);
    }
  });
});

describe("tenantSummary", () => {
  it("gives each indicator its sentence, the target as tenants read it and the status and direction for the shape and word", () => {
    const [line] = tenantSummary([
      figure({
        title: "Average time to re-let empty homes",
        code: "BV212",
        unit: "days",
        polarity: "lower",
        aggregation: "mean",
        value: 33.01,
        valueText: "33.01 days",
        target: 22,
        targetText: "22.00 days",
        direction: "worse",
      }),
    ]);
    expect(line).toMatchObject({
      code: "BV212",
      periodText: "October 2026",
      status: "off_target",
      direction: "worse",
      polarity: "lower",
      valueText: "33.01 days",
      targetText: "no more than 22 days",
    });
    const [none] = tenantSummary([figure({ title: "New cases", polarity: "none", target: null, status: "no_target" })]);
    expect(none.targetText).toBe("No target");
  });
});

describe("tidyNumber", () => {
  it.each([
    ["95.0%", "95%"],
    ["98.50%", "98.5%"],
    ["22.00 days", "22 days"],
    ["100.05%", "100.05%"],
    ["£250,000", "£250,000"],
    ["12.30 days", "12.3 days"],
    ["No target", "No target"],
  ])("%s reads %s", (text, expected) => {
    expect(tidyNumber(text)).toBe(expected);
  });
});
