import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMeetingsOfOrganisation } from "../../db/queries/meeting-planning";
import { listAreas } from "../../db/queries/performance-library";
import { findIndicatorRuleByCode, findPlanActionByCode, listMilestonesOfAction, listObjectives } from "../../db/queries/plans";
import { findUserByEmail } from "../../db/queries/users";
import { registerInterest } from "../../server/commands/interest-commands";
import { seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The recent pages and APIs attacked from a second organisation: Southbank's admin, in
 * Southbank's own path (where they are an admin), naming Northfield's ids and codes. Each
 * must find nothing (404, or a form error that changes nothing), as an id that does not
 * exist would. Also malformed ids (404 or 400, never 500) and over-long text (400).
 */

const objectivePage = await import("../../app/routes/o.$orgSlug.objectives.$objectiveId");
const planPage = await import("../../app/routes/o.$orgSlug.plans.$planId._index");
const actionPage = await import("../../app/routes/o.$orgSlug.plans.$planId.actions.$planActionId");
const improvementsPage = await import("../../app/routes/o.$orgSlug.improvements");
const interestsPage = await import("../../app/routes/o.$orgSlug.interests");
const apologiesPage = await import("../../app/routes/o.$orgSlug.meetings.$meetingId.apologies");
const presentPage = await import("../../app/routes/o.$orgSlug_.meetings.$meetingId.present");
const areaPage = await import("../../app/routes/o.$orgSlug.areas.$area");
const areasPage = await import("../../app/routes/o.$orgSlug.areas._index");
const objectiveApi = await import("../../app/routes/api.v1.o.$orgSlug.objectives.$objectiveId.thread");
const indicatorApi = await import("../../app/routes/api.v1.o.$orgSlug.indicators.$code.thread");
const publishApi = await import("../../app/routes/api.v1.o.$orgSlug.reporting-months.$period.publish");

let services: Awaited<ReturnType<typeof createTestServices>>;
let demo: DemoCallers;
let ids: {
  planId: string;
  actionId: string;
  otherPlanActionId: string;
  otherActionMilestoneId: string;
  objectiveId: string;
  indicatorId: string;
  meetingId: string;
  interestId: string;
  areaId: string;
  areaName: string;
};

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  demo = await seedDemoCallers(services);
  const a1 = (await findPlanActionByCode(db, demo.orgId, "SIP-REP", "A1"))!;
  const v1 = (await findPlanActionByCode(db, demo.orgId, "SIP-VOID", "V1")) ?? null;
  const other = v1 ?? (await findPlanActionByCode(db, demo.orgId, "SIP-REP", "A2"))!;
  const member = (await findUserByEmail(db, "member@northfield.example"))!;
  const interest = await registerInterest(
    db,
    { organisationId: demo.orgId, userId: member.id, interest: "Governor of Northfield School", kind: "other" },
    { userId: member.id, label: member.email },
  );
  const area = (await listAreas(db, demo.orgId))[0]!;
  ids = {
    planId: a1.planId,
    actionId: a1.id,
    otherPlanActionId: other.id,
    otherActionMilestoneId: (await listMilestonesOfAction(db, demo.orgId, other.id))[0]?.id ?? a1.id,
    objectiveId: (await listObjectives(db, demo.orgId))[0]!.id,
    indicatorId: (await findIndicatorRuleByCode(db, demo.orgId, "BV212"))!.id,
    meetingId: (await listMeetingsOfOrganisation(db, demo.orgId))[0]!.id,
    interestId: interest.id,
    areaId: area.id,
    areaName: area.name,
  };
}, 600_000);
afterAll(async () => services?.cleanup());

const get = (path: string, auth: { cookie?: string; token?: string } = {}) =>
  new Request(`http://localhost${path}`, {
    headers: {
      ...(auth.cookie ? { Cookie: auth.cookie } : {}),
      ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
    },
  });
const post = (path: string, body: unknown, auth: { cookie?: string; token?: string }) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: {
      "Content-Type": "application/json",
      ...(auth.cookie ? { Cookie: auth.cookie } : {}),
      ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
    },
  });
