import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { reportingTimetables } from "../../db/schema/reporting-months";
import { DEFAULT_TIMETABLE, reportingTimetableSchema } from "../../app/shared/performance/reporting-timetable";
import { recordAudit, type Actor } from "../audit";

/**
 * Sets an organisation's reporting timetable (figures and commentaries due by working
 * days of the next month); the old and new days go into the audit log.
 */
export async function setReportingTimetable(
  db: Database,
  input: { organisationId: string; figuresWorkingDay: unknown; commentariesWorkingDay: unknown },
  actor: Actor,
) {
  const timetable = reportingTimetableSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        figuresWorkingDay: reportingTimetables.figuresWorkingDay,
        commentariesWorkingDay: reportingTimetables.commentariesWorkingDay,
      })
      .from(reportingTimetables)
      .where(eq(reportingTimetables.organisationId, input.organisationId))
      .limit(1);
    const values = { ...timetable, updatedAt: new Date(), updatedBy: actor.userId };
    await tx
      .insert(reportingTimetables)
      .values({ organisationId: input.organisationId, ...values })
      .onConflictDoUpdate({ target: reportingTimetables.organisationId, set: values });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "reporting_timetable.set",
      subjectType: "organisation",
      subjectId: input.organisationId,
      // With no row the default timetable applied: the log says so rather than "nothing".
      before: before ?? { ...DEFAULT_TIMETABLE, isDefault: true },
      after: timetable,
    });
    return timetable;
  });
}
