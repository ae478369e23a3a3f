import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { memberships, users, type Role } from "../../db/schema/identity";
import { recordAudit, type Actor } from "../audit";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { CommandError } from "./errors";

export const emailSchema = z.string().trim().toLowerCase().email({ message: "Enter an email address like name@example.org" });
export const roleSchema = z.enum(["admin", "officer", "member", "viewer"], {
  message: "Choose a role: admin, officer, member or viewer",
});

/**
 * Adds a person to an organisation with a role, creating their account when the
 * address is new. With a password the account is ready; without one it waits for
 * an invitation to be accepted.
 */
export async function addMember(
  db: Database,
  input: { organisationId: string; email: string; name?: string; role: Role; password?: string },
  actor: Actor,
) {
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const passwordHash = input.password ? await hashPassword(passwordSchema.parse(input.password)) : null;
  return db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, email);
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email, name: input.name?.trim() || email.split("@")[0], passwordHash })
        .returning();
    } else if (passwordHash && !user.passwordHash) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    }
    const inserted = await tx
      .insert(memberships)
      .values({ organisationId: input.organisationId, userId: user.id, role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      throw new CommandError(`${email} is already a member of this organisation`, "email");
    }
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "membership.create",
      subjectType: "user",
      subjectId: user.id,
      after: { email, role },
    });
    return user;
  });
}
