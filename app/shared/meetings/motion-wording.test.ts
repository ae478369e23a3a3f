import { describe, expect, it } from "vitest";
import type { MotionStatus } from "../vocabulary";
import { motionStatement, statusOfOutcome } from "./motion-wording";

describe("how a motion reads", () => {
  it.each<[MotionStatus, string]>([
    ["open", "Proposed: that the report be noted."],
    ["carried", "RESOLVED that the report be noted."],
    ["lost", "Motion (lost): that the report be noted."],
    ["withdrawn", "Motion (withdrawn): that the report be noted."],
  ])("%s", (status, expected) => {
    expect(motionStatement(status, "the report be noted.")).toBe(expected);
  });

  it.each<[string, MotionStatus]>([
    ["Carried", "carried"],
    ["Lost", "lost"],
    ["Withdrawn", "withdrawn"],
    ["Carried when the meeting was not quorate. Clerk's note: urgent", "carried"],
  ])("reads the status of a pack's outcome %s", (outcome, status) => {
    expect(statusOfOutcome(outcome)).toBe(status);
  });
});
