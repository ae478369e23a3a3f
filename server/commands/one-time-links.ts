import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findUserByEmail, findUserCredentials, listOrganisationIdsOfUser } from "../../db/queries/users";
import { invitations, memberships, organisations, users, type Role } from "../../db/schema/identity";
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

/**
 * An organisation's admin may reset only an account that belongs to their organisation and
 * to no other: a person in several organisations changes their own password (account page)
 * or asks the operator (`user:reset-password`), so no one organisation's admin can take over
 * what they see in another.
 */
async function adminMayReset(db: Database, userId: string, organisationId: string): Promise<boolean> {
  const organisationIds = await listOrganisationIdsOfUser(db, userId);
  return organisationIds.length === 1 && organisationIds[0] === organisationId;
}

/** One answer for "no such account", "not ours" and "also someone else's": it reveals nothing beyond this organisation. */
export const RESET_REFUSED =
  "You can make a reset link only for a member of this organisation who belongs to no other organisation. Anyone else can change their password on their account page, or ask the operator of this Minuted installation for a reset link.";

/**
 * A password-reset link for an existing account. With an organisation (an admin asking) it is
 * limited to that organisation's own accounts; without one (the operator) to any account.
 */
export async function createPasswordReset(
  db: Database,
  input: { email: string; organisationId: string | null },
  actor: Actor,
  now = new Date(),
) {
  const email = emailSchema.parse(input.email);
  const { token, hash } = newSecretToken();
  await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (input.organisationId) {
      if (!user || !(await adminMayReset(tx, user.id, input.organisationId))) throw new CommandError(RESET_REFUSED, "email");
    } else if (!user) {
      throw new CommandError(`No account uses the address ${email}`, "email");
    }
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

const LINK_UNUSABLE = "This link has expired or has already been used. Ask an administrator for a new one.";

/** Marks the link used, once: of two redemptions at the same moment only one gets through. */
async function markUsed(db: Database, linkId: string, now: Date) {
  const used = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, linkId), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  if (used.length === 0) throw new CommandError(LINK_UNUSABLE);
}

/**
 * An invitation is never a credential for an account that already exists: when the address
 * has an account with a password, or one that belongs to another organisation, the person
 * signs in as that account and accepts (acceptInvitation). Only a new account, or one that
 * this organisation added and that has never had a password, is set up through the link.
 */
async function invitationNeedsSignIn(
  db: Database,
  user: { id: string; passwordHash: string | null } | null,
  organisationId: string,
): Promise<boolean> {
  if (!user) return false;
  if (user.passwordHash) return true;
  const organisationIds = await listOrganisationIdsOfUser(db, user.id);
  return organisationIds.some((id) => id !== organisationId);
}

export const invitationSignInMessage = (email: string) =>
  `An account already uses ${email}. Sign in as that account with its own password, then accept the invitation.`;

/** What the invitation page shows: nothing for an unusable link, else who it is for and how to accept it. */
export async function describeInvitation(db: Database, token: string, now = new Date()) {
  const link = await findUsableLink(db, token, now);
  if (!link || link.kind !== "invitation" || !link.organisationId) return null;
  const user = await findUserByEmail(db, link.email);
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, link.organisationId));
  return {
    email: link.email,
    role: link.role,
    organisationName: organisation?.name ?? "",
    needsSignIn: await invitationNeedsSignIn(db, user, link.organisationId),
  };
}

/**
 * Uses a one-time link with a new password: a reset sets it; an invitation creates the
 * account (or sets up one that has never had a password) and the membership. Returns the
 * user id, for signing in.
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
    if (!link) throw new CommandError(LINK_UNUSABLE);
    let user = await findUserByEmail(tx, link.email);
    if (link.kind === "password_reset") {
      if (!user) throw new CommandError("The account for this link no longer exists.");
      // The person may have joined another organisation since the link was made.
      if (link.organisationId && !(await adminMayReset(tx, user.id, link.organisationId))) {
        throw new CommandError(
          "This reset link can no longer be used. Change your password on your account page, or ask the operator for a reset link.",
        );
      }
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      await deleteSessionsOfUser(tx, user.id);
    } else {
      if (await invitationNeedsSignIn(tx, user, link.organisationId!)) {
        throw new CommandError(invitationSignInMessage(link.email));
      }
      if (!user) {
        const name = input.name?.trim();
        if (!name) throw new CommandError("Enter your name", "name");
        [user] = await tx.insert(users).values({ email: link.email, name, passwordHash }).returning();
      } else {
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
    await markUsed(tx, link.id, now);
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

/**
 * The signed-in person accepts an invitation addressed to their own account: the membership
 * is added; their password and sessions are left as they are.
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; userId: string },
  now = new Date(),
): Promise<{ organisationId: string; organisationSlug: string }> {
  return db.transaction(async (tx) => {
    const link = await findUsableLink(tx, input.token, now);
    if (!link || link.kind !== "invitation" || !link.organisationId) throw new CommandError(LINK_UNUSABLE);
    const user = await findUserCredentials(tx, input.userId);
    if (!user || user.email.toLowerCase() !== link.email.toLowerCase()) {
      throw new CommandError(`This invitation is for ${link.email}. Sign out, then sign in as ${link.email} to accept it.`);
    }
    await tx
      .insert(memberships)
      .values({ organisationId: link.organisationId, userId: user.id, role: link.role! })
      .onConflictDoNothing();
    await markUsed(tx, link.id, now);
    await recordAudit(tx, {
      organisationId: link.organisationId,
      actor: { userId: user.id, label: user.email },
      action: "invitation.accept",
      subjectType: "user",
      subjectId: user.id,
    });
    const [organisation] = await tx
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(eq(organisations.id, link.organisationId));
    return { organisationId: link.organisationId, organisationSlug: organisation.slug };
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
