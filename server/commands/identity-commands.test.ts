import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "../../db/schema/identity";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { ApiTokenNotFoundError, createApiToken, findApiTokenOrganisation, revokeApiToken } from "./api-token-creator";
import { createOrganisation } from "./organisation-creator";
import { addMember } from "./user-creator";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

describe("organisations", () => {
  it("creates one and refuses the same slug twice", async () => {
    await createOrganisation(database.db, { slug: "eastside", name: "Eastside Homes" }, SYSTEM_ACTOR);
    await expect(createOrganisation(database.db, { slug: "eastside", name: "Other" }, SYSTEM_ACTOR)).rejects.toThrow(
      /already exists/,
    );
  });

  it.each(["Has Spaces", "-leading", "UPPER", ""])("refuses the slug %j", async (slug) => {
    await expect(createOrganisation(database.db, { slug, name: "X" }, SYSTEM_ACTOR)).rejects.toThrow(/lowercase letters/);
  });
});

describe("members", () => {
  it("lets one person belong to several organisations", async () => {
    const a = await createOrganisation(database.db, { slug: "org-a", name: "A" }, SYSTEM_ACTOR);
    const b = await createOrganisation(database.db, { slug: "org-b", name: "B" }, SYSTEM_ACTOR);
    const first = await addMember(
      database.db,
      { organisationId: a.id, email: "both@example.org", role: "admin", password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    const second = await addMember(
      database.db,
      { organisationId: b.id, email: "BOTH@example.org", role: "viewer" },
      SYSTEM_ACTOR,
    );
    expect(second.id).toBe(first.id);
  });

  it("refuses an unknown role", async () => {
    const org = await createOrganisation(database.db, { slug: "org-c", name: "C" }, SYSTEM_ACTOR);
    await expect(
      addMember(database.db, { organisationId: org.id, email: "x@example.org", role: "chair" as never }, SYSTEM_ACTOR),
    ).rejects.toThrow(/Choose a role/);
  });
});

describe("API tokens", () => {
  it("stores only a hash and finds the organisation from the token", async () => {
    const org = await createOrganisation(database.db, { slug: "tokens", name: "Tokens" }, SYSTEM_ACTOR);
    const { token } = await createApiToken(
      database.db,
      { organisationId: org.id, name: "Housing system", createdBy: null },
      SYSTEM_ACTOR,
    );
    const stored = await database.db.execute(sql`select token_hash from api_tokens where name = 'Housing system'`);
    const rows = (Array.isArray(stored) ? stored : (stored as { rows: unknown[] }).rows) as { token_hash: string }[];
    expect(rows[0].token_hash).not.toContain(token);
    expect((await findApiTokenOrganisation(database.db, token))?.slug).toBe("tokens");
    expect(await findApiTokenOrganisation(database.db, "mnt_wrong")).toBeNull();
  });
});

describe("API token lifetime", () => {
  const setUp = async (slug: string) => {
    const org = await createOrganisation(database.db, { slug, name: slug }, SYSTEM_ACTOR);
    return org;
  };
  const lastUsed = async (id: string) =>
    (await database.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0].lastUsedAt?.toISOString() ?? null;

  it("records the last use at most once a minute", async () => {
    const org = await setUp("last-used");
    const { token, id } = await createApiToken(
      database.db,
      { organisationId: org.id, name: "Feed", createdBy: null },
      SYSTEM_ACTOR,
    );
    const t0 = new Date("2026-12-01T09:00:00Z");
    await findApiTokenOrganisation(database.db, token, t0);
    expect(await lastUsed(id)).toBe(t0.toISOString());
    await findApiTokenOrganisation(database.db, token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed(id)).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await findApiTokenOrganisation(database.db, token, later);
    expect(await lastUsed(id)).toBe(later.toISOString());
  });

  it("stops working when it expires", async () => {
    const org = await setUp("expiring");
    const issued = new Date("2026-12-01T09:00:00Z");
    const { token, expiresAt } = await createApiToken(
      database.db,
      { organisationId: org.id, name: "Trial", createdBy: null, expiresInDays: 7 },
      SYSTEM_ACTOR,
      issued,
    );
    expect(expiresAt?.toISOString()).toBe("2026-12-08T09:00:00.000Z");
    expect(await findApiTokenOrganisation(database.db, token, new Date("2026-12-08T08:59:00Z"))).not.toBeNull();
    expect(await findApiTokenOrganisation(database.db, token, new Date("2026-12-08T09:00:01Z"))).toBeNull();
  });

  it("is revoked by its id or first characters within its own organisation only, and the revocation is audited", async () => {
    const ours = await setUp("revoking");
    const theirs = await setUp("bystander");
    const { token, id, prefix } = await createApiToken(
      database.db,
      { organisationId: ours.id, name: "Old feed", createdBy: null },
      SYSTEM_ACTOR,
    );
    for (const reference of [id, prefix]) {
      await expect(revokeApiToken(database.db, { organisationId: theirs.id, reference }, SYSTEM_ACTOR)).rejects.toBeInstanceOf(
        ApiTokenNotFoundError,
      );
    }
    expect(await findApiTokenOrganisation(database.db, token)).not.toBeNull();
    const revoked = await revokeApiToken(database.db, { organisationId: ours.id, reference: prefix }, SYSTEM_ACTOR);
    expect(revoked).toMatchObject({ id, alreadyRevoked: false });
    expect(await findApiTokenOrganisation(database.db, token)).toBeNull();
    expect(await revokeApiToken(database.db, { organisationId: ours.id, reference: id }, SYSTEM_ACTOR)).toMatchObject({
      alreadyRevoked: true,
    });
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(entries.map((e) => e.action)).toEqual(["api_token.create", "api_token.revoke"]);
  });
});

describe("the audit log", () => {
  it("records changes and refuses UPDATE and DELETE", async () => {
    const entries = await database.db.select().from(auditLog);
    expect(entries.some((e) => e.action === "organisation.create")).toBe(true);
    await expect(database.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
