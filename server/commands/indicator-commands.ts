import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  indicatorDetailsSchema,
  indicatorSchema,
  themeNameSchema,
  type IndicatorDetails,
} from "../../app/shared/performance/indicator-schema";
import type { Submitted } from "../../app/shared/meetings/form-values";
import type { Database } from "../../db/client";
import { memberships } from "../../db/schema/identity";
import { indicators, themes } from "../../db/schema/performance";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

/*
 * The indicator library as the performance team keeps it on the Indicators page. An
 * indicator is never deleted: retiring it keeps its figures, targets and actions, takes
 * it off the scorecard, the exceptions and the public pages, and keeps its code, which
 * is never given to another indicator.
 */

type Scope = { organisationId: string };

/** The theme and people an indicator names must be the organisation's own. */
async function checkReferences(tx: Database, organisationId: string, details: IndicatorDetails) {
  const [theme] = await tx
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.id, details.themeId), eq(themes.organisationId, organisationId)))
    .limit(1);
  if (!theme) throw new CommandError("Choose one of the organisation's themes", "themeId");
  const people = [details.ownerUserId, details.managerUserId].filter((id): id is string => id !== null);
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, people)));
  const known = new Set(members.map((m) => m.userId));
  if (!known.has(details.ownerUserId)) throw new CommandError("Choose a member of the organisation as the owner", "ownerUserId");
  if (details.managerUserId && !known.has(details.managerUserId))
    throw new CommandError("Choose a member of the organisation as the manager, or nobody", "managerUserId");
}

const columnsOf = (details: IndicatorDetails) => ({
  title: details.title,
  definition: details.definition,
  dataSource: details.dataSource,
  category: details.category,
  themeId: details.themeId,
  unit: details.unit,
  polarity: details.polarity,
  frequency: details.frequency,
  aggregation: details.aggregation,
  decimals: details.decimals,
  statusBasis: details.statusBasis,
  tenantTopTen: details.tenantTopTen,
  byArea: details.byArea,
  ownerUserId: details.ownerUserId,
  managerUserId: details.managerUserId,
});

export async function createIndicator(db: Database, input: Scope & Submitted<typeof indicatorSchema>, actor: Actor) {
  const fields = indicatorSchema.parse(input);
  return db.transaction(async (tx) => {
    // Codes differing only in capitals would be read as one; a retired indicator keeps its code for good.
    const [taken] = await tx
      .select({ code: indicators.code, retiredAt: indicators.retiredAt })
      .from(indicators)
      .where(
        and(eq(indicators.organisationId, input.organisationId), sql`lower(${indicators.code}) = ${fields.code.toLowerCase()}`),
      )
      .limit(1);
    if (taken?.retiredAt)
      throw new CommandError(`${taken.code} belonged to an indicator that was retired: a code is never reused`, "code");
    if (taken) throw new CommandError(`There is already an indicator ${taken.code}`, "code");
    await checkReferences(tx, input.organisationId, fields);
    const [indicator] = await tx
      .insert(indicators)
      .values({ organisationId: input.organisationId, code: fields.code, ...columnsOf(fields) })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "indicator.create",
      subjectType: "indicator",
      subjectId: indicator.id,
      after: fields,
    });
    return indicator;
  });
}

async function findIndicator(tx: Database, organisationId: string, indicatorId: string) {
  const [row] = await tx
    .select()
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.organisationId, organisationId)))
    .limit(1);
  if (!row) throw new CommandError("That indicator no longer exists");
  return row;
}

/** Changes everything but the code; an id of another organisation finds nothing. */
export async function updateIndicator(
  db: Database,
  input: Scope & { indicatorId: string } & Submitted<typeof indicatorDetailsSchema>,
  actor: Actor,
) {
  const details = indicatorDetailsSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await findIndicator(tx, input.organisationId, input.indicatorId);
    await checkReferences(tx, input.organisationId, details);
    const after = columnsOf(details);
    await tx
      .update(indicators)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(indicators.id, before.id));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "indicator.update",
      subjectType: "indicator",
      subjectId: before.id,
      before: Object.fromEntries(Object.keys(after).map((key) => [key, before[key as keyof typeof before]])),
      after,
    });
    return { ...before, ...after };
  });
}

