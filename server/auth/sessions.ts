import { and, eq, gt, inArray, lt, ne } from "drizzle-orm";
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

/*
 * Live connections (socket.io, collab) are tied to the session they were opened with
 * (server/realtime/live-sessions.ts). Whoever deletes sessions tells
 * `services.liveSessions` afterwards (after the transaction commits): `ended([sessionIdOf(token)])`
 * for one, `userSessionsEnded(userId)` for a person's; a periodic re-check catches the rest.
 */

/** A session's id as live connections know it: the hash of its token, never the token. */
export const sessionIdOf = (token: string): string => hashToken(token);

export type LiveSession = { sessionId: string; expiresAt: Date; user: SessionUser };

/** The session of a cookie's token with its person, for a connection that stays open. */
export async function findSession(db: Database, token: string, now = new Date()): Promise<LiveSession | null> {
  return (await findSessions(db, [token], now)).get(token) ?? null;
}

/**
 * The sessions of these tokens (those that exist and have not expired), by token, in
 * one query: when a venue's network comes back, a thousand sockets open at once.
 */
export async function findSessions(db: Database, tokens: string[], now = new Date()): Promise<Map<string, LiveSession>> {
  if (tokens.length === 0) return new Map();
  const tokenOf = new Map(tokens.map((token) => [hashToken(token), token]));
  const rows = await db
    .select({ sessionId: sessions.tokenHash, expiresAt: sessions.expiresAt, id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(inArray(sessions.tokenHash, [...tokenOf.keys()]), gt(sessions.expiresAt, now)));
  return new Map(
    rows.map((row) => [
      tokenOf.get(row.sessionId)!,
      { sessionId: row.sessionId, expiresAt: row.expiresAt, user: { id: row.id, email: row.email, name: row.name } },
    ]),
  );
}

/** Of these session ids, those that still exist and have not expired. */
export async function findLiveSessionIds(db: Database, sessionIds: string[], now = new Date()): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows = await db
    .select({ id: sessions.tokenHash })
    .from(sessions)
    .where(and(inArray(sessions.tokenHash, sessionIds), gt(sessions.expiresAt, now)));
  return new Set(rows.map((row) => row.id));
}
