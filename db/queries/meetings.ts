import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { agendaItems, bodies, bodyMembers, declarations, meetingAttendance, meetings } from "../schema/meetings";

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
  return db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).orderBy(asc(meetingAttendance.createdAt));
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
