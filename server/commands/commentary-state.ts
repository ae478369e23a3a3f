import { and, eq } from "drizzle-orm";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { carriedOpenActionCount, commentaryGaps, readActions, type Gap } from "../../app/shared/commentary/commentary-content";
import { listOpenCommentaryActions } from "../../db/queries/actions";
import { isPeriod } from "../../app/shared/performance/periods";
import type { Database } from "../../db/client";
import { exceptionCommentaries, type ExceptionCommentaryRow } from "../../db/schema/commentaries";
import { memberships } from "../../db/schema/identity";
import { indicators } from "../../db/schema/performance";
import { recordAudit, type Actor } from "../audit";
import { commentaryFingerprint, loadCommentaryDoc } from "../commentary/render-commentary";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { indicatorSnapshots } from "../meetings/indicator-snapshot";
import { enterCommentaryActions } from "./commentary-actions";
import { CommandError } from "./errors";

/** Which commentary: an indicator of the organisation, in one reporting period. */
export type CommentaryTarget = { organisationId: string; indicatorId: string; period: string };

/** Marking ready was refused because sections are still to be written. */
export class CommentaryIncompleteError extends CommandError {
  constructor(readonly gaps: Gap[]) {
    super(
      `It cannot go to committee yet: ${gaps.map((g) => g.message.charAt(0).toLowerCase() + g.message.slice(1)).join("; ")}.`,
    );
    this.name = "CommentaryIncompleteError";
  }
}

export type StateChange = { changed: boolean; row: ExceptionCommentaryRow };

async function checkTarget(db: Database, target: CommentaryTarget): Promise<string> {
  if (!isPeriod(target.period)) throw new CommandError("The period must be a month written YYYY-MM");
  const [indicator] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.id, target.indicatorId), eq(indicators.organisationId, target.organisationId)))
    .limit(1);
  if (!indicator) throw new CommandError("There is no such indicator in this organisation");
  const name = exceptionDocumentName(target.indicatorId, target.period);
  if (await createPostgresStorage(db).frozenAt(name)) {
    throw new CommandError("This commentary is in a frozen pack: it can no longer change");
  }
  return name;
}

async function currentRow(db: Database, target: CommentaryTarget) {
  const [row] = await db
    .select()
    .from(exceptionCommentaries)
    .where(and(eq(exceptionCommentaries.indicatorId, target.indicatorId), eq(exceptionCommentaries.period, target.period)))
    .for("update")
    .limit(1);
  return row ?? null;
}

const auditView = (row: ExceptionCommentaryRow | null) =>
  row ? { state: row.state, readyBy: row.readyBy, readyAt: row.readyAt } : null;

/**
 * The indicator's owner (or an admin) signs the commentary off for committee. Refused
 * while a required section is empty (reason, remedial actions with owner and due date,
 * recovery date, forecast), checked on the document as the collab server stored it.
 * A fingerprint of the words is kept, so later edits show as "changed since it was
 * marked ready". Marking again after such edits signs the new words off. Its remedial
 * actions enter the action log (once each; a later marking updates them).
 */
export async function markCommentaryReady(db: Database, target: CommentaryTarget, actor: Actor): Promise<StateChange> {
  const name = await checkTarget(db, target);
  const doc = await loadCommentaryDoc(db, name);
  try {
    const people = new Set(
      (
        await db
          .select({ userId: memberships.userId })
          .from(memberships)
          .where(eq(memberships.organisationId, target.organisationId))
      ).map((m) => m.userId),
    );
    const open = await listOpenCommentaryActions(db, target.organisationId, [target.indicatorId]);
    const gaps = commentaryGaps(
      doc,
      (userId) => people.has(userId),
      carriedOpenActionCount(open, target.indicatorId, target.period),
    );
    if (gaps.length > 0) throw new CommentaryIncompleteError(gaps);
    const fingerprint = commentaryFingerprint(doc);
    const snapshots = await indicatorSnapshots(db, target.organisationId, [target.indicatorId], target.period);
    return await db.transaction(async (tx) => {
      const before = await currentRow(tx, target);
      if (before?.state === "ready" && before.readyFingerprint === fingerprint) {
        return { changed: false, row: before };
      }
      const now = new Date();
      const values = {
        state: "ready" as const,
        readyBy: actor.userId,
        readyAt: now,
        readyFingerprint: fingerprint,
        updatedBy: actor.userId,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(exceptionCommentaries)
        .values({ ...target, ...values })
        .onConflictDoUpdate({ target: [exceptionCommentaries.indicatorId, exceptionCommentaries.period], set: values })
        .returning();
      await recordAudit(tx, {
        organisationId: target.organisationId,
        actor,
        action: "commentary.ready",
        subjectType: "exception_commentary",
        subjectId: name,
        before: auditView(before),
        after: auditView(row),
      });
      // Its remedial actions go to the action log, once each (ADR 022).
      await enterCommentaryActions(
        tx,
        { ...target, actions: readActions(doc), snapshot: snapshots.get(target.indicatorId) },
        actor,
      );
      return { changed: true, row };
    });
  } finally {
    doc.destroy();
  }
}

/** Takes a commentary back from committee to draft, for more work. Nothing happens to one already in draft. */
export async function moveCommentaryToDraft(db: Database, target: CommentaryTarget, actor: Actor): Promise<StateChange> {
  const name = await checkTarget(db, target);
  return db.transaction(async (tx) => {
    const before = await currentRow(tx, target);
    if (!before || before.state === "draft") {
      if (!before) throw new CommandError("This commentary has not been marked ready");
      return { changed: false, row: before };
    }
    const now = new Date();
    const values = {
      state: "draft" as const,
      readyBy: null,
      readyAt: null,
      readyFingerprint: null,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    const [row] = await tx.update(exceptionCommentaries).set(values).where(eq(exceptionCommentaries.id, before.id)).returning();
    await recordAudit(tx, {
      organisationId: target.organisationId,
      actor,
      action: "commentary.draft",
      subjectType: "exception_commentary",
      subjectId: name,
      before: auditView(before),
      after: auditView(row),
    });
    return { changed: true, row };
  });
}

/**
 * Notes who last changed the words, and when: the editor page reports a person's edits
 * (at most every few seconds), so the exceptions list can say who is writing. The
 * collab server's own log of updates is folded into a snapshot when a document closes,
 * so it cannot answer that after the fact.
 */
export async function recordCommentaryEdit(
  db: Database,
  target: CommentaryTarget,
  actor: Actor & { userId: string },
  at = new Date(),
): Promise<void> {
  await checkTarget(db, target);
  await db
    .insert(exceptionCommentaries)
    .values({ ...target, lastEditedBy: actor.userId, lastEditedAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: [exceptionCommentaries.indicatorId, exceptionCommentaries.period],
      set: { lastEditedBy: actor.userId, lastEditedAt: at, updatedAt: at },
    });
}
