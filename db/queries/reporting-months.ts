import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { actuals } from "../schema/performance";
import { reportingMonths, reportingTimetables } from "../schema/reporting-months";
import { DEFAULT_TIMETABLE } from "../../app/shared/performance/reporting-timetable";

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

/** The organisation's reporting timetable, or the default one when no admin has set it yet. */
export async function findReportingTimetable(db: Database, organisationId: string) {
  const [row] = await db
    .select({
      figuresWorkingDay: reportingTimetables.figuresWorkingDay,
      commentariesWorkingDay: reportingTimetables.commentariesWorkingDay,
    })
    .from(reportingTimetables)
    .where(eq(reportingTimetables.organisationId, organisationId))
    .limit(1);
  return row ? { ...row, isDefault: false } : { ...DEFAULT_TIMETABLE, isDefault: true };
}

/** Whether the organisation has any figure (any indicator, any area, any status) for the month. */
export async function hasFigureFor(db: Database, organisationId: string, period: string): Promise<boolean> {
  const [row] = await db
    .select({ id: actuals.id })
    .from(actuals)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.period, period)))
    .limit(1);
  return row !== undefined;
}
