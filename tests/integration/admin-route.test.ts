import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/o.$orgSlug.admin";
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