const args = (request: Request, params: Record<string, string>) => ({ request, context: loadContext(services), params });
const inSouthbank = (params: Record<string, string>) => ({ orgSlug: "southbank", ...params });
const inNorthfield = (params: Record<string, string>) => ({ orgSlug: "northfield", ...params });

describe("Southbank's admin naming Northfield's ids in Southbank's path", () => {
  it("finds none of Northfield's objectives, plans, plan actions, meetings or areas", async () => {
    const cookie = demo.cookies.outsider;
    const loads = [
      [objectivePage.loader, { objectiveId: ids.objectiveId }],
      [planPage.loader, { planId: ids.planId }],
      [actionPage.loader, { planId: ids.planId, planActionId: ids.actionId }],
      [apologiesPage.loader, { meetingId: ids.meetingId }],
      [presentPage.loader, { meetingId: ids.meetingId }],
      [areaPage.loader, { area: ids.areaName }],
    ] as const;
    for (const [loader, params] of loads)
      expect(await statusOf(loader(args(get("/x", { cookie }), inSouthbank(params))))).toBe(404);
  });

  it("records no progress on a Northfield plan action", async () => {
    const form = { intent: "action", quarter: "2026/27 Q3", status: "at_risk", note: "Taken over" };
    const params = inSouthbank({ planId: ids.planId, planActionId: ids.actionId });
    expect(await statusOf(actionPage.action(args(formRequest("/x", form, demo.cookies.outsider), params)))).toBe(404);
  });

  it("links no improvement to a Northfield indicator or plan action", async () => {
    const base = { title: "Borrowed", madeOn: "2026-09-01" };
    for (const extra of [{ indicatorId: ids.indicatorId }, { planActionId: ids.actionId }] as Record<string, string>[])
      expect(
        await statusOf(
          improvementsPage.action(args(formRequest("/x", { ...base, ...extra }, demo.cookies.outsider), inSouthbank({}))),
        ),
      ).toBe(400);
  });

  it("removes no entry of a Northfield member's register", async () => {
    const form = { intent: "remove", interestId: ids.interestId };
    expect(await statusOf(interestsPage.action(args(formRequest("/x", form, demo.cookies.outsider), inSouthbank({}))))).toBe(400);
  });

  it("renames no Northfield area", async () => {
    const form = { intent: "update-area", areaId: ids.areaId, name: "Taken", homes: "1" };
    expect(await statusOf(areasPage.action(args(formRequest("/x", form, demo.cookies.outsider), inSouthbank({}))))).toBe(400);
    const names = (await listAreas(services.db, demo.orgId)).map((a) => a.name);
    expect(names).toContain(ids.areaName);
    expect(names).not.toContain("Taken");
  });

  it("reads no Northfield thread and publishes no Northfield month with Southbank's token", async () => {
    const token = demo.otherToken;
    expect(await statusOf(objectiveApi.loader(args(get("/x", { token }), inSouthbank({ objectiveId: ids.objectiveId }))))).toBe(
      404,
    );
    expect(await statusOf(indicatorApi.loader(args(get("/x", { token }), inSouthbank({ code: "BV212" }))))).toBe(404);
    expect(await statusOf(publishApi.action(args(post("/x", {}, { token }), inNorthfield({ period: "2026-10" }))))).toBe(404);
  });
});

describe("nested ids within Northfield", () => {
  it("takes no commentary on another action's milestone", async () => {
    const form = {
      intent: "milestone",
      milestoneId: ids.otherActionMilestoneId,
      milestoneQuarter: "2026/27 Q2",
      commentary: "Not mine",
    };
    const params = inNorthfield({ planId: ids.planId, planActionId: ids.actionId });
    expect(await statusOf(actionPage.action(args(formRequest("/x", form, demo.cookies.admin), params)))).toBe(400);
  });

  it("finds no plan action under another plan", async () => {
    const params = inNorthfield({ planId: ids.planId, planActionId: ids.otherPlanActionId });
    expect(await statusOf(actionPage.loader(args(get("/x", { cookie: demo.cookies.admin }), params)))).toBe(404);
  });
});

