import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { BEFORE_OPENING_STATUSES } from "../../app/shared/meetings/meeting-stage";
import { actions, bodies, bodyMembers, meetingAttendance, meetings } from "../schema/meetings";
import { registeredInterests } from "../schema/members";
import { objectives, planActions, plans } from "../schema/plans";
import { indicators } from "../schema/performance";

/**
 * What a member answers for in the organisation: their open actions, the indicators
 * (retired ones included) they own or manage, the objectives they are accountable for,
 * and the plans and unfinished plan actions they own. Removing them needs each one passed
 * to someone else first, so that every one keeps a named person.
 */
export async function listMemberResponsibilities(db: Database, organisationId: string, userId: string) {
  const [openActions, indicatorRows, accountableFor, ownedPlans, ownedPlanActions] = await Promise.all([
    db
      .select({
        id: actions.id,
        description: actions.description,
        dueDate: actions.dueDate,
        status: actions.status,
        minuteNumber: actions.minuteNumber,
      })
      .from(actions)
      .where(and(eq(actions.organisationId, organisationId), eq(actions.ownerUserId, userId), ne(actions.status, "complete")))
      .orderBy(asc(actions.dueDate)),
    db
      .select({
        id: indicators.id,
        code: indicators.code,
        title: indicators.title,
        ownerUserId: indicators.ownerUserId,
        managerUserId: indicators.managerUserId,
      })
      .from(indicators)
      .where(
        and(
          eq(indicators.organisationId, organisationId),
          or(eq(indicators.ownerUserId, userId), eq(indicators.managerUserId, userId)),
        ),
      )
      .orderBy(asc(indicators.code)),
    db
      .select({ id: objectives.id, code: objectives.code, title: objectives.title })
      .from(objectives)
      .where(and(eq(objectives.organisationId, organisationId), eq(objectives.accountableUserId, userId)))
      .orderBy(asc(objectives.code)),
    db
      .select({ id: plans.id, code: plans.code, title: plans.title })
      .from(plans)
      .where(and(eq(plans.organisationId, organisationId), eq(plans.ownerUserId, userId)))
      .orderBy(asc(plans.code)),
    db
      .select({ id: planActions.id, code: sql<string>`${plans.code} || ' ' || ${planActions.code}`, title: planActions.title })
      .from(planActions)
      .innerJoin(plans, eq(plans.id, planActions.planId))
      .where(
        and(
          eq(planActions.organisationId, organisationId),
          eq(planActions.ownerUserId, userId),
          ne(planActions.status, "complete"),
        ),
      )
      .orderBy(asc(plans.code), asc(planActions.position)),
  ]);
  return {
    actions: openActions,
    objectives: accountableFor,
    plans: ownedPlans,
    planActions: ownedPlanActions,
    owned: indicatorRows.filter((i) => i.ownerUserId === userId).map(({ id, code, title }) => ({ id, code, title })),
    managed: indicatorRows.filter((i) => i.managerUserId === userId).map(({ id, code, title }) => ({ id, code, title })),
  };
}

/** Passes objectives, plans and plan actions to their new people: [id, user id] pairs, all of this organisation. */
export async function reassignGoldenThread(
  db: Database,
  organisationId: string,
  to: { objectives: [string, string][]; plans: [string, string][]; planActions: [string, string][] },
) {
  for (const [id, userId] of to.objectives)
    await db
      .update(objectives)
      .set({ accountableUserId: userId })
      .where(and(eq(objectives.organisationId, organisationId), eq(objectives.id, id)));
  for (const [id, userId] of to.plans)
    await db
      .update(plans)
      .set({ ownerUserId: userId })
      .where(and(eq(plans.organisationId, organisationId), eq(plans.id, id)));
  for (const [id, userId] of to.planActions)
    await db
      .update(planActions)
      .set({ ownerUserId: userId })
      .where(and(eq(planActions.organisationId, organisationId), eq(planActions.id, id)));
}

export type MemberResponsibilities = Awaited<ReturnType<typeof listMemberResponsibilities>>;

/**
 * Ends a person's seats (on one body, or on every body of the organisation): the seats go,
 * and so do their places as a member on the register of the bodies' meetings not yet
 * opened (meetings held keep who was there). The one rule for taking someone off a body,
 * whether the clerk does it or the person leaves the organisation. Returns the ended
 * seats' body ids.
 */
export async function endSeats(db: Database, organisationId: string, userId: string, onlyBodyId?: string) {
  const bodiesOfOrganisation = db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.organisationId, organisationId), onlyBodyId ? eq(bodies.id, onlyBodyId) : undefined));
  const ended = await db
    .delete(bodyMembers)
    .where(and(eq(bodyMembers.userId, userId), inArray(bodyMembers.bodyId, bodiesOfOrganisation)))
    .returning({ bodyId: bodyMembers.bodyId });
  if (ended.length === 0) return [];
  const upcoming = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        inArray(
          meetings.bodyId,
          ended.map((s) => s.bodyId),
        ),
        inArray(meetings.status, [...BEFORE_OPENING_STATUSES]),
      ),
    );
  await db
    .delete(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.userId, userId),
        eq(meetingAttendance.capacity, "member"),
        inArray(meetingAttendance.meetingId, upcoming),
      ),
    );
  return ended.map((s) => s.bodyId);
}

/**
 * What leaving the organisation ends for a person who stays in others: their seats on its
 * committees (endSeats: a seat of someone no longer there would still count towards the
 * number expected and the quorum) and their current entries in its register of interests
 * (kept, marked removed, as a member's own removal is). Returns the committees' names and
 * how many entries were closed, for the audit.
 */
export async function releaseMemberFromOrganisation(db: Database, organisationId: string, userId: string, at: Date) {
  const endedBodyIds = await endSeats(db, organisationId, userId);
  const seatBodies = endedBodyIds.length
    ? await db
        .select({ name: bodies.name })
        .from(bodies)
        .where(and(eq(bodies.organisationId, organisationId), inArray(bodies.id, endedBodyIds)))
        .orderBy(asc(bodies.name))
    : [];
  const interests = await db
    .update(registeredInterests)
    .set({ removedAt: at })
    .where(
      and(
        eq(registeredInterests.organisationId, organisationId),
        eq(registeredInterests.userId, userId),
        isNull(registeredInterests.removedAt),
      ),
    )
    .returning({ id: registeredInterests.id });
  return { seats: seatBodies.map((b) => b.name), interestsClosed: interests.length };
}
