import { and, eq } from "drizzle-orm";
import { isIsoDate } from "../../app/shared/dates";
import { ukToday } from "../../app/shared/meetings/action-status";
import { isQuarterKey } from "../../app/shared/plans/quarters";
import type { ActionStatus } from "../../app/shared/vocabulary";
import type { Database } from "../../db/client";
import { planActions, planMilestones, planProgressNotes, type PlanProgressNote } from "../../db/schema/plans";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

/*
 * Quarterly progress on a plan action or one of its milestones (ADR 021): a dated note,
 * append-only, as the action log's are. A note on the action carries its status; a note
 * on a milestone may say it is done (and when), or, for a slipped one, why and when it is
 * now expected: that note is the slip's commentary on the exceptions page.
 */

export const PLAN_NOTE_MAX_LENGTH = 2000;

export type PlanProgressInput = {
  organisationId: string;
  actionId: string;
  /** Null: progress on the action itself. */
  milestoneId: string | null;
  quarter: string;
  note: string;
  /** On the action: the status now (required). */
  status?: ActionStatus;
  /** On a milestone: the day it was done. */
  completedOn?: string | null;
  /** On a milestone not done: when it is now expected. */
  expectedDate?: string | null;
  /** When the note was written; now by default (the demo seeds past quarters). */
  at?: Date;
};

export async function recordPlanProgress(db: Database, input: PlanProgressInput, actor: Actor): Promise<PlanProgressNote> {
  const note = input.note.trim();
  if (!note) throw new CommandError("Write what has happened this quarter", "note");
  if (note.length > PLAN_NOTE_MAX_LENGTH)
    throw new CommandError(`Keep the note to ${PLAN_NOTE_MAX_LENGTH} characters or fewer`, "note");
  if (!isQuarterKey(input.quarter)) throw new CommandError("Choose the quarter the progress is for", "quarter");
  if (input.milestoneId === null && !input.status) throw new CommandError("Choose the action’s status", "status");
  for (const [field, value] of [
    ["completedOn", input.completedOn],
    ["expectedDate", input.expectedDate],
  ] as const) {
    if (value && !isIsoDate(value)) throw new CommandError("Give a real date", field);
  }
  // Done is a fact of the past: a day still to come would show the milestone met before it is.
  if (input.completedOn && input.completedOn > ukToday(input.at ?? new Date()))
    throw new CommandError("The day it was done cannot be later than today", "completedOn");
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(planActions)
      .where(and(eq(planActions.id, input.actionId), eq(planActions.organisationId, input.organisationId)))
      .for("update")
      .limit(1);
    if (!action) throw new CommandError("There is no such plan action in this organisation");
    if (input.milestoneId !== null) {
      const [milestone] = await tx
        .select()
        .from(planMilestones)
        .where(and(eq(planMilestones.id, input.milestoneId), eq(planMilestones.actionId, action.id)))
        .limit(1);
      if (!milestone) throw new CommandError("That milestone is not one of this action’s", "milestoneId");
      if (input.completedOn && input.completedOn !== milestone.completedOn)
        await tx.update(planMilestones).set({ completedOn: input.completedOn }).where(eq(planMilestones.id, milestone.id));
    } else if (input.status && input.status !== action.status) {
      await tx.update(planActions).set({ status: input.status }).where(eq(planActions.id, action.id));
    }
    const [written] = await tx
      .insert(planProgressNotes)
      .values({
        organisationId: input.organisationId,
        actionId: action.id,
        milestoneId: input.milestoneId,
        quarter: input.quarter,
        status: input.milestoneId === null ? input.status! : null,
        note,
        expectedDate: input.milestoneId !== null && !input.completedOn ? (input.expectedDate ?? null) : null,
        userId: actor.userId,
        userLabel: actor.label,
        ...(input.at ? { at: input.at } : {}),
      })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "plan.progress",
      subjectType: "plan_action",
      subjectId: action.id,
      before: { status: action.status },
      after: {
        quarter: input.quarter,
        milestoneId: input.milestoneId,
        status: input.status ?? null,
        completedOn: input.completedOn ?? null,
      },
    });
    return written!;
  });
}
