import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { RemedialAction } from "../../app/shared/commentary/commentary-sections";
import { monthLabel } from "../../app/shared/performance/periods";
import type { Database } from "../../db/client";
import { actions, actionUpdates } from "../../db/schema/meetings";
import { recordAudit, type Actor } from "../audit";
import type { IndicatorSnapshot } from "../meetings/indicator-snapshot";

/*
 * The remedial actions of an exception commentary enter the action log when the
 * commentary is marked ready, so they are followed up like any action a meeting agrees.
 * Each enters once, whatever month's commentary carries it: marking ready again after
 * an edit updates its wording, owner and due date (with a note saying so), never adds a
 * second entry. From then on the action log holds its status: progress is reported
 * there, and the next month's commentary shows it from there.
 */

export type CommentaryActionsInput = {
  organisationId: string;
  indicatorId: string;
  /** The month of the commentary being marked ready. */
  period: string;
  actions: RemedialAction[];
  /** How the indicator stood when the actions were raised: "did it work?" later. */
  snapshot: IndicatorSnapshot | undefined;
};

export async function enterCommentaryActions(
  db: Database,
  input: CommentaryActionsInput,
  actor: Actor,
): Promise<{ entered: number; updated: number }> {
  const wanted = input.actions.filter((a) => a.action.trim() && a.ownerId && a.due);
  if (wanted.length === 0) return { entered: 0, updated: 0 };
  const existing = await db
    .select()
    .from(actions)
    .where(
      and(
        eq(actions.organisationId, input.organisationId),
        eq(actions.indicatorId, input.indicatorId),
        isNotNull(actions.raisedInPeriod),
        inArray(
          actions.sourceKey,
          wanted.map((a) => a.id),
        ),
      ),
    );
  const byKey = new Map(existing.map((row) => [row.sourceKey, row]));
  const month = monthLabel(input.period);
  let entered = 0;
  let updated = 0;
  for (const action of wanted) {
    const description = action.action.trim();
    const before = byKey.get(action.id);
    if (!before) {
      const [row] = await db
        .insert(actions)
        .values({
          organisationId: input.organisationId,
          sourceKey: action.id,
          raisedInPeriod: input.period,
          description,
          ownerUserId: action.ownerId,
          dueDate: action.due,
          status: logStatus(action.status),
          completedAt: action.status === "complete" ? new Date() : null,
          indicatorId: input.indicatorId,
          indicatorPeriodWhenAgreed: input.snapshot?.period ?? null,
          indicatorStatusWhenAgreed: input.snapshot?.status ?? null,
          indicatorValueWhenAgreed: input.snapshot?.valueText ?? null,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) continue;
      await db.insert(actionUpdates).values({
        actionId: row.id,
        userId: actor.userId,
        status: row.status,
        note: `Raised in the exception commentary for ${month}`,
      });
      entered++;
      continue;
    }
    const changes = changedFields(before, { description, ownerUserId: action.ownerId, dueDate: action.due });
    if (changes.length === 0) continue;
    await db
      .update(actions)
      .set({ description, ownerUserId: action.ownerId, dueDate: action.due })
      .where(eq(actions.id, before.id));
    await db.insert(actionUpdates).values({
      actionId: before.id,
      userId: actor.userId,
      status: before.status,
      note: `${changes.join(", ")} changed in the exception commentary for ${month}`,
    });
    updated++;
  }
  if (entered + updated > 0) {
    await recordAudit(db, {
      organisationId: input.organisationId,
      actor,
      action: "commentary.actions",
      subjectType: "indicator",
      subjectId: input.indicatorId,
      after: { period: input.period, entered, updated },
    });
  }
  return { entered, updated };
}

/** The log does not store "overdue" (it is an open action past its due date): written as overdue, it is at risk. */
const logStatus = (status: RemedialAction["status"]) => (status === "overdue" ? "at_risk" : status);

function changedFields(
  before: { description: string; ownerUserId: string | null; dueDate: string },
  after: { description: string; ownerUserId: string; dueDate: string },
): string[] {
  const changes: string[] = [];
  if (before.description !== after.description) changes.push("Wording");
  if (before.ownerUserId !== after.ownerUserId) changes.push(changes.length ? "owner" : "Owner");
  if (before.dueDate !== after.dueDate) changes.push(changes.length ? "due date" : "Due date");
  return changes;
}
