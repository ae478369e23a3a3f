import { and, asc, desc, eq, exists, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "../client";
import { memberships, users } from "../schema/identity";
import { agendaItems, bodies, bodyMembers, meetingAttendance, meetings } from "../schema/meetings";
import { registeredInterests } from "../schema/members";
import { packs, packVersions } from "../schema/packs";
import type { MeetingStatus } from "../schema/meetings";

/*
 * Reads for what members do for themselves: their register of interests and the papers
 * of their next meetings. Every read is scoped to the organisation.
 */

/** A person's register: current entries first (newest first), then removed ones. */
export async function listRegisteredInterests(db: Database, organisationId: string, userId: string) {
  return db
    .select()
    .from(registeredInterests)
    .where(and(eq(registeredInterests.organisationId, organisationId), eq(registeredInterests.userId, userId)))
    .orderBy(desc(isNull(registeredInterests.removedAt)), desc(registeredInterests.registeredAt));
}

/**
 * Current entries, for the clerk, by person: everyone's in the organisation, or (with a
 * body) those of the people seated on it, shown beside a meeting's attendance.
 */
export async function listCurrentInterests(db: Database, organisationId: string, onlyBodyId?: string) {
  const current = and(eq(registeredInterests.organisationId, organisationId), isNull(registeredInterests.removedAt));
  const seated = onlyBodyId
    ? exists(
        db
          .select({ one: bodyMembers.id })
          .from(bodyMembers)
          .where(and(eq(bodyMembers.bodyId, onlyBodyId), eq(bodyMembers.userId, registeredInterests.userId))),
      )
    : undefined;
  return db
    .select({
      id: registeredInterests.id,
      userId: registeredInterests.userId,
      name: users.name,
      interest: registeredInterests.interest,
      kind: registeredInterests.kind,
      registeredAt: registeredInterests.registeredAt,
    })
    .from(registeredInterests)
    .innerJoin(users, eq(users.id, registeredInterests.userId))
    .where(and(current, seated))
    .orderBy(asc(users.name), asc(registeredInterests.registeredAt));
}

/** Whether the person is a member of the organisation (a register belongs to a member of it). */
export async function isMemberOfOrganisation(db: Database, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return row !== undefined;
}

const UPCOMING: MeetingStatus[] = ["draft", "agenda_published", "in_session"];

/**
 * The person's next meetings (not yet closed), soonest first: those of the bodies they sit
 * on and those they are on the attendance list of (an officer presenting), with the latest
 * published agenda pack of each.
 */
export async function listMyNextMeetings(db: Database, organisationId: string, userId: string, limit = 12) {
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      status: meetings.status,
      place: meetings.place,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        inArray(meetings.status, UPCOMING),
        or(
          exists(
            db
              .select({ one: bodyMembers.id })
              .from(bodyMembers)
              .where(and(eq(bodyMembers.bodyId, meetings.bodyId), eq(bodyMembers.userId, userId))),
          ),
          exists(
            db
              .select({ one: meetingAttendance.id })
              .from(meetingAttendance)
              .where(and(eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.userId, userId))),
          ),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [versions, items] = await Promise.all([
    db
      .select({
        meetingId: packs.meetingId,
        packId: packs.id,
        version: packVersions.version,
        frozenAt: packVersions.frozenAt,
        pageCount: packVersions.pageCount,
      })
      .from(packs)
      .innerJoin(packVersions, eq(packVersions.packId, packs.id))
      .where(and(eq(packs.organisationId, organisationId), eq(packs.kind, "agenda"), inArray(packs.meetingId, ids)))
      .orderBy(desc(packVersions.version)),
    db
      .select({
        id: agendaItems.id,
        meetingId: agendaItems.meetingId,
        position: agendaItems.position,
        kind: agendaItems.kind,
        title: agendaItems.title,
        exempt: agendaItems.exempt,
      })
      .from(agendaItems)
      .where(inArray(agendaItems.meetingId, ids))
      .orderBy(asc(agendaItems.position)),
  ]);
  return rows.map((row) => ({
    ...row,
    // Newest first: the first version seen is the latest.
    pack: versions.find((v) => v.meetingId === row.id) ?? null,
    items: items.filter((i) => i.meetingId === row.id),
  }));
}

/** The members with apologies on a meeting's register, by name, with their reasons. */
export async function listApologies(db: Database, meetingId: string) {
  return db
    .select({ userId: meetingAttendance.userId, name: meetingAttendance.name, reason: meetingAttendance.apologyReason })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.attendance, "apologies")))
    .orderBy(asc(meetingAttendance.name));
}
