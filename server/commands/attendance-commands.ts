import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, users } from "../../db/schema/identity";
import { meetingAttendance } from "../../db/schema/meetings";
import { ATTENDANCE_LABELS } from "../../app/shared/meetings/labels";
import {
  addGuestSchema,
  attendeeSchema,
  inviteOfficerSchema,
  setAttendanceSchema,
} from "../../app/shared/meetings/meeting-schemas";
import { recordAudit, type Actor } from "../audit";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";
import { lockMeeting, lockMeetingBeforeItOpens } from "./meeting-locks";

/*
 * Expected attendance, before the meeting: apologies and absences sent in advance,
 * officers invited to present, guests. Who is present is taken in the live session.
 * Authorisation is the caller's (meetingPolicy.manage).
 */

type MeetingRef = { organisationId: string; meetingId: string };

const lockList = (tx: Database, ref: MeetingRef) =>
  lockMeetingBeforeItOpens(
    tx,
    ref.organisationId,
    ref.meetingId,
    "The meeting has opened: record attendance in the live session",
  );

const audit = (tx: Database, ref: MeetingRef, actor: Actor, action: string, change: { before?: unknown; after?: unknown }) =>
  recordAudit(tx, {
    organisationId: ref.organisationId,
    actor,
    action,
    subjectType: "meeting",
    subjectId: ref.meetingId,
    ...change,
  });

async function findAttendeeById(tx: Database, meetingId: string, attendeeId: string) {
  const [row] = await tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.id, attendeeId), eq(meetingAttendance.meetingId, meetingId)))
    .limit(1);
  if (!row) throw new CommandError("That person is not on this meeting's attendance list", "attendeeId");
  return row;
}

export async function setAttendance(db: Database, input: MeetingRef & { attendeeId: string; attendance: string }, actor: Actor) {
  const { attendeeId, attendance } = parseCommandInput(setAttendanceSchema, input);
  return db.transaction(async (tx) => {
    // Apologies and absences can be put right after the meeting too, until its minutes are approved:
    // freezing the minuted pack refuses a member with no attendance recorded.
    const meeting = await lockMeeting(tx, input.organisationId, input.meetingId);
    if (meeting.status === "in_session" || meeting.status === "minutes_approved")
      throw new CommandError(
        meeting.status === "in_session"
          ? "The meeting has opened: record attendance in the live session"
          : "These minutes have been approved: attendance can no longer change",
        "form",
      );
    const before = await findAttendeeById(tx, input.meetingId, attendeeId);
    // A member's own reason goes with their apologies: the clerk changing the state takes it away.
    const reason = attendance === "apologies" ? {} : { apologyReason: "", apologiesSentAt: null };
    const [row] = await tx
      .update(meetingAttendance)
      .set({ attendance, ...reason })
      .where(eq(meetingAttendance.id, before.id))
      .returning();
    await audit(tx, input, actor, "meeting.attendance.set", {
      before: { attendeeId, name: before.name, attendance: before.attendance },
      after: { attendeeId, name: row.name, attendance },
    });
    return { name: row.name, attendance: ATTENDANCE_LABELS[attendance] };
  });
}

/** Invites a person of the organisation to attend as an officer (to present a report, to advise). */
export async function inviteOfficer(db: Database, input: MeetingRef & { userId: string }, actor: Actor) {
  const { userId } = parseCommandInput(inviteOfficerSchema, input);
  return db.transaction(async (tx) => {
    await lockList(tx, input);
    const [person] = await tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, userId)))
      .limit(1);
    if (!person) throw new CommandError("Choose a person of the organisation", "userId");
    const [row] = await tx
      .insert(meetingAttendance)
      .values({ meetingId: input.meetingId, userId: person.id, name: person.name, capacity: "officer" })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new CommandError(`${person.name} is already on the attendance list`, "userId");
    await audit(tx, input, actor, "meeting.attendance.invite", {
      after: { attendeeId: row.id, userId: person.id, name: person.name, capacity: "officer" },
    });
    return row;
  });
}

/** A guest without an account: a tenant representative, an auditor, a speaker from another landlord. */
export async function addGuest(db: Database, input: MeetingRef & { name: string }, actor: Actor) {
  const { name } = parseCommandInput(addGuestSchema, input);
  return db.transaction(async (tx) => {
    await lockList(tx, input);
    const [row] = await tx
      .insert(meetingAttendance)
      .values({ meetingId: input.meetingId, userId: null, name, capacity: "guest" })
      .returning();
    await audit(tx, input, actor, "meeting.attendance.guest", { after: { attendeeId: row.id, name, capacity: "guest" } });
    return row;
  });
}

/** Takes an invited officer or a guest off the list. Members stay: they hold seats. */
export async function removeAttendee(db: Database, input: MeetingRef & { attendeeId: string }, actor: Actor) {
  const { attendeeId } = parseCommandInput(attendeeSchema, input);
  return db.transaction(async (tx) => {
    await lockList(tx, input);
    const row = await findAttendeeById(tx, input.meetingId, attendeeId);
    if (row.capacity === "member") {
      throw new CommandError(`${row.name} holds a seat on the body: record their apologies or absence instead`, "attendeeId");
    }
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.id, row.id));
    await audit(tx, input, actor, "meeting.attendance.remove", {
      before: { attendeeId: row.id, userId: row.userId, name: row.name, capacity: row.capacity },
    });
    return row;
  });
}
