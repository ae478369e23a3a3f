import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberIdsByEmail } from "../../db/queries/performance-library";
import { indicators, themes } from "../../db/schema/performance";
import {
  objectiveIndicators,
  objectives,
  planActionIndicators,
  planActionObjectives,
  planActions,
  planMilestones,
  plans,
} from "../../db/schema/plans";
import type { Counts, Writer } from "./import-committer";

/*
 * Writing the golden thread's imports (ADR 021): objectives, plans, plan actions and
 * milestones, each matched by code (a milestone by its name within its action), created
 * or updated, in the import's one transaction. The rows were checked against the
 * organisation's library before the transaction; the lookups here are scoped to the
 * organisation again, so a code never reaches another organisation's row.
 */

const newCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });
const differs = (current: Record<string, unknown>, next: Record<string, unknown>) =>
  Object.entries(next).some(([key, value]) => current[key] !== value);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

async function idsByCode(tx: Database, table: typeof indicators | typeof objectives | typeof plans, organisationId: string) {
  const rows = await tx.select({ id: table.id, code: table.code }).from(table).where(eq(table.organisationId, organisationId));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Replaces the links of one row (objective → indicators, action → objectives or indicators) when they changed. */
async function relink(
  tx: Database,
  links: { current: string[]; next: string[] | undefined },
  replace: (ids: string[]) => Promise<void>,
): Promise<boolean> {
  if (links.next === undefined || sameSet(links.current, links.next)) return false;
  await replace(links.next);
  return true;
}

const writeObjectives: Writer<"objectives"> = async (tx, { organisationId, rows }) => {
  const themeRows = await tx
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(eq(themes.organisationId, organisationId));
  const themeId = new Map(themeRows.map((t) => [t.name, t.id]));
  const people = await memberIdsByEmail(tx, organisationId);
  const indicatorIds = await idsByCode(tx, indicators, organisationId);
  const existing = new Map(
    (await tx.select().from(objectives).where(eq(objectives.organisationId, organisationId))).map((o) => [o.code, o]),
  );
  const links = await tx.select().from(objectiveIndicators).where(eq(objectiveIndicators.organisationId, organisationId));
  const counts = newCounts();
  for (const row of rows) {
    const values = {
      title: row.title,
      themeId: themeId.get(row.theme) ?? null,
      accountableUserId: people.get(row.accountableEmail) ?? null,
      firstYear: row.firstYear,
      lastYear: row.lastYear,
      ...(row.description === undefined ? {} : { description: row.description }),
    };
    let current = existing.get(row.code);
    let changed = false;
    if (!current) {
      [current] = await tx
        .insert(objectives)
        .values({ organisationId, code: row.code, ...values })
        .returning();
      counts.created++;
    } else if (differs(current, values)) {
      await tx.update(objectives).set(values).where(eq(objectives.id, current.id));
      changed = true;
    }
    const objectiveId = current!.id;
    const relinked = await relink(
      tx,
      {
        current: links.filter((l) => l.objectiveId === objectiveId).map((l) => l.indicatorId),
        next: row.indicators?.map((code) => indicatorIds.get(code)!),
      },
      async (ids) => {
        await tx.delete(objectiveIndicators).where(eq(objectiveIndicators.objectiveId, objectiveId));
        if (ids.length)
          await tx.insert(objectiveIndicators).values(ids.map((indicatorId) => ({ organisationId, objectiveId, indicatorId })));
      },
    );
    if (existing.has(row.code)) counts[changed || relinked ? "updated" : "unchanged"]++;
  }
  return { counts, changedCodes: [], changedPeriods: [] };
};

const writePlans: Writer<"plans"> = async (tx, { organisationId, rows }) => {
  const people = await memberIdsByEmail(tx, organisationId);
  const existing = new Map(
    (await tx.select().from(plans).where(eq(plans.organisationId, organisationId))).map((p) => [p.code, p]),
  );
  const counts = newCounts();
  for (const row of rows) {
    const values = {
      title: row.title,
      kind: row.kind,
      serviceArea: row.serviceArea,
      ownerUserId: people.get(row.ownerEmail) ?? null,
      year: row.year,
    };
    const current = existing.get(row.code);
    if (!current) {
      await tx.insert(plans).values({ organisationId, code: row.code, ...values });
      counts.created++;
    } else if (differs(current, values)) {
      await tx.update(plans).set(values).where(eq(plans.id, current.id));
      counts.updated++;
    } else counts.unchanged++;
  }
  return { counts, changedCodes: [], changedPeriods: [] };
};

const writePlanActions: Writer<"plan-actions"> = async (tx, { organisationId, rows }) => {
  const people = await memberIdsByEmail(tx, organisationId);
  const planIds = await idsByCode(tx, plans, organisationId);
  const objectiveIds = await idsByCode(tx, objectives, organisationId);
  const indicatorIds = await idsByCode(tx, indicators, organisationId);
  const existing = new Map(
    (await tx.select().from(planActions).where(eq(planActions.organisationId, organisationId))).map((a) => [
      `${a.planId} ${a.code}`,
      a,
    ]),
  );
  const objectiveLinks = await tx
    .select()
    .from(planActionObjectives)
    .where(eq(planActionObjectives.organisationId, organisationId));
  const indicatorLinks = await tx
    .select()
    .from(planActionIndicators)
    .where(eq(planActionIndicators.organisationId, organisationId));
  const counts = newCounts();
  for (const [position, row] of rows.entries()) {
    const planId = planIds.get(row.plan)!;
    const values = {
      title: row.title,
      ownerUserId: people.get(row.ownerEmail) ?? null,
      startDate: row.startDate,
      dueDate: row.dueDate,
      ...(row.status === undefined ? {} : { status: row.status }),
    };
    const known = existing.get(`${planId} ${row.code}`);
    let current = known;
    let changed = false;
    if (!current) {
      [current] = await tx
        .insert(planActions)
        .values({ organisationId, planId, code: row.code, position, ...values })
        .returning();
      counts.created++;
    } else if (differs(current, values)) {
      await tx.update(planActions).set(values).where(eq(planActions.id, current.id));
      changed = true;
    }
    const actionId = current!.id;
    const objectivesRelinked = await relink(
      tx,
      {
        current: objectiveLinks.filter((l) => l.actionId === actionId).map((l) => l.objectiveId),
        next: row.objectives?.map((code) => objectiveIds.get(code)!),
      },
      async (ids) => {
        await tx.delete(planActionObjectives).where(eq(planActionObjectives.actionId, actionId));
        if (ids.length)
          await tx.insert(planActionObjectives).values(ids.map((objectiveId) => ({ organisationId, actionId, objectiveId })));
      },
    );
    const indicatorsRelinked = await relink(
      tx,
      {
        current: indicatorLinks.filter((l) => l.actionId === actionId).map((l) => l.indicatorId),
        next: row.indicators?.map((code) => indicatorIds.get(code)!),
      },
      async (ids) => {
        await tx.delete(planActionIndicators).where(eq(planActionIndicators.actionId, actionId));
        if (ids.length)
          await tx.insert(planActionIndicators).values(ids.map((indicatorId) => ({ organisationId, actionId, indicatorId })));
      },
    );
    if (known) counts[changed || objectivesRelinked || indicatorsRelinked ? "updated" : "unchanged"]++;
  }
  return { counts, changedCodes: [], changedPeriods: [] };
};

const writeMilestones: Writer<"milestones"> = async (tx, { organisationId, rows }) => {
  const actionRows = await tx
    .select({ id: planActions.id, code: planActions.code, plan: plans.code })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .where(eq(planActions.organisationId, organisationId));
  const actionId = new Map(actionRows.map((a) => [`${a.plan}\u0000${a.code}`, a.id]));
  const ids = [...new Set(rows.map((r) => actionId.get(`${r.plan}\u0000${r.action}`)!))];
  const existing = new Map(
    (
      await tx
        .select()
        .from(planMilestones)
        .where(and(eq(planMilestones.organisationId, organisationId), inArray(planMilestones.actionId, ids)))
    ).map((m) => [`${m.actionId}\u0000${m.title}`, m]),
  );
  const counts = newCounts();
  for (const [position, row] of rows.entries()) {
    const id = actionId.get(`${row.plan}\u0000${row.action}`)!;
    const values = { dueDate: row.dueDate, ...(row.completedOn === undefined ? {} : { completedOn: row.completedOn }) };
    const current = existing.get(`${id}\u0000${row.milestone}`);
    if (!current) {
      await tx.insert(planMilestones).values({ organisationId, actionId: id, title: row.milestone, position, ...values });
      counts.created++;
    } else if (differs(current, values)) {
      await tx.update(planMilestones).set(values).where(eq(planMilestones.id, current.id));
      counts.updated++;
    } else counts.unchanged++;
  }
  return { counts, changedCodes: [], changedPeriods: [] };
};

export const threadWriters = {
  objectives: writeObjectives,
  plans: writePlans,
  "plan-actions": writePlanActions,
  milestones: writeMilestones,
};
