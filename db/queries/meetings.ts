import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { memberships, users } from "../schema/identity";
import {
  agendaItems,
  bodies,
  bodyMembers,
  declarations,
  meetingAttendance,
  meetings,
  motionVotes,
  motions,
  speakingRequests,
  type MemberKind,
  type SeatPosition,
} from "../schema/meetings";

/*
 * Reads of bodies, meetings and agendas. Every function takes the organisation and
 * filters by it, so that an id from another organisation finds nothing.
 */

export async function findBody(db: Database, organisationId: string, bodyId: string) {
  const [body] = await db
    .select()
    .from(bodies)
    .where(and(eq(bodies.id, bodyId), eq(bodies.organisationId, organisationId)))
    .limit(1);
  return body ?? null;
}

export async function listBodies(db: Database, organisationId: string) {
  return db.select().from(bodies).where(eq(bodies.organisationId, organisationId)).orderBy(asc(bodies.name));
}

/** The seats of a body with the names of the people in them, chair first. */
export async function listBodyMembers(db: Database, bodyId: string) {
  const rows = await db
    .select({
      id: bodyMembers.id,
      userId: bodyMembers.userId,
      name: users.name,
      email: users.email,
      position: bodyMembers.position,
      memberKind: bodyMembers.memberKind,
    })
    .from(bodyMembers)
    .innerJoin(users, eq(users.id, bodyMembers.userId))
    .where(eq(bodyMembers.bodyId, bodyId));
  const order = { chair: 0, vice_chair: 1, member: 2 } as const;
  return rows.sort((a, b) => order[a.position] - order[b.position] || a.name.localeCompare(b.name, "en-GB"));
}

export async function findMeeting(db: Database, organisationId: string, meetingId: string) {
  const [meeting] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, organisationId)))
    .limit(1);
  return meeting ?? null;
}

/** A meeting by id alone: for the realtime layers, which then check the organisation through a policy. */
export async function findMeetingById(db: Database, meetingId: string) {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId)).limit(1);
  return meeting ?? null;
}

export async function listAgendaItems(db: Database, meetingId: string) {
  return db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
}

/** The person's seat on the body, or null when they hold none. */
export async function findSeat(db: Database, bodyId: string, userId: string) {
  const [seat] = await db
    .select({ position: bodyMembers.position, memberKind: bodyMembers.memberKind })
    .from(bodyMembers)
    .where(and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.userId, userId)))
    .limit(1);
  return seat ?? null;
}

export async function listAttendance(db: Database, meetingId: string) {
  return db
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(asc(meetingAttendance.createdAt));
}

export async function listDeclarations(db: Database, meetingId: string) {
  return db
    .select({
      id: declarations.id,
      agendaItemId: declarations.agendaItemId,
      userId: declarations.userId,
      name: users.name,
      kind: declarations.kind,
      note: declarations.note,
      declaredAt: declarations.declaredAt,
    })
    .from(declarations)
    .innerJoin(users, eq(users.id, declarations.userId))
    .where(eq(declarations.meetingId, meetingId))
    .orderBy(asc(declarations.declaredAt));
}

/*
 * For the live session room (server/realtime/io/meeting-room.ts), which checks the
 * person's role and seat again on every event: one round trip each time.
 */

