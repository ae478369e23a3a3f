import { describe, expect, it } from "vitest";
import { hasGaps, leastCheckedStatus, publishDecision, reportingMonthGaps, type MonthIndicator } from "./reporting-month-gaps";

const monthly = (code: string, over: Partial<MonthIndicator> = {}): MonthIndicator => ({
  code,
  frequency: "monthly",
  figureStatus: "verified",
  targetStatus: "on_target",
  commentaryReady: false,
  ...over,
});

describe("reportingMonthGaps", () => {
  it.each<[string, string, MonthIndicator, Partial<Record<"figures" | "unverified" | "commentaries", string[]>>]>([
    ["verified and on target", "2026-10", monthly("A"), {}],
    ["no figure", "2026-10", monthly("A", { figureStatus: null }), { figures: ["A"] }],
    ["submitted, not verified", "2026-10", monthly("A", { figureStatus: "submitted" }), { unverified: ["A"] }],
    ["draft", "2026-10", monthly("A", { figureStatus: "draft" }), { unverified: ["A"] }],
    ["off target, commentary not ready", "2026-10", monthly("A", { targetStatus: "off_target" }), { commentaries: ["A"] }],
    ["off target, commentary ready", "2026-10", monthly("A", { targetStatus: "off_target", commentaryReady: true }), {}],
    // Under the default rule amber is an exception too (any figure not on target).
    ["within tolerance", "2026-10", monthly("A", { targetStatus: "within_tolerance" }), { commentaries: ["A"] }],
    [
      "off target and unverified",
      "2026-10",
      monthly("A", { targetStatus: "off_target", figureStatus: "submitted" }),
      { unverified: ["A"], commentaries: ["A"] },
    ],
    ["quarterly, not due in October", "2026-10", monthly("Q", { frequency: "quarterly", figureStatus: null }), {}],
    ["quarterly, due in September", "2026-09", monthly("Q", { frequency: "quarterly", figureStatus: null }), { figures: ["Q"] }],
    ["annual, not due in September", "2026-09", monthly("Y", { frequency: "annual", figureStatus: null }), {}],
    ["annual, due in March", "2027-03", monthly("Y", { frequency: "annual", figureStatus: null }), { figures: ["Y"] }],
    // With no figure there is nothing to judge: the gap is the figure, not a commentary.
    ["no figure, no data status", "2026-10", monthly("A", { figureStatus: null, targetStatus: "no_data" }), { figures: ["A"] }],
  ])("%s", (_name, period, indicator, expected) => {
    expect(reportingMonthGaps(period, [indicator], "not_on_target")).toEqual({
      figures: [],
      unverified: [],
      commentaries: [],
      ...expected,
    });
  });

  it("off target only: amber asks for no commentary, red still does", () => {
    const gaps = reportingMonthGaps(
      "2026-10",
      [monthly("A", { targetStatus: "within_tolerance" }), monthly("B", { targetStatus: "off_target" })],
      "off_target_only",
    );
    expect(gaps).toEqual({ figures: [], unverified: [], commentaries: ["B"] });
  });

  it("lists every indicator's gaps in the order given", () => {
    const gaps = reportingMonthGaps(
      "2026-10",
      [
        monthly("A", { figureStatus: null }),
        monthly("B"),
        monthly("C", { figureStatus: "submitted" }),
        monthly("D", { figureStatus: null }),
      ],
      "not_on_target",
    );
    expect(gaps).toEqual({ figures: ["A", "D"], unverified: ["C"], commentaries: [] });
    expect(hasGaps(gaps)).toBe(true);
    expect(hasGaps(reportingMonthGaps("2026-10", [monthly("B")], "not_on_target"))).toBe(false);
  });
});

describe("leastCheckedStatus", () => {
  it.each([
    [[], null],
    [["verified"], "verified"],
    [["verified", "submitted", "verified"], "submitted"],
    [["submitted", "draft"], "draft"],
  ] as const)("%j → %s", (statuses, expected) => {
    expect(leastCheckedStatus(statuses)).toBe(expected);
  });
});

describe("publishDecision", () => {
  const none = { figures: [], unverified: [], commentaries: [] };
  const some = { figures: ["A"], unverified: [], commentaries: [] };
  it.each([
    ["no gaps, no note", none, null, true],
    ["no gaps, a note", none, "All in", true],
    ["gaps, no note", some, null, false],
    ["gaps, a blank note", some, "   ", false],
    ["gaps named in a note", some, "A comes from the contractor next week", true],
  ] as const)("%s", (_name, gaps, note, ok) => {
    expect(publishDecision(gaps, note).ok).toBe(ok);
  });
});
