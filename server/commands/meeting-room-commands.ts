import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users, type Role } from "../../db/schema/identity";
import {
  agendaItems,
  declarations,
  meetingAttendance,
  meetings,
  motionVotes,
  motions,
  speakingRequests,
  type InterestKind,
  type MemberKind,
  type SeatPosition,
} from "../../db/schema/meetings";
import { findAgendaItemOfMeeting } from "../../db/queries/meetings";
import { CommandError } from "./errors";

/*
 * The live session room's writes other than motions: attendance as people come and go,
 * the item the chair has open, the speaking queue and declarations of interest. Each is
 * safe to repeat: the room's clients retry after a reconnect.
 */

export const NOT_ON_AGENDA = "That item is not on this meeting's agenda";

type MeetingAttendee = typeof meetingAttendance.$inferSelect;
type Person = {
  meetingId: string;
  userId: string;
  name: string;
  role: Role;
  seat: { position: SeatPosition; memberKind: MemberKind } | null;
};

/**
 * Someone came into the room of a meeting in session. A seated member or an officer is
 * marked present (added to the attendance list if they were not on it); someone else
 * already on the list (a guest, say) is marked present; anyone else (viewers, members
 * without a seat) watches and is not recorded. The first arrival time is kept, and
 * coming back clears the departure. Returns their attendance row, if they have one.
 */
export async function recordArrival(db: Database, person: Person): Promise<MeetingAttendee | null> {
  return (await recordArrivals(db, person.meetingId, [person])).get(person.userId) ?? null;
}

/**
 * `recordArrival` for many people of one meeting, in at most two statements however
 * many they are (when a venue's network comes back, 300 members arrive at once).
 * Returns the attendance rows of those who have one, by person.
 */
export async function recordArrivals(
  db: Database,
  meetingId: string,
  people: Omit<Person, "meetingId">[],
): Promise<Map<string, MeetingAttendee>> {
  const present = {
    attendance: "present" as const,
    arrivedAt: sql`coalesce(${meetingAttendance.arrivedAt}, now())`,
    leftAt: null,
  };
  // One row each (someone with two tabs arrives twice): one statement cannot write a row twice.
  const byPerson = new Map(people.filter((p) => p.role !== "viewer").map((p) => [p.userId, p]));
  const added: { person: Omit<Person, "meetingId">; capacity: "member" | "officer" }[] = [];
  const listedOnly: string[] = [];
  for (const person of byPerson.values()) {
    const capacity = person.seat ? "member" : person.role === "officer" || person.role === "admin" ? "officer" : null;
    if (capacity) added.push({ person, capacity });
    else listedOnly.push(person.userId);
  }
  const [inserted, updated] = await Promise.all([
    added.length === 0
      ? []
      : db
          .insert(meetingAttendance)
          .values(
            added.map(({ person, capacity }) => ({
              meetingId,
              userId: person.userId,
              name: person.name,
              capacity,
              memberKind: person.seat?.memberKind ?? null,
              attendance: "present" as const,
              arrivedAt: new Date(),
            })),
          )
          .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: present })
          .returning(),
    listedOnly.length === 0
      ? []
      : db
          .update(meetingAttendance)
          .set(present)
          .where(and(eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.userId, listedOnly)))
          .returning(),
  ]);
  return new Map([...inserted, ...updated].flatMap((row) => (row.userId ? [[row.userId, row] as const] : [])));
}

/** These people's last connections to the room closed: they left (until they come back). Only while in session. */
export async function recordDepartures(db: Database, meetingId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .update(meetingAttendance)
    .set({ leftAt: new Date() })
    .where(
      and(
        eq(meetingAttendance.meetingId, meetingId),
        inArray(meetingAttendance.userId, userIds),
        eq(meetingAttendance.attendance, "present"),
        isNull(meetingAttendance.leftAt),
        sql`exists (select 1 from ${meetings} where ${meetings.id} = ${meetingId} and ${meetings.status} = 'in_session')`,
      ),
    );
}

/** Opens an item of the meeting's own agenda, in one statement (it runs on every move of the chair). */
export async function moveToItem(db: Database, meetingId: string, itemId: string): Promise<void> {
  const moved = await db
    .update(meetings)
    .set({ currentItemId: itemId })
    .where(
      and(
        eq(meetings.id, meetingId),
        sql`exists (select 1 from ${agendaItems} where ${agendaItems.id} = ${itemId} and ${agendaItems.meetingId} = ${meetingId})`,
      ),
    )
    .returning({ id: meetings.id });
  if (moved.length === 0) throw new CommandError(NOT_ON_AGENDA);
}

/** A second raise while the hand is up is the same request (one open hand per person). */
export async function raiseHand(db: Database, meetingId: string, userId: string): Promise<void> {
  await db.insert(speakingRequests).values({ meetingId, userId }).onConflictDoNothing();
}

export async function lowerHand(db: Database, meetingId: string, userId: string): Promise<void> {
  await db
    .update(speakingRequests)
    .set({ endedAt: new Date(), outcome: "lowered" })
    .where(and(eq(speakingRequests.meetingId, meetingId), eq(speakingRequests.userId, userId), isNull(speakingRequests.endedAt)));
}

/**
 * The chair calls the first hand raised, or a named person out of turn. Returns who was
 * called, or null when no hand is up.
 */
export async function callSpeaker(db: Database, meetingId: string, userId?: string) {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({
        requestId: speakingRequests.id,
        userId: speakingRequests.userId,
        name: users.name,
        raisedAt: speakingRequests.raisedAt,
      })
      .from(speakingRequests)
      .innerJoin(users, eq(users.id, speakingRequests.userId))
      .where(
        and(
          eq(speakingRequests.meetingId, meetingId),
          isNull(speakingRequests.endedAt),
          userId ? eq(speakingRequests.userId, userId) : undefined,
        ),
      )
      .orderBy(asc(speakingRequests.raisedAt), asc(speakingRequests.id))
      .limit(1)
      .for("update", { of: speakingRequests });
    if (!next) {
      if (userId) throw new CommandError("That person does not have their hand up");
      return null;
    }
    await tx
      .update(speakingRequests)
      .set({ endedAt: new Date(), outcome: "called" })
      .where(eq(speakingRequests.id, next.requestId));
    return next;
  });
}

/**
 * Records a declaration of interest on an item; declaring again on the same item
 * changes its kind and note. A vote the person already cast on a motion still open on
 * that item is withdrawn: they may no longer vote on it.
 */
export async function declareInterest(
  db: Database,
  input: { meetingId: string; itemId: string; userId: string; kind: InterestKind; note: string },
): Promise<void> {
  if (!(await findAgendaItemOfMeeting(db, input.meetingId, input.itemId))) throw new CommandError(NOT_ON_AGENDA);
  await db.transaction(async (tx) => {
    await tx
      .insert(declarations)
      .values({
        meetingId: input.meetingId,
        agendaItemId: input.itemId,
        userId: input.userId,
        kind: input.kind,
        note: input.note,
      })
      .onConflictDoUpdate({
        target: [declarations.agendaItemId, declarations.userId],
        set: { kind: input.kind, note: input.note },
      });
    const openOnItem = tx
      .select({ id: motions.id })
      .from(motions)
      .where(and(eq(motions.agendaItemId, input.itemId), eq(motions.status, "open")));
    await tx.delete(motionVotes).where(and(eq(motionVotes.userId, input.userId), inArray(motionVotes.motionId, openOnItem)));
  });
}
