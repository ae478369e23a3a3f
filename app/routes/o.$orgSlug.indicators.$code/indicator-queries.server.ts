// Queries the indicator page needs besides the shared scorecard series: the indicator's
// own fields (which the series leaves out), figures with their status and ids (to verify
// and to correct them), and the revisions kept for the audit trail. The loader and the
// action both read through here, so every query is scoped to the organisation in the URL.
import { and, desc, eq, isNull, max, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../../db/client";
import { users } from "../../../db/schema/identity";
import { actualRevisions, actuals, areas, indicators, targetRevisions } from "../../../db/schema/performance";

/** The page lists at most this many of each, newest first; the tables' captions say so. */
export const UNVERIFIED_LIMIT = 50;
export const REVISIONS_LIMIT = 20;

export async function findIndicator(db: Database, organisationId: string, code: string | undefined) {
  if (!code) return null;
  const [row] = await db
    .select({
      id: indicators.id,
      organisationId: indicators.organisationId,
      code: indicators.code,
      unit: indicators.unit,
      decimals: indicators.decimals,
      definition: indicators.definition,
      dataSource: indicators.dataSource,
      ownerUserId: indicators.ownerUserId,
      managerUserId: indicators.managerUserId,
    })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, code)))
    .limit(1);
  return row ?? null;
}

/** The period of the indicator's newest figure, or null when none has been entered or imported. */
export async function latestFigurePeriod(db: Database, organisationId: string, indicatorId: string) {
  const [row] = await db
    .select({ period: max(actuals.period) })
    .from(actuals)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.indicatorId, indicatorId)));
  return row?.period ?? null;
}

// Who entered a figure joins the users table under a name of its own, so that it cannot
// be confused with any other join of the users table in the same query.
const enteredByUsers = alias(users, "entered_by_users");

/** A figure with its area's name and who entered it, as the page shows it. */
function figureQuery(db: Database) {
  return db
    .select({
      id: actuals.id,
      period: actuals.period,
      areaId: actuals.areaId,
      areaName: areas.name,
      value: actuals.value,
      numerator: actuals.numerator,
      denominator: actuals.denominator,
      status: actuals.status,
      note: actuals.note,
      unaudited: actuals.unaudited,
      enteredAt: actuals.enteredAt,
      enteredBy: enteredByUsers.name,
    })
    .from(actuals)
    .leftJoin(areas, eq(actuals.areaId, areas.id))
    .leftJoin(enteredByUsers, eq(actuals.enteredBy, enteredByUsers.id));
}

/** The figure for one period and area; an areaId of null is the whole-organisation figure. */
export async function findFigure(
  db: Database,
  q: { organisationId: string; indicatorId: string; period: string; areaId: string | null },
) {
  const [row] = await figureQuery(db)
    .where(
      and(
        eq(actuals.organisationId, q.organisationId),
        eq(actuals.indicatorId, q.indicatorId),
        eq(actuals.period, q.period),
        q.areaId === null ? isNull(actuals.areaId) : eq(actuals.areaId, q.areaId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A figure by its id, but only if it belongs to this organisation and indicator: the id comes from a form. */
export async function findFigureById(db: Database, q: { organisationId: string; indicatorId: string; actualId: string }) {
  const [row] = await figureQuery(db)
    .where(and(eq(actuals.id, q.actualId), eq(actuals.organisationId, q.organisationId), eq(actuals.indicatorId, q.indicatorId)))
    .limit(1);
  return row ?? null;
}

export async function listUnverifiedFigures(db: Database, organisationId: string, indicatorId: string) {
  return figureQuery(db)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.indicatorId, indicatorId), ne(actuals.status, "verified")))
    .orderBy(desc(actuals.period), areas.name)
    .limit(UNVERIFIED_LIMIT);
}

export async function listRevisions(db: Database, organisationId: string, indicatorId: string) {
  return db
    .select({
      id: actualRevisions.id,
      period: actualRevisions.period,
      areaName: areas.name,
      before: actualRevisions.before,
      after: actualRevisions.after,
      reason: actualRevisions.reason,
      changedByName: users.name,
      changedByLabel: actualRevisions.changedByLabel,
      changedAt: actualRevisions.changedAt,
    })
    .from(actualRevisions)
    .leftJoin(areas, eq(actualRevisions.areaId, areas.id))
    .leftJoin(users, eq(actualRevisions.changedBy, users.id))
    .where(and(eq(actualRevisions.organisationId, organisationId), eq(actualRevisions.indicatorId, indicatorId)))
    .orderBy(desc(actualRevisions.changedAt), desc(actualRevisions.id))
    .limit(REVISIONS_LIMIT);
}

/** The changes to the indicator's targets, newest first: who, when, old, new and why. */
export async function listTargetRevisions(db: Database, organisationId: string, indicatorId: string) {
  return db
    .select({
      id: targetRevisions.id,
      year: targetRevisions.year,
      areaName: targetRevisions.areaName,
      before: targetRevisions.before,
      after: targetRevisions.after,
      reason: targetRevisions.reason,
      changedByName: users.name,
      changedByLabel: targetRevisions.changedByLabel,
      changedAt: targetRevisions.changedAt,
    })
    .from(targetRevisions)
    .leftJoin(users, eq(targetRevisions.changedBy, users.id))
    .where(and(eq(targetRevisions.organisationId, organisationId), eq(targetRevisions.indicatorId, indicatorId)))
    .orderBy(desc(targetRevisions.changedAt), desc(targetRevisions.id))
    .limit(REVISIONS_LIMIT);
}
