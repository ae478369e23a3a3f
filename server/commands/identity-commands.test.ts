import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/identity";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { createApiToken, findApiTokenOrganisation } from "./api-token-creator";
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

describe("the audit log", () => {
  it("records changes and refuses UPDATE and DELETE", async () => {
    const entries = await database.db.select().from(auditLog);
    expect(entries.some((e) => e.action === "organisation.create")).toBe(true);
    await expect(database.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
