import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as invite } from "../../app/routes/invite.$token";
import { action as createBody } from "../../app/routes/o.$orgSlug.bodies._index";
import { bodies } from "../../db/schema/meetings";
import { users } from "../../db/schema/identity";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createInvitation } from "../../server/commands/one-time-links";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * Names and titles people type cannot hold bidirectional controls (U+202A–U+202E,
 * U+2066–U+2069), which would make them display as something other than what is stored.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let adminCookie: string;

beforeAll(async () => {
  services = await createTestServices();
  organisationId = (await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR)).id;
  const admin = await addMember(
    services.db,
    { organisationId, email: "admin@example.org", role: "admin", password: "the-right-password" },
    SYSTEM_ACTOR,
  );
  adminCookie = await cookieFor(services, admin.id);
});
afterAll(() => services.cleanup());

describe("bidi controls in typed names and titles", () => {
  it("are taken out of a committee's name", async () => {
    const request = formRequest(
      "/o/northfield/bodies",
      {
        name: "Performance \u202Eeettimmoc\u202C \u2066Committee\u2069",
        kind: "committee",
        minutePrefix: "PC",
        quorumCount: "3",
      },
      adminCookie,
    );
    expect(await statusOf(createBody({ request, context: loadContext(services), params: { orgSlug: "northfield" } }))).toBe(302);
    const [body] = await services.db.select({ name: bodies.name }).from(bodies).where(eq(bodies.organisationId, organisationId));
    expect(body.name).toBe("Performance eettimmoc Committee");
  });

  it("are taken out of the name given when accepting an invitation", async () => {
    const { token } = await createInvitation(
      services.db,
      { organisationId, email: "new.member@example.org", role: "member", invitedBy: null },
      SYSTEM_ACTOR,
    );
    const request = formRequest(`/invite/${token}`, {
      name: "\u202BMaryam\u202C Al\u2067-\u2069Hassan",
      password: "a-long-enough-password",
      confirm: "a-long-enough-password",
    });
    expect(await statusOf(invite({ request, context: loadContext(services), params: { token } }))).toBe(302);
    const [user] = await services.db.select({ name: users.name }).from(users).where(eq(users.email, "new.member@example.org"));
    expect(user.name).toBe("Maryam Al-Hassan");
  });
});