/** A meeting, the person's role in its organisation (null: not a member of it) and their seat on its body. */
export async function findMeetingWithPerson(db: Database, meetingId: string, userId: string) {
  const [row] = await db
    .select({
      meeting: meetings,
      role: memberships.role,
      position: bodyMembers.position,
      memberKind: bodyMembers.memberKind,
      minutesMode: bodies.minutesMode,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .leftJoin(memberships, and(eq(memberships.organisationId, meetings.organisationId), eq(memberships.userId, userId)))
    .leftJoin(bodyMembers, and(eq(bodyMembers.bodyId, meetings.bodyId), eq(bodyMembers.userId, userId)))
    .where(eq(meetings.id, meetingId))
    .limit(1);
  if (!row) return null;
  return { meeting: row.meeting, role: row.role, seat: seatOf(row), minutesMode: row.minutesMode };
}

export type MeetingWithPerson = NonNullable<Awaited<ReturnType<typeof findMeetingWithPerson>>>;

const seatOf = (row: { position: SeatPosition | null; memberKind: MemberKind | null }) =>
  row.position && row.memberKind ? { position: row.position, memberKind: row.memberKind } : null;

/**
 * `findMeetingWithPerson` for many people of one meeting at once (three queries
 * however many there are: a thousand may join the room together). Everyone asked is
 * answered, with a null role when they are not in the meeting's organisation; an empty
 * map when there is no such meeting.
 */
export async function findMeetingWithPeople(
  db: Database,
  meetingId: string,
  userIds: string[],
): Promise<Map<string, MeetingWithPerson>> {
  if (userIds.length === 0) return new Map();
  const [[found], roles, seats] = await Promise.all([
    db
      .select({ meeting: meetings, minutesMode: bodies.minutesMode })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(eq(meetings.id, meetingId))
      .limit(1),
    db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .innerJoin(meetings, eq(meetings.organisationId, memberships.organisationId))
      .where(and(eq(meetings.id, meetingId), inArray(memberships.userId, userIds))),
    db
      .select({ userId: bodyMembers.userId, position: bodyMembers.position, memberKind: bodyMembers.memberKind })
      .from(bodyMembers)
      .innerJoin(meetings, eq(meetings.bodyId, bodyMembers.bodyId))
      .where(and(eq(meetings.id, meetingId), inArray(bodyMembers.userId, userIds))),
  ]);
  if (!found) return new Map();
  const roleOf = new Map(roles.map((r) => [r.userId, r.role]));
  const seatOfUser = new Map(seats.map((s) => [s.userId, seatOf(s)]));
  return new Map(
    userIds.map((userId) => [
      userId,
      {
        meeting: found.meeting,
        role: roleOf.get(userId) ?? null,
        seat: seatOfUser.get(userId) ?? null,
        minutesMode: found.minutesMode,
      },
    ]),
  );
}

export async function findAgendaItemOfMeeting(db: Database, meetingId: string, itemId: string) {
  const [item] = await db
    .select({ id: agendaItems.id, title: agendaItems.title })
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  return item ?? null;
}

export async function findAttendee(db: Database, meetingId: string, userId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The attendance rows of these people of one meeting (those who have one), by person. */
export async function findAttendees(db: Database, meetingId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, typeof meetingAttendance.$inferSelect>();
  const rows = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.userId, userIds)));
  return new Map(rows.flatMap((row) => (row.userId ? [[row.userId, row] as const] : [])));
}

export async function countSeats(db: Database, bodyId: string) {
  const [row] = await db.select({ seats: count() }).from(bodyMembers).where(eq(bodyMembers.bodyId, bodyId));
  return row.seats;
}

/** Hands still raised, first raised first. */
export async function listSpeakingQueue(db: Database, meetingId: string) {
  return db
    .select({
      requestId: speakingRequests.id,
      userId: speakingRequests.userId,
      name: users.name,
      raisedAt: speakingRequests.raisedAt,
    })
    .from(speakingRequests)
    .innerJoin(users, eq(users.id, speakingRequests.userId))
    .where(and(eq(speakingRequests.meetingId, meetingId), isNull(speakingRequests.endedAt)))
    .orderBy(asc(speakingRequests.raisedAt), asc(speakingRequests.id));
}

export async function findMotion(db: Database, motionId: string) {
  const [motion] = await db.select().from(motions).where(eq(motions.id, motionId)).limit(1);
  return motion ?? null;
}

/** A meeting's motions in the order proposed (or just one of them), each with its named votes. */
export async function listMotionsWithVotes(db: Database, meetingId: string, onlyMotionId?: string) {
  const rows = await db
    .select()
    .from(motions)
    .where(and(eq(motions.meetingId, meetingId), onlyMotionId ? eq(motions.id, onlyMotionId) : undefined))
    .orderBy(asc(motions.proposedAt), asc(motions.id));
  if (rows.length === 0) return [];
  const votes = await db
    .select({ motionId: motionVotes.motionId, userId: motionVotes.userId, name: users.name, choice: motionVotes.choice })
    .from(motionVotes)
    .innerJoin(users, eq(users.id, motionVotes.userId))
    .where(
      inArray(
        motionVotes.motionId,
        rows.map((m) => m.id),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((motion) => ({ motion, votes: votes.filter((v) => v.motionId === motion.id) }));
}

/** The kinds of the body's members present now (marked present, not since left): what quorum counts. */
/** The body's members recorded present and not since left, with their kind: quorum is counted per item from them. */
export async function listPresentMembers(db: Database, meetingId: string) {
  const rows = await db
    .select({ userId: meetingAttendance.userId, memberKind: meetingAttendance.memberKind })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.capacity, "member"),
        eq(meetingAttendance.attendance, "present"),
        isNull(meetingAttendance.leftAt),
      ),
    );
  return rows.flatMap((r) => (r.userId && r.memberKind ? [{ userId: r.userId, memberKind: r.memberKind }] : []));
}

export async function listPresentMemberKinds(db: Database, meetingId: string) {
  const rows = await db
    .select({ memberKind: meetingAttendance.memberKind, people: count() })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.capacity, "member"),
        eq(meetingAttendance.attendance, "present"),
        isNull(meetingAttendance.leftAt),
      ),
    )
    .groupBy(meetingAttendance.memberKind);
  return rows.flatMap((r) => (r.memberKind ? Array.from({ length: r.people }, () => r.memberKind!) : []));
}
