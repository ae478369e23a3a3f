import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action } from "../../app/routes/sign-in";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  orgId = org.id;
  await addMember(
    services.db,
    { organisationId: org.id, email: "chair@example.org", role: "member", password: "the-right-password" },
    SYSTEM_ACTOR,
  );
});
afterAll(() => services.cleanup());

const signIn = (email: string, password: string, clientAddress = "127.0.0.1") =>
  action({
    request: formRequest("/sign-in", { email, password }),
    context: { ...loadContext(services), clientAddress },
    params: {},
  });

describe("signing in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie and goes to the organisation", async () => {
    const response = (await signIn("chair@example.org", "the-right-password")) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/o/northfield");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/minuted_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password with the same message as an unknown address", async () => {
    const wrong = (await signIn("chair@example.org", "wrong")) as unknown as { data: { fieldErrors: Record<string, string> } };
    const unknown = (await signIn("nobody@example.org", "wrong")) as unknown as { data: { fieldErrors: Record<string, string> } };
    expect(wrong.data.fieldErrors.email).toBe("The email address or password is not right");
    expect(unknown.data.fieldErrors).toEqual(wrong.data.fieldErrors);
  });

  it("limits repeated failures for an address from one client with a clear message (429)", async () => {
    for (let i = 0; i < 5; i++) await signIn("target@example.org", "guess");
    const blocked = signIn("target@example.org", "guess");
    expect(await statusOf(blocked)).toBe(429);
    const result = (await signIn("target@example.org", "guess")) as unknown as { data: { fieldErrors: { form: string } } };
    expect(result.data.fieldErrors.form).toMatch(/Too many failed attempts to sign in\. Wait \d+ minutes?/);
  });

  it("does not let a stranger lock a person out: the stranger's failures block only the stranger", async () => {
    for (let i = 0; i < 6; i++) await signIn("chair@example.org", `guess-${i}`, "203.0.113.66");
    expect(await statusOf(signIn("chair@example.org", "the-right-password", "203.0.113.66"))).toBe(429);
    const response = (await signIn("chair@example.org", "the-right-password", "198.51.100.20")) as Response;
    expect(response.status).toBe(302);
  });

  it("lets a client the person signed in from before through while guesses from many clients lock the address", async () => {
    await addMember(
      services.db,
      { organisationId: orgId, email: "treasurer@example.org", role: "member", password: "the-right-password" },
      SYSTEM_ACTOR,
    );
    expect(await statusOf(signIn("treasurer@example.org", "the-right-password", "198.51.100.30"))).toBe(302);
    for (let i = 0; i < 50; i++) await signIn("treasurer@example.org", "guess", `10.2.${Math.floor(i / 4)}.${i}`);
    expect(await statusOf(signIn("treasurer@example.org", "the-right-password", "10.9.9.9"))).toBe(429);
    expect(await statusOf(signIn("treasurer@example.org", "the-right-password", "198.51.100.30"))).toBe(302);
  });

  it("refuses a password longer than 256 characters without checking it", async () => {
    const result = (await signIn("chair@example.org", "x".repeat(10_000))) as unknown as {
      data: { fieldErrors: Record<string, string> };
    };
    expect(result.data.fieldErrors.password).toBe("A password can be at most 256 characters long");
  });
});
