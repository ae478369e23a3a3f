import { and, eq } from "drizzle-orm";
import { isIsoDate } from "../../app/shared/dates";
import type { Database } from "../../db/client";
import { indicators } from "../../db/schema/performance";
import { improvements, planActions, type Improvement } from "../../db/schema/plans";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

/*
 * The service improvement log (ADR 021): what changed, when, the evidence, and the
 * indicator expected to move. How far it moved is not stored: it is read from the
 * figures each time (app/shared/plans/improvement-movement.ts).
 */

export const IMPROVEMENT_LIMITS = { title: 300, text: 4000 } as const;

export type ImprovementInput = {
  organisationId: string;
  title: string;
  description: string;
  publicSummary: string;
  madeOn: string;
  evidence: string;
  indicatorId: string | null;
  planActionId: string | null;
};

export async function recordImprovement(db: Database, input: ImprovementInput, actor: Actor): Promise<Improvement> {
  const title = input.title.trim();
  if (!title) throw new CommandError("Say what changed", "title");
  if (title.length > IMPROVEMENT_LIMITS.title)
    throw new CommandError(`Keep what changed to ${IMPROVEMENT_LIMITS.title} characters or fewer`, "title");
  for (const field of ["description", "publicSummary", "evidence"] as const) {
    if (input[field].length > IMPROVEMENT_LIMITS.text)
      throw new CommandError(`Keep it to ${IMPROVEMENT_LIMITS.text} characters or fewer`, field);
  }
  if (!isIsoDate(input.madeOn)) throw new CommandError("Give the date the change was made", "madeOn");
  if (input.indicatorId) {
    const [found] = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.id, input.indicatorId), eq(indicators.organisationId, input.organisationId)))
      .limit(1);
    if (!found) throw new CommandError("The indicator must be one of this organisation’s", "indicatorId");
  }
  if (input.planActionId) {
    const [found] = await db
      .select({ id: planActions.id })
      .from(planActions)
      .where(and(eq(planActions.id, input.planActionId), eq(planActions.organisationId, input.organisationId)))
      .limit(1);
    if (!found) throw new CommandError("The plan action must be one of this organisation’s", "planActionId");
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(improvements)
      .values({
        organisationId: input.organisationId,
        title,
        description: input.description.trim(),
        publicSummary: input.publicSummary.trim(),
        madeOn: input.madeOn,
        evidence: input.evidence.trim(),
        indicatorId: input.indicatorId,
        planActionId: input.planActionId,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "improvement.record",
      subjectType: "improvement",
      subjectId: row!.id,
      after: { title, madeOn: input.madeOn },
    });
    return row!;
  });
}
