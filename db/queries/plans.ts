import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { ActionForProgress } from "../../app/shared/plans/quarter-progress";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { actuals, indicators, themes } from "../schema/performance";
import {
  improvements,
  objectiveIndicators,
  objectives,
  planActionIndicators,
  planActionObjectives,
  planActions,
  planMilestones,
  planProgressNotes,
  plans,
} from "../schema/plans";

/*
 * Reads of the golden thread (ADR 021). Every function takes the organisation and
 * filters by it, so an id of another organisation finds nothing. Statuses are not
 * computed here: the rows are shaped for the pure rules of app/shared/plans.
 */

const owner = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${planActions.ownerUserId})`;

/**
 * Plan actions with their plan, milestones and progress notes, as the quarter-progress
 * rule takes them. `where` narrows to a plan, some actions, or (undefined) every action.
 */
export async function loadActionsForProgress(
  db: Database,
  organisationId: string,
  where: { planId?: string; actionIds?: string[] } = {},
): Promise<ActionForProgress[]> {
  if (where.actionIds && where.actionIds.length === 0) return [];
  const rows = await db
    .select({
      id: planActions.id,
      planId: plans.id,
      planCode: plans.code,
      planTitle: plans.title,
      code: planActions.code,
      title: planActions.title,
      ownerName: owner,
      status: planActions.status,
      dueDate: planActions.dueDate,
    })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .where(
      and(
        eq(planActions.organisationId, organisationId),
        where.planId ? eq(planActions.planId, where.planId) : undefined,
        where.actionIds ? inArray(planActions.id, where.actionIds) : undefined,
      ),
    )
    .orderBy(asc(plans.code), asc(planActions.position), asc(planActions.code));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [milestones, notes] = await Promise.all([
    db
      .select()
      .from(planMilestones)
      .where(and(eq(planMilestones.organisationId, organisationId), inArray(planMilestones.actionId, ids)))
      .orderBy(asc(planMilestones.dueDate), asc(planMilestones.position)),
    db
      .select({
        id: planProgressNotes.id,
        actionId: planProgressNotes.actionId,
        milestoneId: planProgressNotes.milestoneId,
        quarter: planProgressNotes.quarter,
        status: planProgressNotes.status,
        note: planProgressNotes.note,
        expectedDate: planProgressNotes.expectedDate,
        at: planProgressNotes.at,
        userName: users.name,
        userLabel: planProgressNotes.userLabel,
      })
      .from(planProgressNotes)
      .leftJoin(users, eq(users.id, planProgressNotes.userId))
      .where(and(eq(planProgressNotes.organisationId, organisationId), inArray(planProgressNotes.actionId, ids)))
      .orderBy(asc(planProgressNotes.at)),
  ]);
  return rows.map((r) => ({
    ...r,
    milestones: milestones
      .filter((m) => m.actionId === r.id)
      .map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, completedOn: m.completedOn })),
    notes: notes
      .filter((n) => n.actionId === r.id)
      .map((n) => ({
        id: n.id,
        milestoneId: n.milestoneId,
        quarter: n.quarter,
        status: n.status,
        note: n.note,
        expectedDate: n.expectedDate,
        at: n.at.toISOString(),
        by: n.userName ?? n.userLabel,
      })),
  }));
}

/** What each plan action serves: its objectives and indicators, by action id. */
export async function loadActionLinks(db: Database, organisationId: string, actionIds: string[]) {
  if (actionIds.length === 0) return { objectives: [], indicators: [] };
  const [objectiveRows, indicatorRows] = await Promise.all([
    db
      .select({ actionId: planActionObjectives.actionId, id: objectives.id, code: objectives.code, title: objectives.title })
      .from(planActionObjectives)
      .innerJoin(objectives, eq(objectives.id, planActionObjectives.objectiveId))
      .where(and(eq(planActionObjectives.organisationId, organisationId), inArray(planActionObjectives.actionId, actionIds)))
      .orderBy(asc(objectives.code)),
    db
      .select({ actionId: planActionIndicators.actionId, id: indicators.id, code: indicators.code, title: indicators.title })
      .from(planActionIndicators)
      .innerJoin(indicators, eq(indicators.id, planActionIndicators.indicatorId))
      .where(and(eq(planActionIndicators.organisationId, organisationId), inArray(planActionIndicators.actionId, actionIds)))
      .orderBy(asc(indicators.code)),
  ]);
  return { objectives: objectiveRows, indicators: indicatorRows };
}

const objectiveColumns = {
  id: objectives.id,
  code: objectives.code,
  title: objectives.title,
  description: objectives.description,
  themeId: objectives.themeId,
  themeName: themes.name,
  themePosition: themes.position,
  accountableName: users.name,
  firstYear: objectives.firstYear,
  lastYear: objectives.lastYear,
};

/** The business plan: every objective with its theme and accountable person, by theme then code. */
export async function listObjectives(db: Database, organisationId: string) {
  return db
    .select(objectiveColumns)
    .from(objectives)
    .leftJoin(themes, eq(themes.id, objectives.themeId))
    .leftJoin(users, eq(users.id, objectives.accountableUserId))
    .where(eq(objectives.organisationId, organisationId))
    .orderBy(sql`${themes.position} nulls last`, asc(themes.name), asc(objectives.code));
}

export async function findObjective(db: Database, organisationId: string, objectiveId: string) {
  const [row] = await db
    .select(objectiveColumns)
    .from(objectives)
    .leftJoin(themes, eq(themes.id, objectives.themeId))
    .leftJoin(users, eq(users.id, objectives.accountableUserId))
    .where(and(eq(objectives.organisationId, organisationId), eq(objectives.id, objectiveId)))
    .limit(1);
  return row ?? null;
}

/** The indicators that measure each objective (all objectives when `objectiveIds` is undefined). */
export async function listObjectiveIndicators(db: Database, organisationId: string, objectiveIds?: string[]) {
  if (objectiveIds && objectiveIds.length === 0) return [];
  return db
    .select({
      objectiveId: objectiveIndicators.objectiveId,
      id: indicators.id,
      code: indicators.code,
      title: indicators.title,
      polarity: indicators.polarity,
      unit: indicators.unit,
      decimals: indicators.decimals,
    })
    .from(objectiveIndicators)
    .innerJoin(indicators, eq(indicators.id, objectiveIndicators.indicatorId))
    .where(
      and(
        eq(objectiveIndicators.organisationId, organisationId),
        objectiveIds ? inArray(objectiveIndicators.objectiveId, objectiveIds) : undefined,
      ),
    )
    .orderBy(asc(indicators.code));
}

/** Which plan actions serve each objective (all objectives when `objectiveIds` is undefined). */
export async function listObjectiveActionIds(db: Database, organisationId: string, objectiveIds?: string[]) {
  if (objectiveIds && objectiveIds.length === 0) return [];
  return db
    .select({ objectiveId: planActionObjectives.objectiveId, actionId: planActionObjectives.actionId })
    .from(planActionObjectives)
    .where(
      and(
        eq(planActionObjectives.organisationId, organisationId),
        objectiveIds ? inArray(planActionObjectives.objectiveId, objectiveIds) : undefined,
      ),
    );
}

const planColumns = {
  id: plans.id,
  code: plans.code,
  title: plans.title,
  kind: plans.kind,
  serviceArea: plans.serviceArea,
  year: plans.year,
  ownerUserId: plans.ownerUserId,
  ownerName: users.name,
};

export async function listPlans(db: Database, organisationId: string) {
  return db
    .select(planColumns)
    .from(plans)
    .leftJoin(users, eq(users.id, plans.ownerUserId))
    .where(eq(plans.organisationId, organisationId))
    .orderBy(desc(plans.year), asc(plans.code));
}

export async function findPlan(db: Database, organisationId: string, planId: string) {
  const [row] = await db
    .select(planColumns)
    .from(plans)
    .leftJoin(users, eq(users.id, plans.ownerUserId))
    .where(and(eq(plans.organisationId, organisationId), eq(plans.id, planId)))
    .limit(1);
  return row ?? null;
}

/** One action of one plan, both this organisation's. */
export async function findPlanAction(db: Database, organisationId: string, planId: string, actionId: string) {
  const [row] = await db
    .select({
      id: planActions.id,
      organisationId: planActions.organisationId,
      planId: planActions.planId,
      code: planActions.code,
      title: planActions.title,
      ownerUserId: planActions.ownerUserId,
      ownerName: users.name,
      startDate: planActions.startDate,
      dueDate: planActions.dueDate,
      status: planActions.status,
    })
    .from(planActions)
    .leftJoin(users, eq(users.id, planActions.ownerUserId))
    .where(and(eq(planActions.organisationId, organisationId), eq(planActions.planId, planId), eq(planActions.id, actionId)))
    .limit(1);
  return row ?? null;
}

/** A plan action by its codes (the demo and tests find what an import made). */
export async function findPlanActionByCode(db: Database, organisationId: string, planCode: string, actionCode: string) {
  const [row] = await db
    .select({ id: planActions.id, planId: plans.id })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .where(and(eq(planActions.organisationId, organisationId), eq(plans.code, planCode), eq(planActions.code, actionCode)))
    .limit(1);
  return row ?? null;
}

export async function listMilestonesOfAction(db: Database, organisationId: string, actionId: string) {
  return db
    .select({
      id: planMilestones.id,
      title: planMilestones.title,
      dueDate: planMilestones.dueDate,
      completedOn: planMilestones.completedOn,
    })
    .from(planMilestones)
    .where(and(eq(planMilestones.organisationId, organisationId), eq(planMilestones.actionId, actionId)))
    .orderBy(asc(planMilestones.dueDate), asc(planMilestones.position));
}

/** The indicator's side of the thread: the objectives it measures and the plan actions that serve it. */
export async function indicatorThreadIds(db: Database, organisationId: string, indicatorId: string) {
  const [objectiveRows, actionRows] = await Promise.all([
    db
      .select({ id: objectives.id, code: objectives.code, title: objectives.title, themeName: themes.name })
      .from(objectiveIndicators)
      .innerJoin(objectives, eq(objectives.id, objectiveIndicators.objectiveId))
      .leftJoin(themes, eq(themes.id, objectives.themeId))
      .where(and(eq(objectiveIndicators.organisationId, organisationId), eq(objectiveIndicators.indicatorId, indicatorId)))
      .orderBy(asc(objectives.code)),
    db
      .select({ actionId: planActionIndicators.actionId })
      .from(planActionIndicators)
      .where(and(eq(planActionIndicators.organisationId, organisationId), eq(planActionIndicators.indicatorId, indicatorId))),
  ]);
  return { objectives: objectiveRows, actionIds: actionRows.map((a) => a.actionId) };
}

/** One indicator of the organisation by code, with what the movement rule needs. */
export async function findIndicatorRuleByCode(db: Database, organisationId: string, code: string) {
  const [row] = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      title: indicators.title,
      polarity: indicators.polarity,
      unit: indicators.unit,
      decimals: indicators.decimals,
      themeName: themes.name,
    })
    .from(indicators)
    .leftJoin(themes, eq(themes.id, indicators.themeId))
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, code)))
    .limit(1);
  return row ?? null;
}

/**
 * Organisation-wide figures of some indicators, oldest first. `verifiedUpTo` keeps to
 * verified figures up to a published month (what the public may see).
 */
export async function orgWideFigures(
  db: Database,
  organisationId: string,
  indicatorIds: string[],
  options: { verifiedUpTo?: string | null } = {},
) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ indicatorId: actuals.indicatorId, period: actuals.period, value: actuals.value })
    .from(actuals)
    .where(
      and(
        eq(actuals.organisationId, organisationId),
        inArray(actuals.indicatorId, indicatorIds),
        sql`${actuals.areaId} is null`,
        options.verifiedUpTo !== undefined ? eq(actuals.status, "verified") : undefined,
        options.verifiedUpTo ? lte(actuals.period, options.verifiedUpTo) : undefined,
        options.verifiedUpTo === null ? sql`false` : undefined,
      ),
    )
    .orderBy(asc(actuals.period));
}

/** The service improvement log, newest first, with the indicator and plan action each names. */
export async function listImprovements(db: Database, organisationId: string) {
  return db
    .select({
      id: improvements.id,
      title: improvements.title,
      description: improvements.description,
      publicSummary: improvements.publicSummary,
      madeOn: improvements.madeOn,
      evidence: improvements.evidence,
      indicatorId: improvements.indicatorId,
      indicatorCode: indicators.code,
      indicatorTitle: indicators.title,
      polarity: indicators.polarity,
      unit: indicators.unit,
      decimals: indicators.decimals,
      planActionId: improvements.planActionId,
      planActionCode: planActions.code,
      planActionTitle: planActions.title,
      planId: planActions.planId,
    })
    .from(improvements)
    .leftJoin(indicators, eq(indicators.id, improvements.indicatorId))
    .leftJoin(planActions, eq(planActions.id, improvements.planActionId))
    .where(eq(improvements.organisationId, organisationId))
    .orderBy(desc(improvements.madeOn), desc(improvements.createdAt));
}

/** Indicators and plan actions to choose from when logging an improvement. */
export async function improvementChoices(db: Database, organisationId: string) {
  const [indicatorRows, actionRows] = await Promise.all([
    db
      .select({ id: indicators.id, code: indicators.code, title: indicators.title })
      .from(indicators)
      .where(and(eq(indicators.organisationId, organisationId), sql`${indicators.retiredAt} is null`))
      .orderBy(asc(indicators.code)),
    db
      .select({ id: planActions.id, code: planActions.code, title: planActions.title, planCode: plans.code })
      .from(planActions)
      .innerJoin(plans, eq(plans.id, planActions.planId))
      .where(eq(planActions.organisationId, organisationId))
      .orderBy(asc(plans.code), asc(planActions.code)),
  ]);
  return { indicators: indicatorRows, actions: actionRows };
}

/** What the movement rule needs of some indicators of the organisation. */
export async function indicatorRules(db: Database, organisationId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .select({ id: indicators.id, polarity: indicators.polarity, unit: indicators.unit, decimals: indicators.decimals })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), inArray(indicators.id, indicatorIds)));
}

/** The plans of a theme: those with an action serving one of the theme's objectives. */
export async function planIdsOfTheme(db: Database, organisationId: string, themeId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ planId: planActions.planId })
    .from(planActionObjectives)
    .innerJoin(objectives, eq(objectives.id, planActionObjectives.objectiveId))
    .innerJoin(planActions, eq(planActions.id, planActionObjectives.actionId))
    .where(and(eq(planActionObjectives.organisationId, organisationId), eq(objectives.themeId, themeId)));
  return rows.map((r) => r.planId);
}
