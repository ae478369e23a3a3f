import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { apiTokens, organisations } from "../../db/schema/identity";
import { recordAudit, type Actor } from "../audit";
import { hashToken, newSecretToken } from "../auth/tokens";
import { CommandError } from "./errors";

const TOKEN_PREFIX = "mnt_";

/** Creates an organisation API token; the token is returned once and only its hash is kept. */
export async function createApiToken(
  db: Database,
  input: { organisationId: string; name: string; createdBy: string | null },
  actor: Actor,
) {
  const name = input.name.trim();
  if (!name) throw new CommandError("Give the token a name that says what uses it", "name");
  const { token, hash } = newSecretToken(TOKEN_PREFIX);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId: input.organisationId,
        name,
        tokenHash: hash,
        prefix: token.slice(0, 10),
        createdBy: input.createdBy,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "api_token.create",
      subjectType: "api_token",
      subjectId: row.id,
      after: { name },
    });
  });
  return { token };
}

export async function findApiTokenOrganisation(db: Database, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ tokenId: apiTokens.id, tokenName: apiTokens.name, organisationId: organisations.id, slug: organisations.slug })
    .from(apiTokens)
    .innerJoin(organisations, eq(apiTokens.organisationId, organisations.id))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function listApiTokens(db: Database, organisationId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.organisationId, organisationId));
}
