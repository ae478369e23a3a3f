import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/invite.$token";
import { action as resetAction, loader as resetLoader } from "../../app/routes/reset.$token";
import { findMembership, findUserByEmail } from "../../db/queries/users";
import { SYSTEM_ACTOR } from "../../server/audit";
import { verifyPassword } from "../../server/auth/passwords";
import { createInvitation, createPasswordReset } from "../../server/commands/one-time-links";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let northfieldId: string;
let southbankId: string;

beforeAll(async () => {
  services = await createTestServices();
  northfieldId = (await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR)).id;
  southbankId = (await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR)).id;
});
afterAll(() => services.cleanup());

type Answer = { data: { fieldErrors: Record<string, string> } };

const inviteToSouthbank = async (email: string) =>
  (
    await createInvitation(
      services.db,
      { organisationId: southbankId, email, role: "admin", invitedBy: null },
      { userId: null, label: "southbank admin" },
    )
  ).token;
const member = (email: string, password?: string) =>
  addMember(services.db, { organisationId: northfieldId, email, role: "member", password }, SYSTEM_ACTOR);
const invitePage = (token: string, cookie?: string) =>
  loader({
    request: new Request(`http://localhost/invite/${token}`, { headers: cookie ? { Cookie: cookie } : {} }),
    context: loadContext(services),
    params: { token },
  });
const submit = (token: string, fields: Record<string, string>, cookie?: string) =>
  action({ request: formRequest(`/invite/${token}`, fields, cookie), context: loadContext(services), params: { token } });
const choosePassword = (token: string, password: string) => submit(token, { name: "Whoever", password, confirm: password });

describe("an invitation to an address that already has an account", () => {
  it("does not sign the link holder in, change the password or add the membership, whatever password is given", async () => {
    const chair = await member("chair@example.org", "the-chairs-own-password");
    const token = await inviteToSouthbank("chair@example.org");
    const answer = await choosePassword(token, "the-attackers-password");
    expect(answer).not.toBeInstanceOf(Response);
    expect(await statusOf(Promise.resolve(answer))).toBe(400);
    expect((answer as unknown as Answer).data.fieldErrors.form).toMatch(/Sign in as that account/);
    const after = await findUserByEmail(services.db, "chair@example.org");
    expect(await verifyPassword(after!.passwordHash, "the-chairs-own-password")).toBe(true);
    expect(await verifyPassword(after!.passwordHash, "the-attackers-password")).toBe(false);
    expect(await findMembership(services.db, chair.id, "southbank")).toBeNull();
  });

  it("asks the person to sign in as that account, and lets them join once they have", async () => {
    const clerk = await member("clerk@example.org", "the-clerks-own-password");
    const token = await inviteToSouthbank("clerk@example.org");
    const page = await invitePage(token);
    expect(page.invitation).toMatchObject({ email: "clerk@example.org", organisationName: "Southbank", needsSignIn: true });
    expect(page.signedInAs).toBeNull();

    const cookie = await cookieFor(services, clerk.id);
    expect((await invitePage(token, cookie)).signedInAs).toBe("clerk@example.org");
    const response = (await submit(token, { intent: "accept" }, cookie)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/o/southbank");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect((await findMembership(services.db, clerk.id, "southbank"))?.role).toBe("admin");
    const after = await findUserByEmail(services.db, "clerk@example.org");
    expect(await verifyPassword(after!.passwordHash, "the-clerks-own-password")).toBe(true);
  });

  it("is refused (403) to someone signed in as another account, and stays usable for the right one", async () => {
    const treasurer = await member("treasurer@example.org", "the-treasurers-password");
    const other = await member("other@example.org", "another-persons-password");
    const token = await inviteToSouthbank("treasurer@example.org");
    const otherCookie = await cookieFor(services, other.id);
    expect((await invitePage(token, otherCookie)).signedInAs).toBe("other@example.org");
    expect(await statusOf(submit(token, { intent: "accept" }, otherCookie))).toBe(403);
    expect(await findMembership(services.db, other.id, "southbank")).toBeNull();
    expect(await findMembership(services.db, treasurer.id, "southbank")).toBeNull();
    const response = (await submit(token, { intent: "accept" }, await cookieFor(services, treasurer.id))) as Response;
    expect(response.status).toBe(302);
  });

  it("sends someone not signed in who tries to accept to sign in first", async () => {
    await member("secretary@example.org", "the-secretarys-password");
    const token = await inviteToSouthbank("secretary@example.org");
    const thrown = await submit(token, { intent: "accept" }).catch((e) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect(thrown.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("does not set up an account that another organisation added and that has no password yet", async () => {
    const pending = await member("pending@example.org");
    const token = await inviteToSouthbank("pending@example.org");
    expect((await invitePage(token)).invitation?.needsSignIn).toBe(true);
    expect(await statusOf(choosePassword(token, "the-attackers-password"))).toBe(400);
    const after = await findUserByEmail(services.db, "pending@example.org");
    expect(after!.passwordHash).toBeNull();
    expect(await findMembership(services.db, pending.id, "northfield")).not.toBeNull();
    expect(await findMembership(services.db, pending.id, "southbank")).toBeNull();
  });
});

describe("an invitation to a new address", () => {
  it("creates the account with the chosen password and signs the person in", async () => {
    const token = await inviteToSouthbank("newcomer@example.org");
    expect((await invitePage(token)).invitation?.needsSignIn).toBe(false);
    const response = (await choosePassword(token, "a-brand-new-password")) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/minuted_session=/);
    const user = await findUserByEmail(services.db, "newcomer@example.org");
    expect((await findMembership(services.db, user!.id, "southbank"))?.role).toBe("admin");
  });
});

describe("one-time links are kept to their own page", () => {
  it("a reset link shows nothing on the invitation page and cannot be accepted there", async () => {
    await member("kept@example.org", "the-kept-password-1");
    const { token } = await createPasswordReset(
      services.db,
      { email: "kept@example.org", organisationId: northfieldId },
      SYSTEM_ACTOR,
    );
    expect((await invitePage(token)).invitation).toBeNull();
    const signedIn = await cookieFor(services, (await findUserByEmail(services.db, "kept@example.org"))!.id);
    expect(await statusOf(submit(token, { intent: "accept" }, signedIn))).toBe(403);
  });

  it("a reset link made while the person belonged to one organisation stops working once they join another", async () => {
    const mover = await member("mover@example.org", "the-movers-password-1");
    const { token } = await createPasswordReset(
      services.db,
      { email: "mover@example.org", organisationId: northfieldId },
      SYSTEM_ACTOR,
    );
    expect(
      (await resetLoader({ request: new Request("http://localhost/"), context: loadContext(services), params: { token } })).email,
    ).toBe("mover@example.org");
    await addMember(services.db, { organisationId: southbankId, email: "mover@example.org", role: "viewer" }, SYSTEM_ACTOR);
    const answer = await resetAction({
      request: formRequest(`/reset/${token}`, { password: "a-takeover-password", confirm: "a-takeover-password" }),
      context: loadContext(services),
      params: { token },
    });
    expect(await statusOf(Promise.resolve(answer))).toBe(400);
    const after = await findUserByEmail(services.db, mover.email);
    expect(await verifyPassword(after!.passwordHash, "the-movers-password-1")).toBe(true);
  });
});
