import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMembership, findUserByEmail } from "../../db/queries/users";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { verifyPassword } from "../auth/passwords";
import { createSession, findSessionUser } from "../auth/sessions";
import { CommandError } from "./errors";
import { createInvitation, createPasswordReset, listPendingInvitations, redeemLink, RESET_REFUSED } from "./one-time-links";
import { createOrganisation } from "./organisation-creator";
import { addMember } from "./user-creator";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createOrganisation(database.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR)).id;
});
afterAll(() => database.cleanup());

describe("invitations", () => {
  it("creates the account and membership when the invitee sets a password", async () => {
    const { token } = await createInvitation(
      database.db,
      { organisationId: orgId, email: "New.Person@Example.org", role: "officer", invitedBy: null },
      SYSTEM_ACTOR,
    );
    expect(await listPendingInvitations(database.db, orgId)).toHaveLength(1);
    const { userId } = await redeemLink(database.db, { token, password: "a-long-password", name: "New Person" });
    const user = await findUserByEmail(database.db, "new.person@example.org");
    expect(user?.id).toBe(userId);
    expect(await verifyPassword(user!.passwordHash, "a-long-password")).toBe(true);
    expect((await findMembership(database.db, userId, "riverside"))?.role).toBe("officer");
    expect(await listPendingInvitations(database.db, orgId)).toHaveLength(0);
  });

  it("works only once", async () => {
    const { token } = await createInvitation(
      database.db,
      { organisationId: orgId, email: "once@example.org", role: "member", invitedBy: null },
      SYSTEM_ACTOR,
    );
    await redeemLink(database.db, { token, password: "a-long-password", name: "Once" });
    await expect(redeemLink(database.db, { token, password: "another-password", name: "Once" })).rejects.toThrow(
      /expired or has already been used/,
    );
  });

  it("expires after 7 days", async () => {
    const issued = new Date("2026-11-01T10:00:00Z");
    const { token } = await createInvitation(
      database.db,
      { organisationId: orgId, email: "late@example.org", role: "member", invitedBy: null },
      SYSTEM_ACTOR,
      issued,
    );
    const eightDaysLater = new Date("2026-11-09T10:00:01Z");
    await expect(
      redeemLink(database.db, { token, password: "a-long-password", name: "Late" }, eightDaysLater),
    ).rejects.toBeInstanceOf(CommandError);
  });

  it("refuses to invite an existing member", async () => {
    await addMember(
      database.db,
      { organisationId: orgId, email: "already@example.org", role: "viewer", password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    await expect(
      createInvitation(
        database.db,
        { organisationId: orgId, email: "already@example.org", role: "member", invitedBy: null },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow(/already a member/);
  });
});

describe("password resets", () => {
  it("sets the new password and ends the person's other sessions", async () => {
    const user = await addMember(
      database.db,
      { organisationId: orgId, email: "forgetful@example.org", role: "member", password: "old-password-1" },
      SYSTEM_ACTOR,
    );
    const session = await createSession(database.db, user.id);
    const { token } = await createPasswordReset(
      database.db,
      { email: "forgetful@example.org", organisationId: orgId },
      SYSTEM_ACTOR,
    );
    await redeemLink(database.db, { token, password: "new-password-1" });
    const updated = await findUserByEmail(database.db, "forgetful@example.org");
    expect(await verifyPassword(updated!.passwordHash, "new-password-1")).toBe(true);
    expect(await findSessionUser(database.db, session.token)).toBeNull();
  });

  it("refuses an unknown address, to the operator in plain words and to an admin as any other refusal", async () => {
    await expect(
      createPasswordReset(database.db, { email: "nobody@example.org", organisationId: null }, SYSTEM_ACTOR),
    ).rejects.toThrow(/No account/);
    await expect(
      createPasswordReset(database.db, { email: "nobody@example.org", organisationId: orgId }, SYSTEM_ACTOR),
    ).rejects.toThrow(RESET_REFUSED);
  });
});
