import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/o.$orgSlug.admin";
import { auditLog, memberships } from "../../db/schema/identity";
import { actions, bodyMembers, meetingAttendance } from "../../db/schema/meetings";
import { registeredInterests } from "../../db/schema/members";
import { objectives, planActions, plans } from "../../db/schema/plans";
import { indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createBody, setSeat } from "../../server/commands/body-commands";
import { createIndicator, createTheme } from "../../server/commands/indicator-commands";
import { registerInterest } from "../../server/commands/interest-commands";
import { createMeeting } from "../../server/commands/meeting-commands";
import { addMember } from "../../server/commands/user-creator";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";
import { riversideAndSouthbank } from "../support/two-organisations";

/*
 * People on the Admin page: an admin changes a member's role and removes a member, once
 * the member's open actions and indicators are passed to someone else. The organisation
 * always keeps an admin; another organisation's people are not found.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let riverside: { id: string };
let southbank: { id: string };

beforeAll(async () => {
  services = await createTestServices();
  const made = await riversideAndSouthbank(services);
  ({ riverside, southbank } = made);
  Object.assign(ids, made.ids);
  Object.assign(cookies, made.cookies);

  // The officer owns an indicator, manages another, and has an open and a finished action.
  const theme = await createTheme(services.db, { organisationId: riverside.id, name: "Decent Homes" }, SYSTEM_ACTOR);
  const base = {
    organisationId: riverside.id,
    title: "Indicator",
    category: "Local indicator",
    themeId: theme.id,
    unit: "%",
    polarity: "higher",
    frequency: "monthly",
    aggregation: "ratio",
    decimals: 1,
  };
  ids.owned = (
    await createIndicator(services.db, { ...base, code: "LPI-01", ownerUserId: ids.officer, managerUserId: null }, SYSTEM_ACTOR)
  ).id;
  ids.managed = (
    await createIndicator(
      services.db,
      { ...base, code: "LPI-02", ownerUserId: ids.admin, managerUserId: ids.officer },
      SYSTEM_ACTOR,
    )
  ).id;
  const [open] = await services.db
    .insert(actions)
    .values({
      organisationId: riverside.id,
      description: "Review void turnaround",
      ownerUserId: ids.officer,
      dueDate: "2027-01-31",
    })
    .returning();
  ids.openAction = open.id;
  const [done] = await services.db
    .insert(actions)
    .values({
      organisationId: riverside.id,
      description: "Done already",
      ownerUserId: ids.officer,
      dueDate: "2026-01-31",
      status: "complete",
    })
    .returning();
  ids.doneAction = done.id;

  // And in the golden thread: accountable for an objective, owner of a plan and of one of its actions.
  const [objective] = await services.db
    .insert(objectives)
    .values({
      organisationId: riverside.id,
      code: "OBJ1",
      title: "Safe homes",
      firstYear: "2025/26",
      lastYear: "2027/28",
      accountableUserId: ids.officer,
    })
    .returning();
  ids.objective = objective.id;
  const [plan] = await services.db
    .insert(plans)
    .values({
      organisationId: riverside.id,
      code: "SIP-VOID",
      title: "Voids",
      kind: "improvement",
      serviceArea: "Lettings",
      year: "2026/27",
      ownerUserId: ids.officer,
    })
    .returning();
  ids.plan = plan.id;
  const [planAction] = await services.db
    .insert(planActions)
    .values({
      organisationId: riverside.id,
      planId: plan.id,
      code: "A1",
      title: "Shorter repairs",
      startDate: "2026-04-01",
      dueDate: "2027-03-31",
      ownerUserId: ids.officer,
    })
    .returning();
  ids.planAction = planAction.id;
});
afterAll(() => services.cleanup());

const params = (orgSlug = "riverside") => ({ orgSlug });
const post = (fields: Record<string, string>, cookie: string, orgSlug = "riverside") =>
  action({
    request: formRequest(`/o/${orgSlug}/admin`, fields, cookie),
    context: loadContext(services),
    params: params(orgSlug),
  });
const get = (cookie: string, query = "", orgSlug = "riverside") =>
  loader({
    request: new Request(`http://localhost/o/${orgSlug}/admin${query}`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: params(orgSlug),
  });
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };
const roleOf = async (userId: string) =>
  (
    await services.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organisationId, riverside.id), eq(memberships.userId, userId)))
  )[0]?.role;

describe("changing a member's role", () => {
  it("lets an admin change a member's role, recorded in the audit log", async () => {
    const result = dataOf(await post({ intent: "change-role", userId: ids.viewer, role: "member" }, cookies.admin));
    expect(result.message).toMatch(/Riverside viewer’s role is now Member/);
    expect(await roleOf(ids.viewer)).toBe("member");
    const [entry] = await services.db.select().from(auditLog).where(eq(auditLog.action, "member.role"));
    expect(entry).toMatchObject({ subjectId: ids.viewer, before: { role: "viewer" }, after: { role: "member" } });
  });

  it("refuses the last admin demoting themselves, and allows it once there is another admin", async () => {
    const alone = dataOf(await post({ intent: "change-role", userId: ids.admin, role: "officer" }, cookies.admin));
    expect(alone.fieldErrors?.role).toMatch(/only admin/);
    expect(await roleOf(ids.admin)).toBe("admin");
    expect((await get(cookies.admin)).adminCount).toBe(1);

    await post({ intent: "change-role", userId: ids.member, role: "admin" }, cookies.admin);
    expect(dataOf(await post({ intent: "change-role", userId: ids.admin, role: "officer" }, cookies.admin)).message).toMatch(
      /Officer/,
    );
    // The new admin puts things back; now the first admin is the only one again.
    await post({ intent: "change-role", userId: ids.admin, role: "admin" }, cookies.member);
    await post({ intent: "change-role", userId: ids.member, role: "member" }, cookies.admin);
    expect(await roleOf(ids.admin)).toBe("admin");
    expect(await roleOf(ids.member)).toBe("member");
  });

  it("refuses officers and viewers (403), and another organisation's admin or member (404)", async () => {
    expect(await statusOf(post({ intent: "change-role", userId: ids.member, role: "admin" }, cookies.officer))).toBe(403);
    expect(await statusOf(post({ intent: "change-role", userId: ids.officer, role: "admin" }, cookies.viewer))).toBe(403);
    expect(await statusOf(post({ intent: "change-role", userId: ids.member, role: "viewer" }, cookies.outsider))).toBe(404);
    // Our admin naming another organisation's person: not found, and their role unchanged.
    expect(await statusOf(post({ intent: "change-role", userId: ids.outsider, role: "viewer" }, cookies.admin))).toBe(404);
    const [theirs] = await services.db.select().from(memberships).where(eq(memberships.userId, ids.outsider));
    expect(theirs.role).toBe("admin");
    expect(await roleOf(ids.member)).toBe("member");
  });
});

describe("removing a member", () => {
  it("lists the member's open actions and the indicators they own or manage", async () => {
    const page = await get(cookies.admin, `?remove=${ids.officer}`);
    expect(page.removal?.member.email).toBe("officer@riverside.example");
    expect(page.removal?.duties.actions.map((a) => a.description)).toEqual(["Review void turnaround"]);
    expect(page.removal?.duties.owned.map((i) => i.code)).toEqual(["LPI-01"]);
    expect(page.removal?.duties.managed.map((i) => i.code)).toEqual(["LPI-02"]);
    expect(page.removal?.duties.objectives.map((o) => o.code)).toEqual(["OBJ1"]);
    expect(page.removal?.duties.plans.map((p) => p.code)).toEqual(["SIP-VOID"]);
    expect(page.removal?.duties.planActions.map((a) => a.code)).toEqual(["SIP-VOID A1"]);
    expect(await statusOf(get(cookies.admin, `?remove=${ids.outsider}`))).toBe(404);
  });

  it("refuses removal until each is passed to another member, naming what is missing", async () => {
    const refused = dataOf(
      await post({ intent: "remove-member", userId: ids.officer, [`owner:${ids.owned}`]: ids.admin }, cookies.admin),
    );
    expect(refused.fieldErrors?.form).toMatch(/the action “Review void turnaround”, the manager of LPI-02/);
    // Another organisation's person is not someone to pass them to, nor is the member leaving.
    const foreign = dataOf(
      await post(
        {
          intent: "remove-member",
          userId: ids.officer,
          [`action:${ids.openAction}`]: ids.outsider,
          [`owner:${ids.owned}`]: ids.officer,
          [`manager:${ids.managed}`]: "",
        },
        cookies.admin,
      ),
    );
    expect(foreign.fieldErrors?.form).toMatch(
      /the action “Review void turnaround”, the owner of LPI-01, accountable for OBJ1, the owner of the plan SIP-VOID, the owner of the plan action SIP-VOID A1$/,
    );
    expect(await roleOf(ids.officer)).toBe("officer");
  });

  it("removes the member once everything is reassigned, keeping their finished actions as they were", async () => {
    // The officer also sits on a committee and keeps a register here, and does both at Southbank too.
    const upcoming: Record<string, string> = {};
    const committeeOf = async (organisationId: string, name: string) => {
      const body = await createBody(
        services.db,
        { organisationId, name, kind: "committee", minutePrefix: "PC", termsOfReference: "", quorumCount: "1" },
        SYSTEM_ACTOR,
      );
      await setSeat(
        services.db,
        { organisationId, bodyId: body.id, userId: ids.officer, position: "member", memberKind: "independent" },
        SYSTEM_ACTOR,
      );
      // A meeting not yet opened lists every seat as expected; the removal takes the officer off it.
      const meeting = await createMeeting(
        services.db,
        {
          organisationId,
          bodyId: body.id,
          kind: "",
          title: "",
          date: "2027-01-14",
          time: "18:00",
          place: "Room 1",
          onlineLink: "",
        },
        SYSTEM_ACTOR,
      );
      upcoming[organisationId] = meeting.id;
      await registerInterest(
        services.db,
        { organisationId, userId: ids.officer, interest: `Governor at ${name}`, kind: "other" },
        SYSTEM_ACTOR,
      );
    };
    await addMember(
      services.db,
      { organisationId: southbank.id, email: "officer@riverside.example", role: "member" },
      SYSTEM_ACTOR,
    );
    await committeeOf(riverside.id, "Riverside Performance Committee");
    await committeeOf(southbank.id, "Southbank Performance Committee");

    const response = await post(
      {
        intent: "remove-member",
        userId: ids.officer,
        [`action:${ids.openAction}`]: ids.member,
        [`owner:${ids.owned}`]: ids.admin,
        [`manager:${ids.managed}`]: "",
        [`objective:${ids.objective}`]: ids.admin,
        [`plan:${ids.plan}`]: ids.member,
        [`plan-action:${ids.planAction}`]: ids.member,
      },
      cookies.admin,
    );
    expect((response as Response).headers.get("Location")).toBe("/o/riverside/admin?removed=officer%40riverside.example");
    expect(await roleOf(ids.officer)).toBeUndefined();
    const [open] = await services.db.select().from(actions).where(eq(actions.id, ids.openAction));
    expect(open.ownerUserId).toBe(ids.member);
    const [done] = await services.db.select().from(actions).where(eq(actions.id, ids.doneAction));
    expect(done.ownerUserId).toBe(ids.officer);
    const rows = await services.db.select().from(indicators).where(eq(indicators.organisationId, riverside.id));
    expect(Object.fromEntries(rows.map((r) => [r.code, [r.ownerUserId, r.managerUserId]]))).toEqual({
      "LPI-01": [ids.admin, null],
      "LPI-02": [ids.admin, null],
    });
    const [objective] = await services.db.select().from(objectives).where(eq(objectives.id, ids.objective));
    const [plan] = await services.db.select().from(plans).where(eq(plans.id, ids.plan));
    const [planAction] = await services.db.select().from(planActions).where(eq(planActions.id, ids.planAction));
    expect([objective.accountableUserId, plan.ownerUserId, planAction.ownerUserId]).toEqual([ids.admin, ids.member, ids.member]);
    // Their seat here ends (it would count towards the quorum) and their register here is closed; Southbank's stay.
    const seats = await services.db.select().from(bodyMembers).where(eq(bodyMembers.userId, ids.officer));
    expect(seats).toHaveLength(1);
    const expected = await services.db
      .select({ meetingId: meetingAttendance.meetingId })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.userId, ids.officer));
    expect(expected.map((e) => e.meetingId)).toEqual([upcoming[southbank.id]]);
    const register = await services.db.select().from(registeredInterests).where(eq(registeredInterests.userId, ids.officer));
    expect(
      register.map((r) => [r.organisationId === southbank.id ? "southbank" : "riverside", r.removedAt === null]).sort(),
    ).toEqual([
      ["riverside", false],
      ["southbank", true],
    ]);
    const [audit] = await services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, riverside.id), eq(auditLog.action, "member.remove")));
    expect(audit.after).toMatchObject({ seatsEnded: ["Riverside Performance Committee"], interestsClosed: 1 });
    // The removed officer's session no longer reaches the organisation.
    expect(await statusOf(get(cookies.officer))).toBe(404);
  });

  it("never removes the last admin, nor another organisation's member", async () => {
    const last = dataOf(
      await post({ intent: "remove-member", userId: ids.admin, [`owner:${ids.owned}`]: ids.member }, cookies.admin),
    );
    expect(last.fieldErrors?.form).toMatch(/only admin/);
    expect(await roleOf(ids.admin)).toBe("admin");
    expect(await statusOf(post({ intent: "remove-member", userId: ids.outsider }, cookies.admin))).toBe(404);
    expect(await statusOf(post({ intent: "remove-member", userId: ids.member }, cookies.viewer))).toBe(403);
    expect(await statusOf(post({ intent: "remove-member", userId: ids.member }, cookies.outsider))).toBe(404);
    const [theirs] = await services.db.select().from(memberships).where(eq(memberships.userId, ids.outsider));
    expect(theirs.organisationId).toBe(southbank.id);
  });

  it("says someone was removed only for the address of someone no longer a member, not for any text in the link", async () => {
    const removedOf = async (query: string) => ((await get(cookies.admin, query)) as { removed: string | null }).removed;
    expect(await removedOf("?removed=officer%40riverside.example")).toBe("officer@riverside.example");
    const spoof = "Your session has expired. Sign in again at https://evil.example/riverside – IT";
    expect(await removedOf(`?removed=${encodeURIComponent(spoof)}`)).toBeNull();
    expect(await removedOf("?removed=member%40riverside.example")).toBeNull();
    expect(await removedOf(`?removed=${"a".repeat(5000)}%40riverside.example`)).toBeNull();
  });
});
