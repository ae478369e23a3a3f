import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { memberships, users } from "../schema/identity";
import { areas, indicators, themes } from "../schema/performance";
import { objectives, planActions, plans } from "../schema/plans";

/** What an import is checked against: the organisation's indicators and areas (server/imports/import-types.ts ImportContext). */
export async function loadImportContext(db: Database, organisationId: string) {
  const [indicatorRows, areaRows] = await Promise.all([
    db
      .select({
        code: indicators.code,
        frequency: indicators.frequency,
        unit: indicators.unit,
        aggregation: indicators.aggregation,
        decimals: indicators.decimals,
      })
      .from(indicators)
      .where(eq(indicators.organisationId, organisationId)),
    listAreas(db, organisationId),
  ]);
  const people = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId));
  const thread = await loadThreadCodes(db, organisationId);
  return {
    thread,
    indicators: new Map(
      indicatorRows.map((i) => [
        i.code,
        { frequency: i.frequency, unit: i.unit, aggregation: i.aggregation, decimals: i.decimals },
      ]),
    ),
    areas: new Set(areaRows.map((a) => a.name)),
    people: new Set(people.map((p) => p.email.toLowerCase())),
  };
}

/** Members of the organisation by address (lower case), for naming indicator owners and managers in an import. */
export async function memberIdsByEmail(db: Database, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

export async function listAreas(db: Database, organisationId: string) {
  return db
    .select({ id: areas.id, name: areas.name, homes: areas.homes })
    .from(areas)
    .where(eq(areas.organisationId, organisationId))
    .orderBy(asc(areas.name));
}

/** A theme's name, within the organisation; null when it is not one of theirs. */
export async function findThemeName(db: Database, organisationId: string, themeId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: themes.name })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.organisationId, organisationId)))
    .limit(1);
  return row?.name ?? null;
}

/** The codes the golden thread's imports refer to (server/imports/import-types.ts ThreadContext). */
async function loadThreadCodes(db: Database, organisationId: string) {
  const [themeRows, objectiveRows, planRows, actionRows] = await Promise.all([
    db.select({ name: themes.name }).from(themes).where(eq(themes.organisationId, organisationId)),
    db.select({ code: objectives.code }).from(objectives).where(eq(objectives.organisationId, organisationId)),
    db.select({ code: plans.code }).from(plans).where(eq(plans.organisationId, organisationId)),
    db
      .select({ plan: plans.code, code: planActions.code })
      .from(planActions)
      .innerJoin(plans, eq(plans.id, planActions.planId))
      .where(eq(planActions.organisationId, organisationId)),
  ]);
  return {
    themes: new Set(themeRows.map((t) => t.name)),
    objectives: new Set(objectiveRows.map((o) => o.code)),
    plans: new Set(planRows.map((p) => p.code)),
    planActions: new Set(actionRows.map((a) => `${a.plan}\u0000${a.code}`)),
  };
}
