import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { organisations } from "../../db/schema/identity";
import type { ExceptionRule } from "../../app/shared/vocabulary";
import { recordAudit, type Actor } from "../audit";

/**
 * Sets what makes an indicator an exception in the organisation (audited). Nothing
 * already written is touched: a commentary of an indicator that stops being an
 * exception is kept, and one that becomes an exception appears as missing.
 */
export async function setExceptionRule(
  db: Database,
  input: { organisationId: string; exceptionRule: ExceptionRule },
  actor: Actor,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ exceptionRule: organisations.exceptionRule })
      .from(organisations)
      .where(eq(organisations.id, input.organisationId))
      .for("update");
    if (!before || before.exceptionRule === input.exceptionRule) return { changed: false };
    await tx.update(organisations).set({ exceptionRule: input.exceptionRule }).where(eq(organisations.id, input.organisationId));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "organisation.set_exception_rule",
      subjectType: "organisation",
      subjectId: input.organisationId,
      before: { exceptionRule: before.exceptionRule },
      after: { exceptionRule: input.exceptionRule },
    });
    return { changed: true };
  });
}
