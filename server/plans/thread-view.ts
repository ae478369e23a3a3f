import { improvementMovement, type ImprovementMovement } from "../../app/shared/plans/improvement-movement";
import {
  countStatuses,
  planActionStatus,
  rollUpStatus,
  statusSummary,
  type ShownActionStatus,
  type StatusCounts,
  type ThreadAction,
} from "../../app/shared/plans/plan-status";
import { slippedMilestones, type ActionForProgress, type SlippedMilestone } from "../../app/shared/plans/quarter-progress";
import type { TargetStatus } from "../../app/shared/performance/status";
import type { Polarity } from "../../app/shared/vocabulary";
import type { Database } from "../../db/client";
import {
  findObjective,
  indicatorThreadIds,
  listImprovements,
  listObjectiveActionIds,
  listObjectiveIndicators,
  listObjectives,
  listPlans,
  loadActionsForProgress,
  orgWideFigures,
} from "../../db/queries/plans";
import { indicatorSnapshots } from "../meetings/indicator-snapshot";

/*
 * The golden thread, both ways (ADR 021): the reads of db/queries/plans put through the
 * pure rules of app/shared/plans, for the pages and the API alike. `today` is the UK day
 * (YYYY-MM-DD) every status is judged on.
 */

export type ThreadIndicator = {
  id: string;
  code: string;
  title: string;
  status: TargetStatus | null;
  valueText: string | null;
  period: string | null;
};

const toThreadAction = (a: ActionForProgress, today: string): ThreadAction => ({
  id: a.id,
  planId: a.planId,
  planCode: a.planCode,
  planTitle: a.planTitle,
  code: a.code,
  title: a.title,
  ownerName: a.ownerName,
  dueDate: a.dueDate,
  status: planActionStatus(a, today),
});

/** Plans of some actions, each with the status of its actions among them. */
function plansOf(actions: readonly ThreadAction[]) {
  const byPlan = new Map<string, { id: string; code: string; title: string; statuses: ShownActionStatus[] }>();
  for (const a of actions) {
    const plan = byPlan.get(a.planId) ?? { id: a.planId, code: a.planCode, title: a.planTitle, statuses: [] };
    plan.statuses.push(a.status);
    byPlan.set(a.planId, plan);
  }
  return [...byPlan.values()].map(({ statuses, ...plan }) => ({
    ...plan,
    status: rollUpStatus(statuses),
    summary: statusSummary(countStatuses(statuses)),
  }));
}

async function indicatorsWithStatus(
  db: Database,
  organisationId: string,
  rows: readonly { id: string; code: string; title: string }[],
): Promise<ThreadIndicator[]> {
  const snapshots = await indicatorSnapshots(
    db,
    organisationId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const s = snapshots.get(r.id);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      status: s?.status ?? null,
      valueText: s?.valueText ?? null,
      period: s?.period ?? null,
    };
  });
}

/** The business plan at a glance: themes, their objectives, each with its actions' statuses and its indicators. */
export async function objectivesOverview(db: Database, organisationId: string, today: string) {
  const [objectiveRows, links, indicatorRows] = await Promise.all([
    listObjectives(db, organisationId),
    listObjectiveActionIds(db, organisationId),
    listObjectiveIndicators(db, organisationId),
  ]);
  const actions = await loadActionsForProgress(db, organisationId, { actionIds: [...new Set(links.map((l) => l.actionId))] });
  const statusOf = new Map(actions.map((a) => [a.id, planActionStatus(a, today)]));
  const themes: { name: string; objectives: ObjectiveSummary[] }[] = [];
  for (const o of objectiveRows) {
    const statuses = links.filter((l) => l.objectiveId === o.id).map((l) => statusOf.get(l.actionId)!);
    const counts = countStatuses(statuses);
    const name = o.themeName ?? "No theme";
    let theme = themes.find((t) => t.name === name);
    if (!theme) themes.push((theme = { name, objectives: [] }));
    theme.objectives.push({
      id: o.id,
      code: o.code,
      title: o.title,
      accountableName: o.accountableName,
      period: periodText(o.firstYear, o.lastYear),
      status: rollUpStatus(statuses),
      counts,
      summary: statusSummary(counts),
      indicatorCodes: indicatorRows.filter((i) => i.objectiveId === o.id).map((i) => i.code),
    });
  }
  return themes;
}

export type ObjectiveSummary = {
  id: string;
  code: string;
  title: string;
  accountableName: string | null;
  period: string;
  status: ShownActionStatus;
  counts: StatusCounts;
  summary: string;
  indicatorCodes: string[];
};

export const periodText = (first: string, last: string) => (first === last ? first : `${first}–${last}`);

