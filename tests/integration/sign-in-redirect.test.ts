import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/sign-in";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createTestServices, formRequest, loadContext } from "../support/test-services";

/*
 * After signing in, `redirectTo` (from a link anyone can write) leads only to a page of
 * this site: every way of writing another host sends the person home instead.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  await addMember(
    services.db,
    { organisationId: org.id, email: "chair@example.org", role: "member", password: "the-right-password" },
    SYSTEM_ACTOR,
  );
});
afterAll(() => services.cleanup());

async function locationAfterSignIn(redirectTo: string): Promise<string | null> {
  const request = formRequest("/sign-in", { email: "chair@example.org", password: "the-right-password", redirectTo });
  const response = (await action({ request, context: loadContext(services), params: {} })) as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location");
}

/** Where a browser goes with that Location, from a page of this site. */
const followed = (location: string) => new URL(location, "http://localhost/sign-in");

describe("the page after signing in", () => {
  it.each(["/o/northfield/scorecard?period=2026-10&area=north#BV212", "/o/northfield/meetings", "/account"])(
    "is the page asked for: %s",
    async (target) => {
      expect(await locationAfterSignIn(target)).toBe(target);
    },
  );

  it.each([
    ["a protocol-relative URL", "//evil.example/o/northfield"],
    ["a backslash for the second slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return between the slashes", "/\r/evil.example"],
    ["a tab and a backslash", "/\t\\evil.example"],
    ["a dot segment that collapses to //", "/.//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a URL with credentials", "https://localhost@evil.example/"],
    ["a script URL", "javascript:alert(1)"],
    ["a data URL", "data:text/html,<script>alert(1)</script>"],
  ])("is home, never another site, for %s", async (_label, target) => {
    const location = (await locationAfterSignIn(target))!;
    expect(followed(location).origin).toBe("http://localhost");
    expect(location).toBe("/o/northfield");
  });

  it("keeps an encoded slash as part of a path of this site", async () => {
    const location = (await locationAfterSignIn("/%2F%2Fevil.example"))!;
    expect(followed(location).origin).toBe("http://localhost");
  });
});
