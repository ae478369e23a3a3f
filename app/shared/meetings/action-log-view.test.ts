import { describe, expect, it } from "vitest";
import { actionCountsText, countRows, statusChangeText } from "./action-log-view";
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