/** One objective's thread: its plans, actions and indicators, with their status. Null when not this organisation's. */
export async function objectiveThread(db: Database, organisationId: string, objectiveId: string, today: string) {
  const objective = await findObjective(db, organisationId, objectiveId);
  if (!objective) return null;
  const [links, indicatorRows] = await Promise.all([
    listObjectiveActionIds(db, organisationId, [objective.id]),
    listObjectiveIndicators(db, organisationId, [objective.id]),
  ]);
  const actionRows = await loadActionsForProgress(db, organisationId, { actionIds: links.map((l) => l.actionId) });
  const actions = actionRows.map((a) => toThreadAction(a, today));
  const counts = countStatuses(actions.map((a) => a.status));
  return {
    objective: {
      id: objective.id,
      code: objective.code,
      title: objective.title,
      description: objective.description,
      themeName: objective.themeName,
      accountableName: objective.accountableName,
      period: periodText(objective.firstYear, objective.lastYear),
      status: rollUpStatus(actions.map((a) => a.status)),
      summary: statusSummary(counts),
    },
    plans: plansOf(actions),
    actions,
    indicators: await indicatorsWithStatus(db, organisationId, indicatorRows),
  };
}

/** An indicator's thread: the objectives it measures and the plan actions that serve it. */
export async function indicatorThread(db: Database, organisationId: string, indicatorId: string, today: string) {
  const ids = await indicatorThreadIds(db, organisationId, indicatorId);
  const actionRows = await loadActionsForProgress(db, organisationId, { actionIds: ids.actionIds });
  const actions = actionRows.map((a) => toThreadAction(a, today));
  return { objectives: ids.objectives, plans: plansOf(actions), actions };
}

/** Every plan with its actions' statuses at a glance. */
export async function plansOverview(db: Database, organisationId: string, today: string) {
  const [planRows, actionRows] = await Promise.all([listPlans(db, organisationId), loadActionsForProgress(db, organisationId)]);
  return planRows.map((p) => {
    const statuses = actionRows.filter((a) => a.planId === p.id).map((a) => planActionStatus(a, today));
    const slipped = actionRows
      .filter((a) => a.planId === p.id)
      .flatMap((a) => a.milestones.filter((m) => m.completedOn === null && m.dueDate < today));
    return {
      ...p,
      status: rollUpStatus(statuses),
      summary: statusSummary(countStatuses(statuses)),
      actionCount: statuses.length,
      slippedCount: slipped.length,
    };
  });
}

/** The milestones that slipped in a quarter, across every plan: a section of the exceptions page. */
export async function slippedMilestonesOfQuarter(
  db: Database,
  organisationId: string,
  quarter: string,
  today: string,
): Promise<SlippedMilestone[]> {
  return slippedMilestones(await loadActionsForProgress(db, organisationId), quarter, today);
}

export type ImprovementView = {
  id: string;
  title: string;
  description: string;
  publicSummary: string;
  madeOn: string;
  evidence: string;
  indicator: { code: string; title: string } | null;
  planAction: { planId: string; id: string; code: string; title: string } | null;
  movement: ImprovementMovement | null;
};

/**
 * The improvement log with each entry's movement from the figures. For the public page,
 * only entries with words for tenants, judged on verified figures up to the last
 * published month (`publishedUpTo`; null when nothing is published).
 */
export async function improvementLog(
  db: Database,
  organisationId: string,
  options: { publicOnly?: boolean; publishedUpTo?: string | null } = {},
): Promise<ImprovementView[]> {
  const rows = (await listImprovements(db, organisationId)).filter((r) => !options.publicOnly || r.publicSummary.trim() !== "");
  const indicatorIds = [...new Set(rows.flatMap((r) => (r.indicatorId ? [r.indicatorId] : [])))];
  const figures = await orgWideFigures(
    db,
    organisationId,
    indicatorIds,
    options.publicOnly ? { verifiedUpTo: options.publishedUpTo ?? null } : {},
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    publicSummary: r.publicSummary,
    madeOn: r.madeOn,
    evidence: r.evidence,
    indicator: r.indicatorCode ? { code: r.indicatorCode, title: r.indicatorTitle ?? "" } : null,
    planAction:
      r.planActionId && r.planId
        ? { planId: r.planId, id: r.planActionId, code: r.planActionCode ?? "", title: r.planActionTitle ?? "" }
        : null,
    movement:
      r.indicatorId && r.polarity
        ? improvementMovement(
            { polarity: r.polarity as Polarity, unit: r.unit ?? "", decimals: r.decimals ?? 0 },
            figures.filter((f) => f.indicatorId === r.indicatorId),
            r.madeOn,
          )
        : null,
  }));
}
