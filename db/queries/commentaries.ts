import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../client";
import { exceptionCommentaries } from "../schema/commentaries";

/** The latest month before `period` for which the indicator's commentary was written, or null. */
export async function findPreviousCommentaryPeriod(
  db: Database,
  organisationId: string,
  indicatorId: string,
  period: string,
): Promise<string | null> {
  const [row] = await db
    .select({ period: exceptionCommentaries.period })
    .from(exceptionCommentaries)
    .where(
      and(
        eq(exceptionCommentaries.organisationId, organisationId),
        eq(exceptionCommentaries.indicatorId, indicatorId),
        lt(exceptionCommentaries.period, period),
      ),
    )
    .orderBy(desc(exceptionCommentaries.period))
    .limit(1);
  return row?.period ?? null;
}
