import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as detailAction, loader as detailLoader } from "../../app/routes/o.$orgSlug.actions.$actionId";
import { action as logAction, loader as logLoader } from "../../app/routes/o.$orgSlug.actions._index";
import { ukToday } from "../../app/shared/meetings/action-status";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { actions, actionUpdates, bodies, meetings } from "../../db/schema/meetings";
import { SYSTEM_ACTOR } from "../../server/audit";
import { enterAgreedActions } from "../../server/commands/action-log";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let orgId: string;
let memberAction: string;
let overdueAction: string;
// The demo has its own committees and actions: these tests look at a committee of their own.
let bodyId: string;

/** A day counted from today in the UK, as YYYY-MM-DD: the routes measure "overdue" against the real today. */
const dayFromToday = (days: number) => {
  const d = new Date(`${ukToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  orgId = (await findOrganisationBySlug(db, "northfield"))!.id;
  for (const role of ["admin", "officer", "member", "viewer"] as const) {
    const user = (await findUserByEmail(db, `${role}@northfield.example`))!;
    users[role] = user.id;
    cookies[role] = await cookieFor(services, user.id);
  }
  const otherMember = await addMember(
    db,
    { organisationId: orgId, email: "member2@northfield.example", role: "member", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.otherMember = await cookieFor(services, otherMember.id);
  const southbank = await createOrganisation(db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    db,
    { organisationId: southbank.id, email: "admin@southbank.example", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);

  const [body] = await db
    .insert(bodies)
    .values({ organisationId: orgId, name: "Housing Services Committee", kind: "committee", minutePrefix: "HSC", quorumCount: 3 })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      organisationId: orgId,
      bodyId: body.id,
      kind: "committee",
      title: "Performance Committee",
      startsAt: new Date("2026-09-21T18:00:00Z"),
      status: "closed",
    })
    .returning();
  const agreed = (key: string, owner: string, dueDate: string) => ({
    sourceKey: key,
    agendaItemId: null,
    minuteNumber: `PC 26/${key}`,
    description: `Action ${key}`,
    ownerUserId: owner,
    dueDate,
    indicatorId: null,
  });
  const { entered } = await enterAgreedActions(
    db,
    {
      meeting: { id: meeting.id, organisationId: orgId, bodyId: body.id },
      actions: [agreed("10", users.member, dayFromToday(60)), agreed("11", users.officer, dayFromToday(-1))],
    },
    SYSTEM_ACTOR,
  );
  [memberAction, overdueAction] = entered.map((a) => a.id);
  bodyId = body.id;
});
afterAll(() => services.cleanup());

const context = () => loadContext(services);
const detailParams = (actionId: string, orgSlug = "northfield") => ({ orgSlug, actionId });
const postUpdate = (cookie: string, fields: Record<string, string>, actionId = memberAction, orgSlug = "northfield") =>
  detailAction({
    request: formRequest(`/o/${orgSlug}/actions/${actionId}`, fields, cookie),
    context: context(),
    params: detailParams(actionId, orgSlug),
  });
const getDetail = (cookie: string, actionId = memberAction, orgSlug = "northfield") =>
  detailLoader({
    request: new Request(`http://localhost/o/${orgSlug}/actions/${actionId}`, { headers: { Cookie: cookie } }),
    context: context(),
    params: detailParams(actionId, orgSlug),
  });
const getLog = (cookie: string, search = "") =>
  logLoader({
    request: new Request(`http://localhost/o/northfield/actions${search}`, { headers: { Cookie: cookie } }),
    context: context(),
    params: { orgSlug: "northfield" },
  });
const postAdd = (cookie: string, fields: Record<string, string>) =>
  logAction({
    request: formRequest("/o/northfield/actions", { intent: "add", ...fields }, cookie),
    context: context(),
    params: { orgSlug: "northfield" },
  });

const stateOf = async (actionId: string) => {
  const [row] = await services.db.select({ status: actions.status }).from(actions).where(eq(actions.id, actionId));
  const updates = await services.db.select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId));
  return { status: row.status, updates: updates.length };
};

