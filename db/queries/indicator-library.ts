import { and, asc, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { indicators, themes } from "../schema/performance";

const owners = alias(users, "owners");
const managers = alias(users, "managers");

/**
 * The whole library as the performance team keeps it, retired indicators included: the
 * Indicators page and its CSV export (in the import's columns) both read this.
 */
export async function listIndicatorLibrary(db: Database, organisationId: string) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      title: indicators.title,
      definition: indicators.definition,
      dataSource: indicators.dataSource,
      category: indicators.category,
      themeId: indicators.themeId,
      theme: themes.name,
      unit: indicators.unit,
      polarity: indicators.polarity,
      frequency: indicators.frequency,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      statusBasis: indicators.statusBasis,
      tenantTopTen: indicators.tenantTopTen,
      byArea: indicators.byArea,
      ownerUserId: indicators.ownerUserId,
      ownerName: owners.name,
      ownerEmail: owners.email,
      managerUserId: indicators.managerUserId,
      managerName: managers.name,
      managerEmail: managers.email,
      retiredAt: indicators.retiredAt,
    })
    .from(indicators)
    .leftJoin(themes, eq(themes.id, indicators.themeId))
    .leftJoin(owners, eq(owners.id, indicators.ownerUserId))
    .leftJoin(managers, eq(managers.id, indicators.managerUserId))
    .where(eq(indicators.organisationId, organisationId))
    .orderBy(asc(indicators.code));
}

export type LibraryIndicator = Awaited<ReturnType<typeof listIndicatorLibrary>>[number];

/** One indicator of the organisation by its code (retired or not); null when it is not one of theirs. */
export async function findLibraryIndicator(db: Database, organisationId: string, code: string) {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, code)))
    .limit(1);
  return row ?? null;
}

/** The organisation's themes in scorecard order, with how many indicators hang under each. */
export async function listThemes(db: Database, organisationId: string) {
  const [rows, counts] = await Promise.all([
    db
      .select({ id: themes.id, name: themes.name, position: themes.position })
      .from(themes)
      .where(eq(themes.organisationId, organisationId))
      .orderBy(asc(themes.position), asc(themes.name)),
    db
      .select({ themeId: indicators.themeId, count: count() })
      .from(indicators)
      .where(eq(indicators.organisationId, organisationId))
      .groupBy(indicators.themeId),
  ]);
  const under = new Map(counts.map((c) => [c.themeId, c.count]));
  return rows.map((t) => ({ ...t, indicators: under.get(t.id) ?? 0 }));
}
