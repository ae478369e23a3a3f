import { describe, expect, it } from "vitest";
import { periodOwed, whatTheyOwe, type IndicatorOfMonth } from "./what-they-owe";

const ME = "me";
const SOMEONE = "someone";
const indicator = (code: string, over: Partial<IndicatorOfMonth> = {}): IndicatorOfMonth => ({
  code,
  title: `Indicator ${code}`,
  ownerUserId: SOMEONE,
  managerUserId: ME,
  due: true,
  figureStatus: null,
  commentary: null,
  ...over,
});
const dueDates = { figures: "2026-12-07", commentaries: "2026-12-10" };
const owe = (indicators: IndicatorOfMonth[], today = "2026-12-01", actions: Parameters<typeof whatTheyOwe>[0]["actions"] = []) =>
  whatTheyOwe({ userId: ME, period: "2026-11", dueDates, today, indicators, actions });

describe("periodOwed", () => {
  it("is the month in progress when there is one", () => {
    expect(periodOwed({ lastPublished: "2026-09", latestWithFigures: "2026-11" }, "2026-12-06")).toBe("2026-10");
  });
  it("is the month after the last published when every month with figures is published", () => {
    expect(periodOwed({ lastPublished: "2026-10", latestWithFigures: "2026-10" }, "2026-12-06")).toBe("2026-11");
  });
  it("is the latest month with figures before anything is published", () => {
    expect(periodOwed({ lastPublished: null, latestWithFigures: "2026-11" }, "2026-12-06")).toBe("2026-11");
  });
  it("is last calendar month on a new installation (January's is December)", () => {
    expect(periodOwed({ lastPublished: null, latestWithFigures: null }, "2027-01-04")).toBe("2026-12");
  });
});

describe("whatTheyOwe", () => {
  it("owes the figure of an indicator they manage while it is missing or a draft, not once submitted or verified", () => {
    const result = owe([
      indicator("A"),
      indicator("B", { figureStatus: "draft" }),
      indicator("C", { figureStatus: "submitted" }),
      indicator("D", { figureStatus: "verified" }),
    ]);
    expect(result.figures.map((f) => [f.code, f.state, f.as, f.dueBy, f.overdue])).toEqual([
      ["A", "missing", "manager", "2026-12-07", false],
      ["B", "draft", "manager", "2026-12-07", false],
    ]);
  });

  it("shows the owner the indicators they answer for, and nobody else's", () => {
    const result = owe([
      indicator("OWN", { ownerUserId: ME, managerUserId: SOMEONE }),
      indicator("NOT", { ownerUserId: SOMEONE, managerUserId: SOMEONE }),
      indicator("BOTH", { ownerUserId: ME, managerUserId: ME }),
    ]);
    expect(result.figures.map((f) => [f.code, f.as])).toEqual([
      ["BOTH", "manager"],
      ["OWN", "owner"],
    ]);
  });

  it("owes nothing for an indicator not due this month (a quarterly one in November)", () => {
    expect(owe([indicator("Q", { due: false })]).figures).toEqual([]);
  });

  it("owes the commentary of an exception until it is ready", () => {
    const result = owe([
      indicator("M", { figureStatus: "submitted", commentary: "missing" }),
      indicator("D", { figureStatus: "submitted", commentary: "draft" }),
      indicator("R", { figureStatus: "submitted", commentary: "ready" }),
      indicator("N", { figureStatus: "submitted", commentary: null }),
    ]);
    expect(result.commentaries.map((c) => [c.code, c.state, c.dueBy])).toEqual([
      ["D", "draft", "2026-12-10"],
      ["M", "missing", "2026-12-10"],
    ]);
  });

  it("marks what is past its due date overdue and lists it first (due day itself is not overdue)", () => {
    const onDueDay = owe([indicator("A"), indicator("B", { commentary: "missing" })], "2026-12-07");
    expect(onDueDay.figures[0].overdue).toBe(false);
    const after = owe([indicator("B"), indicator("A", { due: true })], "2026-12-08");
    expect(after.figures.every((f) => f.overdue)).toBe(true);
    const commentary = owe([indicator("A", { figureStatus: "submitted", commentary: "missing" })], "2026-12-11");
    expect(commentary.commentaries[0].overdue).toBe(true);
  });

  it("lists open actions overdue first, then by due date; complete ones not at all", () => {
    const result = owe([], "2026-12-01", [
      { id: "1", description: "Later", dueDate: "2027-01-31", status: "on_track" },
      { id: "2", description: "Late", dueDate: "2026-11-15", status: "at_risk" },
      { id: "3", description: "Done", dueDate: "2026-10-01", status: "complete" },
      { id: "4", description: "Soon", dueDate: "2026-12-15", status: "not_started" },
    ]);
    expect(result.actions.map((a) => [a.description, a.overdue])).toEqual([
      ["Late", true],
      ["Soon", false],
      ["Later", false],
    ]);
  });
});
