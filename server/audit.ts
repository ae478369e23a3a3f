import type { Database } from "../db/client";
import { auditLog } from "../db/schema/identity";

export type Actor = { userId: string | null; label: string };

export type AuditEntry = {
  organisationId: string | null;
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends to the audit log; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };
export const operatorActor = (): Actor => ({ userId: null, label: "operator (command line)" });
