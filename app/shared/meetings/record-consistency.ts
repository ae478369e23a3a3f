import type { AttendanceCapacity, AttendanceState, MemberKind, MotionStatus } from "../vocabulary";
import type { QuorumRule } from "./quorum";
import { quorumForItem, type ItemDeclaration } from "./quorum-for-item";

/*
 * Whether a meeting's record holds together before its minuted pack is frozen: the
 * things a board would refuse to sign. Every member of the body has an attendance entry
 * and only one; each resolution was made when the meeting was quorate (or the clerk
 * recorded why it stands); no tally counts more votes than members present who could
 * vote; every agreed action has an owner and a date. Each problem says what is wrong
 * and links to where it is put right.
 */

export type RecordSeat = { userId: string; name: string; memberKind: MemberKind };

export type RecordAttendee = {
  userId: string | null;
  name: string;
  capacity: AttendanceCapacity;
  attendance: AttendanceState;
  arrivedAt: Date | null;
  leftAt: Date | null;
};

export type RecordMotion = {
  id: string;
  itemId: string;
  wording: string;
  status: MotionStatus;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  /** When the vote closed: the moment the resolution was made. */
  decidedAt: Date | null;
};

export type RecordAgreedAction = { itemId: string; action: string; ownerId: string; due: string };

export type RecordInput = {
  seats: RecordSeat[];
  attendees: RecordAttendee[];
  rule: QuorumRule;
  motions: RecordMotion[];
  /** Who declared an interest in which item: they cannot vote on it; a prejudicial interest takes them out of its quorum. */
  declarations: ItemDeclaration[];
  actions: RecordAgreedAction[];
  /** "PC 26/14" or "item 3", by item id. */
  itemLabels: Map<string, string>;
  /** Resolutions the clerk records as made when inquorate, with the reason, by motion id. */
  inquorateReasons: Map<string, string>;
  links: { attendance: string; item: (itemId: string) => string };
};

export type RecordProblemKind =
  "attendance-missing" | "attendance-twice" | "vote-open" | "inquorate" | "tally-too-high" | "action-incomplete";

export type RecordProblem = { kind: RecordProblemKind; message: string; href: string; motionId?: string };

const RECORDED: AttendanceState[] = ["present", "apologies", "absent"];

/** A few words of a resolution, to name it. */
const excerpt = (text: string) => (text.length > 60 ? `“${text.slice(0, 57).trimEnd()}…”` : `“${text}”`);

/** Present at `at`: marked present, arrived by then (or arrival not timed), not yet left. */
export function presentAt(attendee: RecordAttendee, at: Date): boolean {
  if (attendee.attendance !== "present") return false;
  if (attendee.arrivedAt && attendee.arrivedAt.getTime() > at.getTime()) return false;
  return !(attendee.leftAt && attendee.leftAt.getTime() <= at.getTime());
}

export function recordProblems(input: RecordInput): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const label = (itemId: string) => input.itemLabels.get(itemId) ?? "an item";
  const entriesOf = (userId: string) => input.attendees.filter((a) => a.userId === userId);

  for (const seat of input.seats) {
    const entries = entriesOf(seat.userId);
    const recorded = entries.filter((a) => RECORDED.includes(a.attendance));
    if (recorded.length === 0) {
      problems.push({
        kind: "attendance-missing",
        message: `${seat.name} has no attendance recorded: mark them present, apologies or absent`,
        href: input.links.attendance,
      });
    } else if (new Set(recorded.map((a) => a.attendance)).size > 1 || entries.length > 1) {
      problems.push({
        kind: "attendance-twice",
        message: `${seat.name} is on the attendance list more than once (${recorded.map((a) => a.attendance).join(" and ")}): keep one entry`,
        href: input.links.attendance,
      });
    }
  }

  const membersPresentAt = (at: Date) => input.seats.filter((seat) => entriesOf(seat.userId).some((a) => presentAt(a, at)));

  for (const motion of input.motions) {
    const where = `${label(motion.itemId)}, ${excerpt(motion.wording)}`;
    if (motion.status === "open") {
      problems.push({
        kind: "vote-open",
        message: `The vote on ${where} is still open: close or withdraw it`,
        href: input.links.item(motion.itemId),
      });
      continue;
    }
    if (motion.status === "withdrawn" || !motion.decidedAt) continue;
    const present = membersPresentAt(motion.decidedAt);
    // Quorum for the item the resolution was made on: whoever left for it does not count.
    const quorum = quorumForItem(
      {
        rule: input.rule,
        members: input.seats.length,
        present: present.map((s) => ({ userId: s.userId, memberKind: s.memberKind })),
      },
      input.declarations,
      motion.itemId,
    );
    if (!quorum.quorate && !(input.inquorateReasons.get(motion.id) ?? "").trim()) {
      problems.push({
        kind: "inquorate",
        message: `The resolution on ${where} was made when the meeting was not quorate (${quorum.message.replace(/^Not quorate: /, "")}): correct the attendance times, or record why it stands`,
        href: input.links.attendance,
        motionId: motion.id,
      });
    }
    const barred = new Set(input.declarations.filter((d) => d.itemId === motion.itemId).map((d) => d.userId));
    const eligible = present.filter((s) => !barred.has(s.userId)).length;
    const counted = (motion.votesFor ?? 0) + (motion.votesAgainst ?? 0) + (motion.abstentions ?? 0);
    if (counted > eligible) {
      problems.push({
        kind: "tally-too-high",
        message: `The vote on ${where} counts ${counted} votes, but only ${eligible} member${eligible === 1 ? " was" : "s were"} present and able to vote: correct the count`,
        href: input.links.item(motion.itemId),
      });
    }
  }

  for (const action of input.actions) {
    const blank = action.action.trim() === "" && action.ownerId === "" && action.due === "";
    if (blank) continue;
    const missing = [
      action.action.trim() === "" ? "description" : null,
      action.ownerId === "" ? "owner" : null,
      action.due === "" ? "due date" : null,
    ].filter((m): m is string => m !== null);
    if (missing.length) {
      problems.push({
        kind: "action-incomplete",
        message: `The action agreed at ${label(action.itemId)}, ${excerpt(action.action || "(no description)")}, has no ${missing.join(" and no ")}`,
        href: input.links.item(action.itemId),
      });
    }
  }
  return problems;
}
