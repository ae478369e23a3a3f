import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { action, loader } from "../../app/routes/o.$orgSlug.admin";
import { loader as scorecardLoader } from "../../app/routes/api.v1.o.$orgSlug.scorecard";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { apiTokens, auditLog, invitations } from "../../db/schema/identity";
import { RESET_REFUSED } from "../../server/commands/one-time-links";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  for (const role of ["admin", "officer", "member", "viewer"] as const) {
    const user = await addMember(
      services.db,
      { organisationId: org.id, email: `${role}@example.org`, role, password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    cookies[role] = await cookieFor(services, user.id);
  }
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
});
afterAll(() => services.cleanup());

const adminActions = {
  invite: { intent: "invite", email: "new@example.org", role: "member" },
  "reset-password": { intent: "reset-password", email: "member@example.org" },
  "create-token": { intent: "create-token", name: "Housing system" },
};

const params = { orgSlug: "northfield" };

describe("the admin page", () => {
  it("redirects a visitor who is not signed in to sign-in", async () => {
    const thrown = await loader({
      request: new Request("http://localhost/o/northfield/admin"),
      context: loadContext(services),
      params,
    }).catch((e) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fo%2Fnorthfield%2Fadmin");
  });

  it("answers 404 to an admin of another organisation", async () => {
    const request = new Request("http://localhost/o/northfield/admin", { headers: { Cookie: cookies.outsider } });
    expect(await statusOf(loader({ request, context: loadContext(services), params }))).toBe(404);
  });

  it.each(["officer", "member", "viewer"])("is refused (403) to a %s", async (role) => {
    const request = new Request("http://localhost/o/northfield/admin", { headers: { Cookie: cookies[role] } });
    expect(await statusOf(loader({ request, context: loadContext(services), params }))).toBe(403);
  });

  describe.each(Object.entries(adminActions))("the %s action", (_name, fields) => {
    it.each(["viewer", "member", "officer"])("is refused (403) to a %s", async (role) => {
      const request = formRequest("/o/northfield/admin", fields, cookies[role]);
      expect(await statusOf(action({ request, context: loadContext(services), params }))).toBe(403);
    });

    it("is refused (404) to another organisation's admin", async () => {
      const request = formRequest("/o/northfield/admin", fields, cookies.outsider);
      expect(await statusOf(action({ request, context: loadContext(services), params }))).toBe(404);
    });

    it("works for an admin and shows a one-time secret", async () => {
      const request = formRequest("/o/northfield/admin", fields, cookies.admin);
      const result = (await action({ request, context: loadContext(services), params })) as unknown as {
        data: { secret?: string };
      };
      expect(result.data.secret).toBeTruthy();
    });
  });
});

type Answer = { data: { fieldErrors?: Record<string, string>; secret?: string; message?: string } };
const post = (orgSlug: string, fields: Record<string, string>, cookie: string) =>
  action({
    request: formRequest(`/o/${orgSlug}/admin`, fields, cookie),
    context: loadContext(services),
    params: { orgSlug },
  }) as unknown as Promise<Answer>;
const adminPage = (orgSlug: string, cookie: string) =>
  loader({
    request: new Request(`http://localhost/o/${orgSlug}/admin`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug },
  });
const scorecardApi = (orgSlug: string, token: string) =>
  statusOf(
    scorecardLoader({
      request: new Request(`http://localhost/api/v1/o/${orgSlug}/scorecard`, { headers: { Authorization: `Bearer ${token}` } }),
      context: loadContext(services),
      params: { orgSlug },
    }),
  );
const resetLinksFor = async (email: string) =>
  (await services.db.select().from(invitations)).filter((i) => i.kind === "password_reset" && i.email === email);

describe("reset links from the admin page", () => {
  it("are refused to another organisation's admin for our member, with the answer given for an unknown address", async () => {
    const ours = await post("southbank", { intent: "reset-password", email: "officer@example.org" }, cookies.outsider);
    const unknown = await post("southbank", { intent: "reset-password", email: "nobody@example.org" }, cookies.outsider);
    expect(ours.data.secret).toBeUndefined();
    expect(ours.data.fieldErrors?.email).toBe(RESET_REFUSED);
    expect(unknown.data).toEqual(ours.data);
    expect(await resetLinksFor("officer@example.org")).toHaveLength(0);
  });

  it("are refused for our own member who also belongs to another organisation, with the same answer", async () => {
    const southbank = await findOrganisationBySlug(services.db, "southbank");
    const northfield = await findOrganisationBySlug(services.db, "northfield");
    await addMember(
      services.db,
      { organisationId: northfield!.id, email: "both@example.org", role: "member", password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    await addMember(services.db, { organisationId: southbank!.id, email: "both@example.org", role: "admin" }, SYSTEM_ACTOR);
    const answer = await post("northfield", { intent: "reset-password", email: "both@example.org" }, cookies.admin);
    expect(answer.data.fieldErrors?.email).toBe(RESET_REFUSED);
    expect(await resetLinksFor("both@example.org")).toHaveLength(0);
  });

  it("work for a member of this organisation alone", async () => {
    const answer = await post("northfield", { intent: "reset-password", email: "viewer@example.org" }, cookies.admin);
    expect(answer.data.secret).toMatch(/\/reset\//);
  });
});

describe("API tokens on the admin page", () => {
  const createToken = async (orgSlug: string, cookie: string, fields: Record<string, string> = {}) => {
    const answer = await post(orgSlug, { intent: "create-token", name: "Nightly export", ...fields }, cookie);
    const token = answer.data.secret!;
    const [row] = await services.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.prefix, token.slice(0, 10)));
    return { token, id: row.id, answer };
  };

  it("can be revoked: the token then answers 401, and the page shows it revoked", async () => {
    const { token, id } = await createToken("northfield", cookies.admin);
    expect(await scorecardApi("northfield", token)).toBe(200);
    const answer = await post("northfield", { intent: "revoke-token", tokenId: id }, cookies.admin);
    expect(answer.data.message).toMatch(/revoked/);
    expect(await scorecardApi("northfield", token)).toBe(401);
    const page = await adminPage("northfield", cookies.admin);
    expect(page.tokens.find((t) => t.id === id)?.state).toBe("Revoked");
    const audit = await services.db.select().from(auditLog).where(eq(auditLog.action, "api_token.revoke"));
    expect(audit.map((a) => a.subjectId)).toContain(id);
  });

  it("cannot be revoked by another organisation's admin (404), and the token keeps working", async () => {
    const { token, id } = await createToken("northfield", cookies.admin);
    const status = await statusOf(post("southbank", { intent: "revoke-token", tokenId: id }, cookies.outsider));
    expect(status).toBe(404);
    expect(await scorecardApi("northfield", token)).toBe(200);
    const [row] = await services.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.revokedAt).toBeNull();
  });

  it("may be given an expiry; an expired token answers 401 and shows as expired", async () => {
    const { token, id, answer } = await createToken("northfield", cookies.admin, { expiresInDays: "30" });
    expect(answer.data.message).toMatch(/works until \d+ \w+ \d{4}/);
    expect(await scorecardApi("northfield", token)).toBe(200);
    await services.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, id));
    expect(await scorecardApi("northfield", token)).toBe(401);
    const page = await adminPage("northfield", cookies.admin);
    expect(page.tokens.find((t) => t.id === id)?.state).toBe("Expired");
  });

  it("refuses an expiry that is not a whole number of days from 1 to 3650", async () => {
    for (const days of ["0", "2.5", "9999", "soon"]) {
      const answer = await post("northfield", { intent: "create-token", name: "X", expiresInDays: days }, cookies.admin);
      expect(answer.data.fieldErrors?.expiresInDays).toBeTruthy();
    }
  });

  it("records when a token was last used and shows it", async () => {
    const { token, id } = await createToken("northfield", cookies.admin);
    expect((await adminPage("northfield", cookies.admin)).tokens.find((t) => t.id === id)?.lastUsed).toBe("Never");
    await scorecardApi("northfield", token);
    expect((await adminPage("northfield", cookies.admin)).tokens.find((t) => t.id === id)?.lastUsed).toMatch(/ at \d\d:\d\d$/);
  });

  it("of one organisation answer 404 on another organisation's API and are not listed on its admin page", async () => {
    const { token, id } = await createToken("northfield", cookies.admin);
    expect(await scorecardApi("southbank", token)).toBe(404);
    const page = await adminPage("southbank", cookies.outsider);
    expect(page.tokens.map((t) => t.id)).not.toContain(id);
  });
});
