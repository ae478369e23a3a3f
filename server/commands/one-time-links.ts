import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { invitations, memberships, users, type Role } from "../../db/schema/identity";
import { recordAudit, type Actor } from "../audit";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { deleteSessionsOfUser } from "../auth/sessions";
import { hashToken, newSecretToken } from "../auth/tokens";
import { CommandError } from "./errors";
import { emailSchema, roleSchema } from "./user-creator";

export const LINK_VALID_DAYS = 7;

const expiry = (now: Date) => new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000);

/** An admin invites a person by address; the link is shown once, for the admin to send. */
export async function createInvitation(
  db: Database,
  input: { organisationId: string; email: string; role: Role; invitedBy: string | null },
  actor: Actor,
  now = new Date(),
) {
  const email = emailSchema.parse(input.email);
  const role = roleSchema.parse(input.role);
  const { token, hash } = newSecretToken();
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.userId, existing.id), eq(memberships.organisationId, input.organisationId)));
      if (member) throw new CommandError(`${email} is already a member of this organisation`, "email");
    }
    const [invitation] = await tx
      .insert(invitations)
      .values({
        kind: "invitation",
        tokenHash: hash,
        organisationId: input.organisationId,
        email,
        role,
        invitedBy: input.invitedBy,
        expiresAt: expiry(now),
      })
      .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "invitation.create",
      subjectType: "invitation",
      subjectId: invitation.id,
      after: { email, role },
    });
    return { token, expiresAt: invitation.expiresAt };
  });
}

/** A password-reset link for an existing account, issued by an admin or the operator. */
export async function createPasswordReset(
  db: Database,
  input: { email: string; organisationId: string | null },
  actor: Actor,
  now = new Date(),
) {
  const email = emailSchema.parse(input.email);
  const user = await findUserByEmail(db, email);
  if (!user) throw new CommandError(`No account uses the address ${email}`, "email");
  const { token, hash } = newSecretToken();
  await db.transaction(async (tx) => {
    await tx.insert(invitations).values({
      kind: "password_reset",
      tokenHash: hash,
      organisationId: input.organisationId,
      email,
      expiresAt: expiry(now),
    });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "password_reset.create",
      subjectType: "user",
      subjectId: user.id,
    });
  });
  return { token, expiresAt: expiry(now) };
}

export async function findUsableLink(db: Database, token: string, now = new Date()) {
  const [link] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
    .limit(1);
  return link ?? null;
}

/**
 * Uses a one-time link: sets the password (and for an invitation, creates the
 * account and membership). Returns the user id, for signing in.
 */
export async function redeemLink(
  db: Database,
  input: { token: string; password: string; name?: string },
  now = new Date(),
): Promise<{ userId: string; organisationId: string | null }> {
  const password = passwordSchema.parse(input.password);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await findUsableLink(tx, input.token, now);
    if (!link) throw new CommandError("This link has expired or has already been used. Ask an administrator for a new one.");
    let user = await findUserByEmail(tx, link.email);
    if (link.kind === "password_reset") {
      if (!user) throw new CommandError("The account for this link no longer exists.");
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      await deleteSessionsOfUser(tx, user.id);
    } else {
      if (!user) {
        const name = input.name?.trim();
        if (!name) throw new CommandError("Enter your name", "name");
        [user] = await tx.insert(users).values({ email: link.email, name, passwordHash }).returning();
      } else if (!user.passwordHash) {
        await tx
          .update(users)
          .set({ passwordHash, name: input.name?.trim() || user.name })
          .where(eq(users.id, user.id));
      }
      await tx
        .insert(memberships)
        .values({ organisationId: link.organisationId!, userId: user.id, role: link.role! })
        .onConflictDoNothing();
    }
    await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, link.id));
    await recordAudit(tx, {
      organisationId: link.organisationId,
      actor: { userId: user.id, label: user.email },
      action: link.kind === "invitation" ? "invitation.accept" : "password_reset.use",
      subjectType: "user",
      subjectId: user.id,
    });
    return { userId: user.id, organisationId: link.organisationId };
  });
}

export async function listPendingInvitations(db: Database, organisationId: string, now = new Date()) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        eq(invitations.kind, "invitation"),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
      ),
    );
}
