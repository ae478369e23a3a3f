import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  CLINIC_MILESTONES_MAX,
  MILESTONE_TEXT_MAX,
  TRAJECTORY_POINTS_MAX,
  milestonesList,
  readMilestones,
  readTrajectory,
  trajectoryKey,
  trajectoryMap,
} from "./meeting-record";

/*
 * A clinic's improvement plan as any client with write access to the record may have
 * shaped it: the readers (the room, the minuted pack, the plan stored at close) keep to
 * the same bounds whatever was pushed into the document.
 */

const ITEM = "11111111-1111-4111-8111-111111111111";
const INDICATOR = "22222222-2222-4222-8222-222222222222";

describe("a clinic's improvement plan read from the record", () => {
  it("keeps at most CLINIC_MILESTONES_MAX milestones, each at most MILESTONE_TEXT_MAX characters", () => {
    const doc = new Y.Doc();
    const entries = Array.from({ length: 5000 }, (_, i) => {
      const map = new Y.Map<unknown>();
      map.set("id", `m${i}`);
      map.set("milestone", "x".repeat(1500));
      map.set("due", "2027-01-31");
      return map;
    });
    milestonesList(doc, ITEM).push(entries);
    const read = readMilestones(doc, ITEM);
    expect(read).toHaveLength(CLINIC_MILESTONES_MAX);
    expect(read[0]!.id).toBe("m0");
    expect(Math.max(...read.map((m) => m.milestone.length))).toBe(MILESTONE_TEXT_MAX);
  });

  it("keeps at most TRAJECTORY_POINTS_MAX points of a trajectory, the earliest, and only sane values", () => {
    const doc = new Y.Doc();
    const trajectory = trajectoryMap(doc, ITEM);
    for (let year = 2000; year < 2100; year++)
      for (let month = 1; month <= 12; month++)
        trajectory.set(trajectoryKey(INDICATOR, `${year}-${String(month).padStart(2, "0")}`), year);
    const read = readTrajectory(doc, ITEM, INDICATOR);
    expect(read).toHaveLength(TRAJECTORY_POINTS_MAX);
    expect(read[0]).toEqual({ period: "2000-01", value: 2000 });

    const odd = new Y.Doc();
    const map = trajectoryMap(odd, ITEM);
    map.set(trajectoryKey(INDICATOR, "2027-01"), "1e308");
    map.set(trajectoryKey(INDICATOR, "2027-02"), 42);
    // Months no period may name: building the pack counts back from each, and year 0000 has no months before it.
    map.set(trajectoryKey(INDICATOR, "0000-03"), 1);
    map.set(trajectoryKey(INDICATOR, "9999-12"), 1);
    map.set(trajectoryKey(INDICATOR, "2027-13"), 1);
    expect(readTrajectory(odd, ITEM, INDICATOR)).toEqual([{ period: "2027-02", value: 42 }]);
  });
});
