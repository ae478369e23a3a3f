import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { apiTokens, organisations } from "../../db/schema/identity";
import { recordAudit, type Actor } from "../audit";
import { hashToken, newSecretToken } from "../auth/tokens";
import { CommandError } from "./errors";

const TOKEN_PREFIX = "mnt_";
/** "Last used" is written at most this often per token, so a busy integration does not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export const MAX_TOKEN_DAYS = 3650;

export const expiresInDaysSchema = z.coerce
  .number({ message: "Give the number of days as a whole number" })
  .int("Give the number of days as a whole number")
  .min(1, "A token must last at least 1 day")
  .max(MAX_TOKEN_DAYS, `A token can last at most ${MAX_TOKEN_DAYS} days; leave it empty for no expiry`);

/** Creates an organisation API token; the token is returned once and only its hash is kept. */
export async function createApiToken(
  db: Database,
  input: { organisationId: string; name: string; createdBy: string | null; expiresInDays?: number | null },
  actor: Actor,
  now = new Date(),
) {
  const name = input.name.trim();
  if (!name) throw new CommandError("Give the token a name that says what uses it", "name");
  const days = input.expiresInDays == null ? null : expiresInDaysSchema.parse(input.expiresInDays);
  const expiresAt = days === null ? null : new Date(now.getTime() + days * 86_400_000);
  const { token, hash } = newSecretToken(TOKEN_PREFIX);
  const prefix = token.slice(0, 10);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ organisationId: input.organisationId, name, tokenHash: hash, prefix, createdBy: input.createdBy, expiresAt })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "api_token.create",
      subjectType: "api_token",
      subjectId: row.id,
      after: { name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return row.id;
  });
  return { token, id, prefix, expiresAt };
}

/** A token that may still act: not revoked and not past its expiry. Used by the API and the collaboration server alike. */
export const usableApiToken = (now: Date) =>
  and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));

/**
 * The organisation a bearer token acts for, or null when it is unknown, revoked or expired.
 * Records when it was used, at most once a minute.
 */
export async function findApiTokenOrganisation(db: Database, token: string, now = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      lastUsedAt: apiTokens.lastUsedAt,
      organisationId: organisations.id,
      slug: organisations.slug,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(apiTokens.organisationId, organisations.id))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), usableApiToken(now)))
    .limit(1);
  if (!row) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // Conditional, so several instances serving the same token in the same minute write once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  }
  const { lastUsedAt: _lastUsedAt, ...found } = row;
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when no token of this organisation matches: the route answers 404, as for any other organisation's thing. */
export class ApiTokenNotFoundError extends CommandError {
  constructor(reference: string) {
    super(`No API token of this organisation matches “${reference}”`);
    this.name = "ApiTokenNotFoundError";
  }
}

/**
 * Revokes a token of this organisation, named by its id or the first characters shown on the
 * Admin page. Another organisation's token is "not found", whoever asks.
 */
export async function revokeApiToken(
  db: Database,
  input: { organisationId: string; reference: string },
  actor: Actor,
  now = new Date(),
) {
  const reference = input.reference.trim();
  const byId = UUID.test(reference);
  if (!byId && !reference.startsWith(TOKEN_PREFIX)) throw new ApiTokenNotFoundError(reference);
  const match = byId ? eq(apiTokens.id, reference) : eq(apiTokens.prefix, reference);
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.organisationId, input.organisationId), match));
    if (found.length === 0) throw new ApiTokenNotFoundError(reference);
    if (found.length > 1) throw new CommandError(`Several tokens start with “${reference}”: give the token's id instead`);
    const [token] = found;
    if (token.revokedAt) return { ...token, alreadyRevoked: true };
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, token.id));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "api_token.revoke",
      subjectType: "api_token",
      subjectId: token.id,
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return { ...token, alreadyRevoked: false };
  });
}

export async function listApiTokens(db: Database, organisationId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId))
    .orderBy(apiTokens.createdAt);
}
