import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/account";
import { findUserByEmail } from "../../db/queries/users";
import { SYSTEM_ACTOR } from "../../server/audit";
import { verifyPassword } from "../../server/auth/passwords";
import { readSessionToken } from "../../server/auth/session-cookie";
import { findSessionUser } from "../../server/auth/sessions";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;

beforeAll(async () => {
  services = await createTestServices();
  orgId = (await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR)).id;
});
afterAll(() => services.cleanup());

type Answer = { data: { fieldErrors: Record<string, string>; changed: boolean } };
const change = (cookie: string, current: string, password: string, clientAddress = "127.0.0.1") =>
  action({
    request: formRequest("/account", { current, password, confirm: password }, cookie),
    context: { ...loadContext(services), clientAddress },
    params: {},
  });
const sessionOf = async (cookie: string) =>
  findSessionUser(services.db, (await readSessionToken(services.config.sessionSecret, cookie))!);

describe("changing your password", () => {
  it("ends your other sessions and keeps the one you are using", async () => {
    const user = await addMember(
      services.db,
      { organisationId: orgId, email: "chair@example.org", role: "member", password: "the-old-password" },
      SYSTEM_ACTOR,
    );
    const here = await cookieFor(services, user.id);
    const elsewhere = await cookieFor(services, user.id);
    expect(await change(here, "the-old-password", "the-new-password")).toMatchObject({ changed: true });
    expect(await sessionOf(here)).not.toBeNull();
    expect(await sessionOf(elsewhere)).toBeNull();
    const after = await findUserByEmail(services.db, "chair@example.org");
    expect(await verifyPassword(after!.passwordHash, "the-new-password")).toBe(true);
  });

  it("limits guesses at the current password (429), and the limit is per person and client", async () => {
    const user = await addMember(
      services.db,
      { organisationId: orgId, email: "stolen@example.org", role: "member", password: "the-real-password" },
      SYSTEM_ACTOR,
    );
    const cookie = await cookieFor(services, user.id);
    for (let i = 0; i < 5; i++) {
      expect(await statusOf(change(cookie, `guess-number-${i}`, "the-thiefs-password", "203.0.113.5"))).toBe(400);
    }
    const blocked = (await change(cookie, "the-real-password", "the-thiefs-password", "203.0.113.5")) as unknown as Answer;
    expect(await statusOf(Promise.resolve(blocked))).toBe(429);
    expect(blocked.data.fieldErrors.current).toMatch(/Too many wrong passwords\. Wait \d+ minutes?/);
    const after = await findUserByEmail(services.db, "stolen@example.org");
    expect(await verifyPassword(after!.passwordHash, "the-real-password")).toBe(true);
  });

  it("refuses a new password longer than 256 characters with a clear message", async () => {
    const user = await addMember(
      services.db,
      { organisationId: orgId, email: "verbose@example.org", role: "member", password: "the-old-password" },
      SYSTEM_ACTOR,
    );
    const answer = (await change(await cookieFor(services, user.id), "the-old-password", "x".repeat(257))) as unknown as Answer;
    expect(answer.data.fieldErrors.password).toBe("A password can be at most 256 characters long");
  });
});
