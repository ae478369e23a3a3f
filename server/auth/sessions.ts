import { and, eq, gt, lt, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, users } from "../../db/schema/identity";
import { hashToken, newSecretToken } from "./tokens";

export const SESSION_DAYS = 14;

export async function createSession(db: Database, userId: string, now = new Date()) {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hash, userId, expiresAt });
  return { token, expiresAt };
}

export type SessionUser = { id: string; email: string; name: string };

export async function findSessionUser(db: Database, token: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** After a password change or reset, every other session of that person ends. */
export async function deleteSessionsOfUser(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** After the person changes their own password: every session but the one they are using ends. */
export async function deleteOtherSessionsOfUser(db: Database, userId: string, keepToken: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepToken ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken))) : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Database, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