describe("malformed ids", () => {
  it("answer 404 in the path and 400 in a form, never 500", async () => {
    const cookie = demo.cookies.admin;
    for (const bad of ["nope", "1", "00000000-0000-0000-0000-00000000000g", "' or 1=1 --"]) {
      expect(await statusOf(objectivePage.loader(args(get("/x", { cookie }), inNorthfield({ objectiveId: bad }))))).toBe(404);
      expect(await statusOf(planPage.loader(args(get("/x", { cookie }), inNorthfield({ planId: bad }))))).toBe(404);
      expect(
        await statusOf(actionPage.loader(args(get("/x", { cookie }), inNorthfield({ planId: ids.planId, planActionId: bad })))),
      ).toBe(404);
      expect(await statusOf(apologiesPage.loader(args(get("/x", { cookie }), inNorthfield({ meetingId: bad }))))).toBe(404);
      expect(await statusOf(presentPage.loader(args(get("/x", { cookie }), inNorthfield({ meetingId: bad }))))).toBe(404);
      expect(await statusOf(objectiveApi.loader(args(get("/x", { cookie }), inNorthfield({ objectiveId: bad }))))).toBe(404);
      expect(await statusOf(areaPage.loader(args(get("/x", { cookie }), inNorthfield({ area: bad }))))).toBe(404);
      const milestone = { intent: "milestone", milestoneId: bad, milestoneQuarter: "2026/27 Q2", commentary: "x" };
      const actionParams = inNorthfield({ planId: ids.planId, planActionId: ids.actionId });
      expect(await statusOf(actionPage.action(args(formRequest("/x", milestone, cookie), actionParams)))).toBe(400);
      const improvement = { title: "t", madeOn: "2026-09-01", indicatorId: bad };
      expect(await statusOf(improvementsPage.action(args(formRequest("/x", improvement, cookie), inNorthfield({}))))).toBe(400);
      const removal = { intent: "remove", interestId: bad };
      expect(await statusOf(interestsPage.action(args(formRequest("/x", removal, cookie), inNorthfield({}))))).toBe(400);
      const area = { intent: "update-area", areaId: bad, name: "X", homes: "1" };
      expect(await statusOf(areasPage.action(args(formRequest("/x", area, cookie), inNorthfield({}))))).toBe(400);
    }
    for (const period of ["2026-13", "x", "2026-1", "99999-01"])
      expect(await statusOf(publishApi.action(args(post("/x", {}, { token: demo.token }), inNorthfield({ period }))))).toBe(404);
  });
});

describe("over-long text", () => {
  const long = (n: number) => "x".repeat(n);
  it("is refused with a 400 on each new form and API", async () => {
    const cookie = demo.cookies.admin;
    const actionParams = inNorthfield({ planId: ids.planId, planActionId: ids.actionId });
    const note = { intent: "action", quarter: "2026/27 Q3", status: "at_risk", note: long(2001) };
    expect(await statusOf(actionPage.action(args(formRequest("/x", note, cookie), actionParams)))).toBe(400);
    for (const field of ["title", "description", "evidence", "publicSummary"]) {
      const form = { title: "t", madeOn: "2026-09-01", [field]: long(field === "title" ? 301 : 4001) };
      expect(await statusOf(improvementsPage.action(args(formRequest("/x", form, cookie), inNorthfield({}))))).toBe(400);
    }
    const interest = { intent: "register", interest: long(301), kind: "other" };
    expect(await statusOf(interestsPage.action(args(formRequest("/x", interest, demo.cookies.member), inNorthfield({}))))).toBe(
      400,
    );
    const publish = await publishApi.action(
      args(post("/x", { note: long(4001) }, { token: demo.token }), inNorthfield({ period: "2026-10" })),
    );
    expect(publish.status).toBe(400);
    const area = { intent: "create-area", name: long(81), homes: "1" };
    expect(await statusOf(areasPage.action(args(formRequest("/x", area, cookie), inNorthfield({}))))).toBe(400);
  });
});

