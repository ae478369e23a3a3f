import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findUserCredentials } from "../../db/queries/users";
import { users } from "../../db/schema/identity";
import { recordAudit } from "../audit";
import { hashPassword, passwordSchema, verifyPassword } from "../auth/passwords";
import { deleteOtherSessionsOfUser } from "../auth/sessions";
import { CommandError } from "./errors";

export const CURRENT_PASSWORD_WRONG = "Your current password is not right";

/**
 * The signed-in person changes their own password, proving the current one. Their other
 * sessions end (a thief's with them); the session they are using stays.
 */
export async function changePassword(
  db: Database,
  input: { userId: string; current: string; password: string; keepSessionToken: string | null },
): Promise<void> {
  const password = passwordSchema.parse(input.password);
  const user = await findUserCredentials(db, input.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new CommandError(CURRENT_PASSWORD_WRONG, "current");
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await deleteOtherSessionsOfUser(tx, user.id, input.keepSessionToken);
    await recordAudit(tx, {
      organisationId: null,
      actor: { userId: user.id, label: user.email },
      action: "user.change_password",
      subjectType: "user",
      subjectId: user.id,
    });
  });
}
