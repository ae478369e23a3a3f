import { describe, expect, it } from "vitest";
import { quarterProgress, slippedMilestones, type ActionForProgress, type ProgressNoteFacts } from "./quarter-progress";

const note = (over: Partial<ProgressNoteFacts>): ProgressNoteFacts => ({
  id: "n",
  milestoneId: null,
  quarter: "2026/27 Q2",
  status: "on_track",
  note: "",
  expectedDate: null,
  at: "2026-09-30T10:00:00.000Z",
  by: "Tom Okafor",
  ...over,
});

// A repairs SIP on 15 October 2026 (Q3): one milestone met in Q1, one slipped in Q2
// (explained in Q2), one done late in Q2 (not explained), one due in Q3.
const action: ActionForProgress = {
  id: "a1",
  planId: "p1",
  planCode: "SIP-REP",
  planTitle: "Repairs improvement plan",
  code: "A1",
  title: "Move repairs to appointments",
  ownerName: "Tom Okafor",
  status: "on_track",
  dueDate: "2027-03-31",
  milestones: [
    { id: "m1", title: "Scheduler chosen", dueDate: "2026-06-30", completedOn: "2026-06-12" },
    { id: "m2", title: "Scheduler live", dueDate: "2026-09-15", completedOn: null },
    { id: "m3", title: "Staff trained", dueDate: "2026-08-31", completedOn: "2026-09-10" },
    { id: "m4", title: "First review", dueDate: "2026-12-15", completedOn: null },
  ],
  notes: [
    note({ id: "q1", quarter: "2026/27 Q1", note: "Procurement done", at: "2026-06-28T09:00:00.000Z" }),
    note({ id: "q2a", note: "Testing", at: "2026-08-01T09:00:00.000Z" }),
    note({ id: "q2b", note: "Go-live delayed", status: "at_risk", at: "2026-09-29T09:00:00.000Z" }),
    note({
      id: "s1",
      milestoneId: "m2",
      status: null,
      note: "Supplier late",
      expectedDate: "2026-11-30",
      at: "2026-09-29T10:00:00.000Z",
    }),
  ],
};

describe("a plan's quarter", () => {
  const today = "2026-10-15";

  it("gives each action's status, its latest note of the quarter and the milestones due in it", () => {
    const q2 = quarterProgress([action], "2026/27 Q2", today);
    const [row] = q2.actions;
    expect(row!.shownStatus).toBe("at_risk"); // m2 has slipped although on track was stored
    expect(row!.progress?.id).toBe("q2b");
    expect(row!.milestones.map((m) => [m.id, m.state, m.note?.id ?? null])).toEqual([
      ["m2", "slipped", "s1"],
      ["m3", "done_late", null],
    ]);
    expect(q2.missingProgress).toEqual([]);
  });

  it("lists the milestones that slipped in the quarter, with their commentary or none", () => {
    const slipped = slippedMilestones([action], "2026/27 Q2", today);
    expect(slipped.map((s) => [s.milestoneId, s.state, s.commentary?.note ?? null])).toEqual([
      ["m3", "done_late", null],
      ["m2", "slipped", "Supplier late"],
    ]);
    expect(slipped[1]!.commentary?.expectedDate).toBe("2026-11-30");
    expect(slippedMilestones([action], "2026/27 Q1", today)).toEqual([]);
  });

  it("has not slipped a milestone whose date is still ahead, and misses the progress not yet recorded", () => {
    const q3 = quarterProgress([action], "2026/27 Q3", today);
    expect(q3.slipped).toEqual([]);
    expect(q3.actions[0]!.milestones.map((m) => m.state)).toEqual(["due"]);
    expect(q3.missingProgress).toEqual(["A1"]);
  });

  it("takes a commentary written in a later quarter as the slip's explanation", () => {
    const late = { ...action, notes: [note({ id: "s2", milestoneId: "m3", quarter: "2026/27 Q3", note: "Trainer ill" })] };
    expect(slippedMilestones([late], "2026/27 Q2", today).find((s) => s.milestoneId === "m3")?.commentary?.id).toBe("s2");
  });
});