describe("query periods at the edges of the calendar", () => {
  it("answer a page (or 404/400), never a 500", async () => {
    const pages = [
      ["../../app/routes/o.$orgSlug.scorecard", {}],
      ["../../app/routes/o.$orgSlug.scorecard[.csv]", {}],
      ["../../app/routes/o.$orgSlug.exceptions", {}],
      ["../../app/routes/o.$orgSlug.exceptions.$code", { code: "BV212" }],
      ["../../app/routes/o.$orgSlug.indicators.$code/route", { code: "BV212" }],
      ["../../app/routes/o.$orgSlug.months", {}],
      ["../../app/routes/o.$orgSlug.areas.$area", { area: ids.areaName }],
      ["../../app/routes/api.v1.o.$orgSlug.scorecard", {}],
      ["../../app/routes/api.v1.o.$orgSlug.exceptions", {}],
    ] as const;
    const failures: string[] = [];
    for (const [path, params] of pages) {
      const route = (await import(/* @vite-ignore */ path)) as { loader: (a: unknown) => Promise<unknown> };
      for (const period of ["9999-12", "9999-11", "0000-01", "0001-01", "2026-13"]) {
        try {
          const status = await statusOf(
            route.loader(args(get(`/x?period=${period}`, { cookie: demo.cookies.admin }), inNorthfield(params))),
          );
          if (status >= 500) failures.push(`${path} ${period}: ${status}`);
        } catch (error) {
          failures.push(`${path} ${period}: ${String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("the meeting, body, action and pack pages", () => {
  const routes = {
    meeting: "../../app/routes/o.$orgSlug.meetings.$meetingId._index/route",
    session: "../../app/routes/o.$orgSlug.meetings.$meetingId.session/route",
    pack: "../../app/routes/o.$orgSlug.meetings.$meetingId.pack",
    report: "../../app/routes/o.$orgSlug.meetings.$meetingId.reports.$itemId/route",
    body: "../../app/routes/o.$orgSlug.bodies.$bodyId",
    action: "../../app/routes/o.$orgSlug.actions.$actionId",
    packVersion: "../../app/routes/o.$orgSlug.packs.$packId.v.$version._index",
    publicPack: "../../app/routes/p.$orgSlug.packs.$packId.v.$version",
  } as const;
  const load = async (name: keyof typeof routes, params: Record<string, string>, cookie?: string) => {
    const route = (await import(/* @vite-ignore */ routes[name])) as { loader: (a: unknown) => Promise<unknown> };
    return statusOf(route.loader(args(get("/x", { cookie }), params)));
  };

  it("answer 404 to Southbank's admin for Northfield's meeting in Southbank's path, and to malformed ids", async () => {
    const meetingId = ids.meetingId;
    const item = "33333333-3333-4333-8333-333333333333";
    expect(await load("meeting", inSouthbank({ meetingId }), demo.cookies.outsider)).toBe(404);
    expect(await load("session", inSouthbank({ meetingId }), demo.cookies.outsider)).toBe(404);
    expect(await load("pack", inSouthbank({ meetingId }), demo.cookies.outsider)).toBe(404);
    expect(await load("report", inSouthbank({ meetingId, itemId: item }), demo.cookies.outsider)).toBe(404);
    for (const bad of ["nope", "' or 1=1 --", "00000000-0000-0000-0000-00000000000g"]) {
      const cookie = demo.cookies.admin;
      expect(await load("meeting", inNorthfield({ meetingId: bad }), cookie)).toBe(404);
      expect(await load("session", inNorthfield({ meetingId: bad }), cookie)).toBe(404);
      expect(await load("pack", inNorthfield({ meetingId: bad }), cookie)).toBe(404);
      expect(await load("report", inNorthfield({ meetingId, itemId: bad }), cookie)).toBe(404);
      expect(await load("body", inNorthfield({ bodyId: bad }), cookie)).toBe(404);
      expect(await load("action", inNorthfield({ actionId: bad }), cookie)).toBe(404);
      for (const version of ["1", "x", "-1", "99999999999999999999"]) {
        expect(await load("packVersion", inNorthfield({ packId: bad, version }), cookie)).toBe(404);
        expect(await load("publicPack", inNorthfield({ packId: bad, version }))).toBe(404);
        expect(await load("packVersion", inNorthfield({ packId: item, version }), cookie)).toBe(404);
      }
    }
  });
});