describe("reporting progress on an action", () => {
  it("lets the owner report progress and change the status, then shows it on the page", async () => {
    const response = (await postUpdate(cookies.member, {
      status: "on_track",
      note: "Met the contractor; programme agreed.",
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/o/northfield/actions/${memberAction}?saved=updated`);
    expect(await stateOf(memberAction)).toEqual({ status: "on_track", updates: 2 });
    const page = await getDetail(cookies.member);
    expect(page.canUpdate).toBe(true);
    expect(page.history[0]).toMatchObject({
      status: "on_track",
      note: "Met the contractor; programme agreed.",
      by: "Cllr Margaret Hughes",
    });
  });

  it.each([
    ["another member", "otherMember"],
    ["a viewer", "viewer"],
  ])("refuses %s (403) and changes nothing", async (_who, key) => {
    const before = await stateOf(memberAction);
    expect(await statusOf(postUpdate(cookies[key], { status: "complete", note: "Done" }))).toBe(403);
    expect(await stateOf(memberAction)).toEqual(before);
  });

  it("shows the page read-only to those who may not update", async () => {
    expect((await getDetail(cookies.viewer)).canUpdate).toBe(false);
    expect((await getDetail(cookies.otherMember)).canUpdate).toBe(false);
    expect((await getDetail(cookies.officer)).canUpdate).toBe(true);
  });

  it("answers 404 to another organisation, whichever address it uses", async () => {
    expect(await statusOf(postUpdate(cookies.outsider, { status: "complete", note: "Done" }))).toBe(404);
    expect(await statusOf(postUpdate(cookies.outsider, { status: "complete", note: "Done" }, memberAction, "southbank"))).toBe(
      404,
    );
    expect(await statusOf(getDetail(cookies.outsider))).toBe(404);
    expect(await statusOf(getDetail(cookies.outsider, memberAction, "southbank"))).toBe(404);
    expect(await statusOf(getDetail(cookies.member, "not-an-id"))).toBe(404);
  });

  it.each([
    ["an unknown status", { status: "finished", note: "Done" }, "status"],
    ["a note over 2,000 characters", { status: "complete", note: "x".repeat(2001) }, "note"],
    ["no note and no change of status", { status: "on_track", note: "  " }, "note"],
  ])("answers 400 with the field's error to %s, and changes nothing", async (_what, fields, field) => {
    const before = await stateOf(memberAction);
    const result = (await postUpdate(cookies.member, fields)) as unknown as {
      data: { fieldErrors: Record<string, string> };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.fieldErrors[field]).toBeTruthy();
    expect(await stateOf(memberAction)).toEqual(before);
  });
});

describe("the action log", () => {
  it("filters to overdue actions, flagged as overdue in words", async () => {
    const page = await getLog(cookies.viewer, `?status=overdue&body=${bodyId}`);
    expect(page.rows.map((r) => r.id)).toEqual([overdueAction]);
    expect(page.rows[0]).toMatchObject({ shownStatus: "overdue", shownStatusText: "Overdue" });
    expect(page.counts).toMatchObject({ overdue: 1 });
    expect(page.addForm).toBeNull();
  });

  it("shows only the signed-in person's actions when asked", async () => {
    const page = await getLog(cookies.member, `?status=all&mine=1&body=${bodyId}`);
    expect(page.rows.map((r) => r.id)).toEqual([memberAction]);
  });

  it("answers 400 to a filter it does not know", async () => {
    expect(await statusOf(getLog(cookies.member, "?status=late"))).toBe(400);
    expect(await statusOf(getLog(cookies.member, "?body=not-a-body"))).toBe(400);
    expect(await statusOf(getLog(cookies.member, "?body=00000000-0000-4000-8000-000000000000"))).toBe(400);
  });

  it("lets an officer add an action, and refuses members (403) and bad input (400)", async () => {
    const fields = {
      description: "Audit the lettings process",
      ownerUserId: users.member,
      dueDate: dayFromToday(30),
      bodyId: "",
      indicatorId: "",
    };
    expect((await getLog(cookies.officer)).addForm).not.toBeNull();
    const response = (await postAdd(cookies.officer, fields)) as Response;
    expect(response.status).toBe(302);
    const [added] = await services.db
      .select()
      .from(actions)
      .where(and(eq(actions.organisationId, orgId), eq(actions.description, "Audit the lettings process")));
    expect(response.headers.get("Location")).toBe(`/o/northfield/actions/${added.id}?saved=added`);

    expect(await statusOf(postAdd(cookies.member, { ...fields, description: "Another" }))).toBe(403);
    const bad = (await postAdd(cookies.officer, { ...fields, description: "Late", dueDate: "2026-02-30" })) as unknown as {
      data: { fieldErrors: Record<string, string>; values: Record<string, string> };
      init: { status: number };
    };
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors.dueDate).toBeTruthy();
    expect(bad.data.values.description).toBe("Late");
    const past = (await postAdd(cookies.officer, { ...fields, description: "Late", dueDate: dayFromToday(-3) })) as unknown as {
      init: { status: number };
    };
    expect(past.init.status).toBe(400);
    expect(await services.db.select().from(actions).where(eq(actions.description, "Late"))).toHaveLength(0);
  });
});
