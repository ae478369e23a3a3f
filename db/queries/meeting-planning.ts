import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { bodies, bodyMembers, clinicReferrals, meetings } from "../schema/meetings";
import { areas, indicators, themes } from "../schema/performance";
import { plans } from "../schema/plans";

/*
 * Reads for planning meetings: the lists of bodies and meetings, what an agenda item may
 * point at, and the referrals waiting for a clinic. Like db/queries/meetings.ts, every
 * function is scoped to one organisation or one of its bodies.
 */

/** Every body of the organisation with the number of seats filled and its area's name. */
export async function listBodySummaries(db: Database, organisationId: string) {
  return db
    .select({
      id: bodies.id,
      name: bodies.name,
      kind: bodies.kind,
      minutePrefix: bodies.minutePrefix,
      quorumCount: bodies.quorumCount,
      quorumRequiresKind: bodies.quorumRequiresKind,
      areaName: areas.name,
      seats: sql<number>`(select count(*) from ${bodyMembers} where ${bodyMembers.bodyId} = ${bodies.id})`.mapWith(Number),
    })
    .from(bodies)
    .leftJoin(areas, eq(areas.id, bodies.areaId))
    .where(eq(bodies.organisationId, organisationId))
    .orderBy(asc(bodies.name));
}

/** The organisation's meetings, soonest first, with the name of the body that meets. */
export async function listMeetingsOfOrganisation(db: Database, organisationId: string) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      kind: meetings.kind,
      status: meetings.status,
      startsAt: meetings.startsAt,
      place: meetings.place,
      onlineLink: meetings.onlineLink,
      bodyId: meetings.bodyId,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.organisationId, organisationId))
    .orderBy(asc(meetings.startsAt));
}

/** What an agenda item may point at: the organisation's areas, themes and indicators. */
export async function listAgendaChoices(db: Database, organisationId: string) {
  const [areaRows, themeRows, indicatorRows, planRows] = await Promise.all([
    db
      .select({ id: areas.id, name: areas.name })
      .from(areas)
      .where(eq(areas.organisationId, organisationId))
      .orderBy(asc(areas.name)),
    db
      .select({ id: themes.id, name: themes.name })
      .from(themes)
      .where(eq(themes.organisationId, organisationId))
      .orderBy(asc(themes.position), asc(themes.name)),
    db
      .select({ id: indicators.id, code: indicators.code, title: indicators.title, tenantTopTen: indicators.tenantTopTen })
      .from(indicators)
      .where(eq(indicators.organisationId, organisationId))
      .orderBy(asc(indicators.code)),
    db
      .select({ id: plans.id, code: plans.code, title: plans.title })
      .from(plans)
      .where(eq(plans.organisationId, organisationId))
      .orderBy(asc(plans.code)),
  ]);
  return { areas: areaRows, themes: themeRows, indicators: indicatorRows, plans: planRows };
}

/** Referrals to a performance clinic that no meeting of the body has taken up yet, oldest first. */
export async function listPendingReferrals(db: Database, bodyId: string) {
  return db
    .select({
      id: clinicReferrals.id,
      indicatorId: clinicReferrals.indicatorId,
      code: indicators.code,
      title: indicators.title,
      ownerName: users.name,
    })
    .from(clinicReferrals)
    .innerJoin(indicators, eq(indicators.id, clinicReferrals.indicatorId))
    .leftJoin(users, eq(users.id, indicators.ownerUserId))
    .where(and(eq(clinicReferrals.bodyId, bodyId), isNull(clinicReferrals.placedOnMeetingId)))
    .orderBy(asc(clinicReferrals.createdAt));
}