/** Retires (or, with `retired: false`, reinstates) an indicator; doing it twice changes nothing. */
export async function setIndicatorRetired(db: Database, input: Scope & { indicatorId: string; retired: boolean }, actor: Actor) {
  return db.transaction(async (tx) => {
    const before = await findIndicator(tx, input.organisationId, input.indicatorId);
    if (Boolean(before.retiredAt) === input.retired) return before;
    const retiredAt = input.retired ? new Date() : null;
    await tx.update(indicators).set({ retiredAt, updatedAt: new Date() }).where(eq(indicators.id, before.id));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: input.retired ? "indicator.retire" : "indicator.reinstate",
      subjectType: "indicator",
      subjectId: before.id,
      before: { code: before.code, retiredAt: before.retiredAt },
      after: { code: before.code, retiredAt },
    });
    return { ...before, retiredAt };
  });
}

async function themeNameTaken(tx: Database, organisationId: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: themes.id })
    .from(themes)
    .where(
      and(
        eq(themes.organisationId, organisationId),
        sql`lower(${themes.name}) = ${name.toLowerCase()}`,
        exceptId ? ne(themes.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function orderedThemes(tx: Database, organisationId: string) {
  return tx
    .select({ id: themes.id, name: themes.name, position: themes.position })
    .from(themes)
    .where(eq(themes.organisationId, organisationId))
    .orderBy(asc(themes.position), asc(themes.name));
}

/** A new theme goes last on the scorecard. */
export async function createTheme(db: Database, input: Scope & { name: unknown }, actor: Actor) {
  const name = themeNameSchema.parse(input.name);
  return db.transaction(async (tx) => {
    if (await themeNameTaken(tx, input.organisationId, name))
      throw new CommandError(`There is already a theme called ${name}`, "name");
    const existing = await orderedThemes(tx, input.organisationId);
    const position = existing.reduce((last, t) => Math.max(last, t.position + 1), 0);
    const [theme] = await tx.insert(themes).values({ organisationId: input.organisationId, name, position }).returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "theme.create",
      subjectType: "theme",
      subjectId: theme.id,
      after: { name, position },
    });
    return theme;
  });
}

/** Renaming keeps every indicator under the theme (they refer to it by id). */
export async function renameTheme(db: Database, input: Scope & { themeId: string; name: unknown }, actor: Actor) {
  const name = themeNameSchema.parse(input.name);
  return db.transaction(async (tx) => {
    const [before] = (await orderedThemes(tx, input.organisationId)).filter((t) => t.id === input.themeId);
    if (!before) throw new CommandError("That theme no longer exists");
    if (await themeNameTaken(tx, input.organisationId, name, before.id))
      throw new CommandError(`There is already a theme called ${name}`, "name");
    await tx.update(themes).set({ name }).where(eq(themes.id, before.id));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "theme.rename",
      subjectType: "theme",
      subjectId: before.id,
      before: { name: before.name },
      after: { name },
    });
  });
}

/**
 * Moves a theme one place up or down the scorecard. Every theme is renumbered 0, 1, 2 ...
 * in the new order, so that themes imported with equal positions get a definite one.
 */
export async function moveTheme(db: Database, input: Scope & { themeId: string; direction: "up" | "down" }, actor: Actor) {
  return db.transaction(async (tx) => {
    const ordered = await orderedThemes(tx, input.organisationId);
    const from = ordered.findIndex((t) => t.id === input.themeId);
    if (from < 0) throw new CommandError("That theme no longer exists");
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ordered.length) return;
    const [moved] = ordered.splice(from, 1);
    ordered.splice(to, 0, moved);
    for (const [position, theme] of ordered.entries()) {
      if (theme.position !== position) await tx.update(themes).set({ position }).where(eq(themes.id, theme.id));
    }
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "theme.move",
      subjectType: "theme",
      subjectId: moved.id,
      before: { position: from },
      after: { position: to },
    });
  });
}
