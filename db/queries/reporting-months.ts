import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { reportingMonths } from "../schema/reporting-months";

/** The latest month the organisation has published, or null when it never has. */
export async function lastPublishedPeriod(db: Database, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ period: reportingMonths.period })
    .from(reportingMonths)
    .where(and(eq(reportingMonths.organisationId, organisationId), eq(reportingMonths.state, "published")))
    .orderBy(desc(reportingMonths.period))
    .limit(1);
  return row?.period ?? null;
}

/** Every reporting month with a row, latest first, with the name of whoever published it. */
export async function listReportingMonths(db: Database, organisationId: string) {
  return db
    .select({
      period: reportingMonths.period,
      state: reportingMonths.state,
      publishedAt: reportingMonths.publishedAt,
      publishedByLabel: reportingMonths.publishedByLabel,
      publishedByName: users.name,
      note: reportingMonths.note,
    })
    .from(reportingMonths)
    .leftJoin(users, eq(reportingMonths.publishedBy, users.id))
    .where(eq(reportingMonths.organisationId, organisationId))
    .orderBy(desc(reportingMonths.period));
}

export async function findReportingMonth(db: Database, organisationId: string, period: string) {
  const [row] = await db
    .select()
    .from(reportingMonths)
    .where(and(eq(reportingMonths.organisationId, organisationId), eq(reportingMonths.period, period)))
    .limit(1);
  return row ?? null;
}
