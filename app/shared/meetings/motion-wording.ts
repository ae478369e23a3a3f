import type { MotionStatus } from "../vocabulary";
import { MOTION_STATUS_LABELS } from "./labels";

/*
 * How a motion reads: "Proposed:" while it is before the meeting, "RESOLVED that" only
 * once it is carried, and a lost or withdrawn motion as the motion it was. The live
 * session, the web page of a pack and its PDF all word it through here.
 */

/** The words before the wording: "RESOLVED that", "Proposed: that", "Motion (lost): that". */
export function motionLead(status: MotionStatus): string {
  switch (status) {
    case "carried":
      return "RESOLVED";
    case "open":
      return "Proposed:";
    default:
      return `Motion (${MOTION_STATUS_LABELS[status].toLowerCase()}):`;
  }
}

/** "RESOLVED that the report be noted." / "Proposed: that the report be noted." */
export function motionStatement(status: MotionStatus, wording: string): string {
  return `${motionLead(status)} that ${wording}`;
}

/** A pack records the outcome in words ("Carried", or "Carried when the meeting was not quorate…"): its status from them. */
export function statusOfOutcome(outcomeLabel: string): MotionStatus {
  const found = (Object.entries(MOTION_STATUS_LABELS) as [MotionStatus, string][]).find(([, label]) =>
    outcomeLabel.startsWith(label),
  );
  return found?.[0] ?? "carried";
}
