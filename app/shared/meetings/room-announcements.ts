import { isBeforeOpening } from "./meeting-stage";
import { motionStatement } from "./motion-wording";
import { MOTION_STATUS_LABELS } from "./labels";
import type { MeetingRoomSnapshot, QueuedSpeaker, RoomMotion } from "./room-events";
import { describeTally } from "./votes";

/*
 * What the session says aloud to a screen reader (one polite live region, text in it):
 * a vote opening, a vote closing with its result, the meeting opening and closing, and
 * the chair giving you the floor. Worked out from the room's state before and after an
 * event, so a reconnect (which replaces the state whole) announces nothing that had
 * already happened. A named vote's running count is not announced: it changes with
 * every vote, and the count is on screen under the motion.
 */

type RoomView = Pick<MeetingRoomSnapshot, "status" | "motions">;

/** The announcements, in order, for the change from `before` to `after` (none on joining). */
export function roomAnnouncements(before: RoomView | null, after: RoomView | null): string[] {
  if (!before || !after) return [];
  const lines: string[] = [];
  if (isBeforeOpening(before) && after.status === "in_session") lines.push("The meeting is open.");
  for (const motion of after.motions) {
    const was = before.motions.find((m) => m.id === motion.id);
    if (motion.status === "open" && was?.status !== "open") lines.push(voteOpened(motion));
    else if (was?.status === "open" && motion.status !== "open") lines.push(voteClosed(motion));
  }
  const closed = (status: RoomView["status"]) => status === "closed" || status === "minutes_approved";
  if (!closed(before.status) && closed(after.status)) lines.push("The meeting has closed.");
  return lines;
}

/** "Voting is open. Proposed: that the report be noted. Your vote: For, Against or Abstain." */
export function voteOpened(motion: Pick<RoomMotion, "wording" | "method">): string {
  const how =
    motion.method === "named" ? "Members vote For, Against or Abstain under Your vote." : "By a show of hands: the clerk counts.";
  return `Voting is open. ${motionStatement("open", motion.wording)} ${how}`;
}

/** "The vote has closed: carried, 4 for, 1 against, 0 abstentions. RESOLVED that the report be noted." */
export function voteClosed(motion: Pick<RoomMotion, "wording" | "status" | "tally">): string {
  if (motion.status === "withdrawn") return `The motion was withdrawn. ${motionStatement("withdrawn", motion.wording)}`;
  const count = motion.tally ? `, ${describeTally(motion.tally)}` : "";
  return `The vote has closed: ${MOTION_STATUS_LABELS[motion.status].toLowerCase()}${count}. ${motionStatement(motion.status, motion.wording)}`;
}

/** When the chair calls a speaker: said to the person called only (the others see the queue move). */
export function floorAnnouncement(called: Pick<QueuedSpeaker, "userId"> | null, youUserId: string): string | null {
  return called && called.userId === youUserId ? "The chair has given you the floor: you may speak now." : null;
}
