import type { IncomingMessage } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../../app/routes/api.v1.o.$orgSlug.collab-tokens";
import { exceptionDocumentName } from "../../../app/shared/collab/document-names";
import { findOrganisationBySlug } from "../../../db/queries/organisations";
import { apiTokens } from "../../../db/schema/identity";
import { indicators } from "../../../db/schema/performance";
import { cookieFor, createTestServices, loadContext, statusOf } from "../../../tests/support/test-services";
import { SYSTEM_ACTOR } from "../../audit";
import { createApiToken, revokeApiToken } from "../../commands/api-token-creator";
import { createOrganisation } from "../../commands/organisation-creator";
import { addMember } from "../../commands/user-creator";
import { mintCollabToken, verifyCollabToken } from "./collab-token";
import { processResolvers } from "./document-resolvers";
import { createPostgresStorage } from "./document-storage";
import { decideUpgrade } from "./upgrade-auth";

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
let apiToken: string;
let document: string;
let otherDocument: string;

let officerId: string | null = null;

async function indicatorOf(organisationId: string, managerUserId: string | null = null) {
  const [row] = await services.db
    .insert(indicators)
    .values({
      organisationId,
      code: "RENT",
      title: "Rent collected",
      category: "Income",
      unit: "%",
      polarity: "higher",
      frequency: "monthly",
      aggregation: "ratio",
      managerUserId,
    })
    .returning({ id: indicators.id });
  return row.id;
}

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  for (const role of ["officer", "viewer"] as const) {
    const user = await addMember(services.db, { organisationId: org.id, email: `${role}@example.org`, role }, SYSTEM_ACTOR);
    cookies[role] = await cookieFor(services, user.id);
    if (role === "officer") officerId = user.id;
  }
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
  apiToken = (await createApiToken(services.db, { organisationId: org.id, name: "Pack builder", createdBy: null }, SYSTEM_ACTOR))
    .token;
  // The officer manages the indicator, so may write its exception commentary.
  document = exceptionDocumentName(await indicatorOf(org.id, officerId), "2025-04");
  otherDocument = exceptionDocumentName(await indicatorOf(other.id), "2025-04");
});
afterAll(() => services.cleanup());

function post(orgSlug: string, body: unknown, headers: Record<string, string>) {
  const request = new Request(`http://localhost/api/v1/o/${orgSlug}/collab-tokens`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json", ...headers },
  });
  return action({ request, context: loadContext(services), params: { orgSlug } });
}

async function json(promise: Promise<Response>) {
  const response = await promise;
  return { status: response.status, body: await response.json() };
}

describe("POST /api/v1/o/:orgSlug/collab-tokens", () => {
  it("answers 401 without a session or API token", async () => {
    expect(await statusOf(post("northfield", { document }, {}))).toBe(401);
  });

  it("answers 400 for a body that names no valid document", async () => {
    expect(await statusOf(post("northfield", { document: "minutes:1" }, { Cookie: cookies.officer }))).toBe(400);
    expect(await statusOf(post("northfield", "not json", { Cookie: cookies.officer }))).toBe(400);
  });

  it("mints a write token for an officer, scoped to the document", async () => {
    const { status, body } = await json(post("northfield", { document }, { Cookie: cookies.officer }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ document, access: "write", serverUrl: "ws://localhost/collab" });
    const check = verifyCollabToken(services.config.sessionSecret, body.token, document);
    expect(check).toMatchObject({ ok: true, claims: { access: "write" } });
  });

  it("mints a read token for a viewer who asks for nothing in particular", async () => {
    const { body } = await json(post("northfield", { document }, { Cookie: cookies.viewer }));
    expect(body.access).toBe("read");
  });

  it("answers 403 to a viewer asking to write", async () => {
    expect(await statusOf(post("northfield", { document, access: "write" }, { Cookie: cookies.viewer }))).toBe(403);
  });

  it("mints a read token for an organisation API token, and refuses it write (403)", async () => {
    const auth = { Authorization: `Bearer ${apiToken}` };
    expect((await json(post("northfield", { document }, auth))).body.access).toBe("read");
    expect(await statusOf(post("northfield", { document, access: "write" }, auth))).toBe(403);
  });

  it("answers 404 for another organisation's document, or another organisation's path", async () => {
    expect(await statusOf(post("northfield", { document: otherDocument }, { Cookie: cookies.officer }))).toBe(404);
    expect(await statusOf(post("northfield", { document }, { Cookie: cookies.outsider }))).toBe(404);
    expect(await statusOf(post("southbank", { document }, { Cookie: cookies.outsider }))).toBe(404);
  });
});

describe("a document token minted for an API token", () => {
  const open = (token: string) =>
    decideUpgrade({ url: `/collab/${encodeURIComponent(document)}?token=${token}`, headers: {} } as unknown as IncomingMessage, {
      db: services.db,
      sessionSecret: services.config.sessionSecret,
      publicUrl: undefined,
      resolvers: processResolvers,
      storage: createPostgresStorage(services.db),
    });

  it("opens the document while the API token is usable, and stops once it is revoked or has expired", async () => {
    const org = (await findOrganisationBySlug(services.db, "northfield"))!;
    for (const end of ["revoke", "expire"] as const) {
      const created = await createApiToken(
        services.db,
        { organisationId: org.id, name: `Reader ${end}`, createdBy: null },
        SYSTEM_ACTOR,
      );
      const minted = mintCollabToken(services.config.sessionSecret, {
        document,
        access: "read",
        organisationId: org.id,
        subject: { kind: "api-token", tokenId: created.id },
      }).token;
      expect(await open(minted)).toMatchObject({ ok: true, access: "read" });
      if (end === "revoke") await revokeApiToken(services.db, { organisationId: org.id, reference: created.id }, SYSTEM_ACTOR);
      else
        await services.db
          .update(apiTokens)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(apiTokens.id, created.id));
      expect(await open(minted)).toMatchObject({ ok: false, code: 4401 });
    }
  });
});
