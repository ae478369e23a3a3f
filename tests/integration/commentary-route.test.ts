import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/o.$orgSlug.exceptions.$code";
import { SYSTEM_ACTOR } from "../../server/audit";
import { DEMO_USERS } from "../../server/commands/demo-seeder";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { findUserByEmail } from "../../db/queries/users";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices("demo");
  for (const person of DEMO_USERS) {
    const user = await findUserByEmail(services.db, person.email);
    cookies[person.role] = await cookieFor(services, user!.id);
  }
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
});
afterAll(() => services.cleanup());

const params = { orgSlug: "northfield", code: "BV212" };
const post = (intent: string, cookie: string) =>
  action({
    request: formRequest("/o/northfield/exceptions/BV212", { intent, period: "2026-10" }, cookie),
    context: loadContext(services),
    params,
  });

describe("the commentary actions", () => {
  it.each([
    ["ready", "viewer"],
    ["ready", "member"],
    ["ready", "officer"], // the demo officer manages BV212 but does not own it: they write, the owner signs off
    ["draft", "viewer"],
    ["draft", "member"],
    ["edited", "viewer"],
    ["edited", "member"],
  ])("refuse %s to a %s (403)", async (intent, role) => {
    expect(await statusOf(post(intent, cookies[role]))).toBe(403);
  });

  it.each(["ready", "draft", "edited"])("answer 404 to another organisation's admin for %s", async (intent) => {
    expect(await statusOf(post(intent, cookies.outsider))).toBe(404);
  });

  it("let the manager record an edit", async () => {
    expect(await statusOf(post("edited", cookies.officer))).toBe(200);
  });

  it("refuse to mark an empty commentary ready, saying what is missing (400)", async () => {
    const result = (await post("ready", cookies.admin)) as unknown as {
      data: { error: string; gaps?: string[] };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.gaps?.length).toBeGreaterThan(0);
  });
});
