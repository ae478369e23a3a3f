import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema/identity";
import { bodyMembers, meetingAttendance, type Meeting } from "../../db/schema/meetings";
import { apologiesRefusal, apologiesSchema, withdrawalRefusal } from "../../app/shared/members/apologies";
import { recordAudit, type Actor } from "../audit";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";
import { lockMeeting } from "./meeting-locks";

/*
 * A member sends (or withdraws) their own apologies for a meeting of a body they sit on,
 * until the meeting closes. They are the register's "apologies" with the member's reason,
 * so the clerk's attendance, the room and the minuted pack all read them from one place.
 * Authorisation is the caller's (memberPolicy.sendApologies); the seat is checked here
 * again, in the transaction.
 */

type ApologyRef = { organisationId: string; meetingId: string; userId: string };

async function lockedAttendee(tx: Database, meetingId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, userId)))
    .limit(1)
    .for("update");
  return row ?? null;
}

async function findSeatWithName(tx: Database, bodyId: string, userId: string) {
  const [seat] = await tx
    .select({ memberKind: bodyMembers.memberKind, name: users.name })
    .from(bodyMembers)
    .innerJoin(users, eq(users.id, bodyMembers.userId))
    .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, userId)))
    .limit(1);
  if (!seat) throw new CommandError("You do not sit on this meeting's committee or panel", "form");
  return seat;
}

const audit = (tx: Database, ref: ApologyRef, actor: Actor, action: string, change: { before?: unknown; after?: unknown }) =>
  recordAudit(tx, {
    organisationId: ref.organisationId,
    actor,
    action,
    subjectType: "meeting",
    subjectId: ref.meetingId,
    ...change,
  });

export async function sendApologies(
  db: Database,
  input: ApologyRef & { reason: string },
  actor: Actor,
): Promise<{ meeting: Meeting; reason: string }> {
  const { reason } = parseCommandInput(apologiesSchema, input);
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, input.organisationId, input.meetingId);
    const seat = await findSeatWithName(tx, meeting.bodyId, input.userId);
    const before = await lockedAttendee(tx, meeting.id, input.userId);
    const refusal = apologiesRefusal(meeting.status, before);
    if (refusal) throw new CommandError(refusal, "form");
    const sent = { attendance: "apologies" as const, apologyReason: reason, apologiesSentAt: new Date() };
    if (before) await tx.update(meetingAttendance).set(sent).where(eq(meetingAttendance.id, before.id));
    // A seat given after the meeting was arranged has no line on the register yet.
    else
      await tx.insert(meetingAttendance).values({
        meetingId: meeting.id,
        userId: input.userId,
        name: seat.name,
        capacity: "member",
        memberKind: seat.memberKind,
        ...sent,
      });
    await audit(tx, input, actor, "meeting.apologies.send", {
      before: before ? { userId: input.userId, attendance: before.attendance, reason: before.apologyReason } : null,
      after: { userId: input.userId, name: seat.name, attendance: "apologies", reason },
    });
    return { meeting, reason };
  });
}

export async function withdrawApologies(db: Database, input: ApologyRef, actor: Actor): Promise<{ meeting: Meeting }> {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, input.organisationId, input.meetingId);
    await findSeatWithName(tx, meeting.bodyId, input.userId);
    const before = await lockedAttendee(tx, meeting.id, input.userId);
    const refusal = withdrawalRefusal(meeting.status, before);
    if (refusal || !before) throw new CommandError(refusal ?? "You have not sent apologies for this meeting", "form");
    await tx
      .update(meetingAttendance)
      .set({ attendance: "expected", apologyReason: "", apologiesSentAt: null })
      .where(eq(meetingAttendance.id, before.id));
    await audit(tx, input, actor, "meeting.apologies.withdraw", {
      before: { userId: input.userId, attendance: before.attendance, reason: before.apologyReason },
      after: { userId: input.userId, attendance: "expected" },
    });
    return { meeting };
  });
}
