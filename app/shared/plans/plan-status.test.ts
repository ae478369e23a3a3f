import { describe, expect, it } from "vitest";
import { countStatuses, milestoneState, planActionStatus, rollUpStatus, statusSummary } from "./plan-status";

const today = "2026-10-15";

describe("milestones", () => {
  it.each([
    [{ dueDate: "2026-09-30", completedOn: "2026-09-20" }, "done"],
    [{ dueDate: "2026-09-30", completedOn: "2026-09-30" }, "done"],
    [{ dueDate: "2026-09-30", completedOn: "2026-10-03" }, "done_late"],
    [{ dueDate: "2026-09-30", completedOn: null }, "slipped"],
    [{ dueDate: "2026-10-15", completedOn: null }, "due"],
    [{ dueDate: "2026-12-31", completedOn: null }, "due"],
  ] as const)("%j reads %s on 15 October 2026", (m, state) => expect(milestoneState(m, today)).toBe(state));
});

describe("plan actions", () => {
  const open = { dueDate: "2027-03-31", milestones: [] };
  it("keeps what the owner reported while nothing says otherwise", () => {
    expect(planActionStatus({ ...open, status: "on_track" }, today)).toBe("on_track");
    expect(planActionStatus({ ...open, status: "at_risk" }, today)).toBe("at_risk");
  });
  it("is overdue when its date has passed and it is not complete", () => {
    expect(planActionStatus({ status: "on_track", dueDate: "2026-10-14", milestones: [] }, today)).toBe("overdue");
    expect(planActionStatus({ status: "complete", dueDate: "2026-10-14", milestones: [] }, today)).toBe("complete");
  });
  it("is at risk when a milestone has slipped, whatever was reported", () => {
    const slipped = { dueDate: "2026-09-30", completedOn: null };
    expect(planActionStatus({ ...open, status: "on_track", milestones: [slipped] }, today)).toBe("at_risk");
    expect(planActionStatus({ ...open, status: "not_started", milestones: [slipped] }, today)).toBe("at_risk");
    // A milestone done late is history: the action is back on track once it is done.
    expect(
      planActionStatus(
        { ...open, status: "on_track", milestones: [{ dueDate: "2026-09-30", completedOn: "2026-10-02" }] },
        today,
      ),
    ).toBe("on_track");
  });
});

describe("plans and objectives at a glance", () => {
  it("read as their worst action", () => {
    expect(rollUpStatus(["on_track", "complete", "at_risk"])).toBe("at_risk");
    expect(rollUpStatus(["on_track", "overdue", "at_risk"])).toBe("overdue");
    expect(rollUpStatus(["complete", "complete"])).toBe("complete");
    expect(rollUpStatus([])).toBe("not_started");
  });
  it("count their actions in words", () => {
    expect(statusSummary(countStatuses(["on_track", "on_track", "overdue", "complete"]))).toBe(
      "1 complete, 2 on track, 1 overdue",
    );
    expect(statusSummary(countStatuses([]))).toBe("No actions");
  });
});
