import { describe, expect, it } from "vitest";
import { actionCountsText, countRows, statusChangeText, indicatorMovementView, type ActionListRow } from "./action-log-view";
import type { ShownActionStatus } from "./action-status";

describe("how the review words a change of an action's status", () => {
  it.each<[ShownActionStatus | null, ShownActionStatus, string]>([
    [null, "not_started", "Not started (new since the last review)"],
    ["on_track", "on_track", "On track (no change)"],
    ["on_track", "complete", "Was on track, now complete"],
    ["at_risk", "overdue", "Was at risk, now overdue"],
  ])("%s then, %s now: %s", (then, now, text) => {
    expect(statusChangeText(then, now)).toBe(text);
  });
});

describe("the count of actions", () => {
  it("counts overdue actions among the open ones", () => {
    const counts = countRows([{ shownStatus: "overdue" }, { shownStatus: "on_track" }, { shownStatus: "complete" }]);
    expect(counts).toEqual({ total: 3, open: 2, overdue: 1, complete: 1 });
    expect(actionCountsText(counts)).toBe("3 actions: 2 open (1 overdue), 1 complete.");
    expect(actionCountsText(countRows([{ shownStatus: "complete" }]))).toBe("1 action: 0 open, 1 complete.");
    expect(actionCountsText(countRows([]))).toBe("No actions.");
  });
});

describe("did it work: the month raised for against the month viewed", () => {
  const row: ActionListRow = {
    id: "a1",
    bodyId: null,
    bodyName: null,
    meetingTitle: null,
    meetingStartsAt: null,
    minuteNumber: "PC 26/14",
    description: "Bring in a second voids contractor",
    ownerUserId: null,
    ownerName: "Officer",
    dueDate: "2027-01-31",
    status: "on_track",
    indicatorId: "i1",
    indicatorCode: "BV212",
    indicatorTitle: "Average time to re-let empty homes",
    indicatorPeriodWhenAgreed: "2026-09",
    indicatorStatusWhenAgreed: "off_target",
    indicatorValueWhenAgreed: "33.01 days",
    agreedAt: new Date("2026-10-20T18:00:00Z"),
    completedAt: null,
  };

  it("compares September's figures (raised for) with November's (viewed)", () => {
    const view = indicatorMovementView(row, { period: "2026-11", status: "on_target", valueText: "21.50 days" })!;
    expect(view.then).toMatchObject({ period: "2026-09", periodText: "September 2026", statusText: "Off target" });
    expect(view.now).toMatchObject({ period: "2026-11", valueText: "21.50 days" });
    expect(view.movementText).toBe("Improved since agreed");
  });

  it("says Not known when the month viewed is the month raised for, or earlier: nothing can have moved yet", () => {
    expect(indicatorMovementView(row, { period: "2026-09", status: "off_target", valueText: "33.01 days" })!.movement).toBe(
      "unknown",
    );
    expect(indicatorMovementView(row, { period: "2026-08", status: "on_target", valueText: "20 days" })!.movementText).toBe(
      "Not known",
    );
  });
});
