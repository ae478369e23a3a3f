import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPlanActionByCode, listMilestonesOfAction, listObjectives } from "../../db/queries/plans";
import { seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The golden thread's pages, form and APIs (ADR 021) by role and from another
 * organisation: reads for everyone of the organisation, progress for officers, admins and
 * the action's owner, improvements for officers and admins, 404 for anyone else's.
 */

const objectivesIndex = await import("../../app/routes/o.$orgSlug.objectives._index");
const objectivePage = await import("../../app/routes/o.$orgSlug.objectives.$objectiveId");
const plansIndex = await import("../../app/routes/o.$orgSlug.plans._index");
const planPage = await import("../../app/routes/o.$orgSlug.plans.$planId._index");
const actionPage = await import("../../app/routes/o.$orgSlug.plans.$planId.actions.$planActionId");
const improvementsPage = await import("../../app/routes/o.$orgSlug.improvements");
const indicatorApi = await import("../../app/routes/api.v1.o.$orgSlug.indicators.$code.thread");
const objectiveApi = await import("../../app/routes/api.v1.o.$orgSlug.objectives.$objectiveId.thread");

let services: Awaited<ReturnType<typeof createTestServices>>;
let cookies: DemoCallers["cookies"];
let ids: { planId: string; actionId: string; objectiveId: string; slippedId: string };

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  const demo = await seedDemoCallers(services);
  cookies = demo.cookies;
  const a1 = (await findPlanActionByCode(db, demo.orgId, "SIP-REP", "A1"))!;
  const milestones = await listMilestonesOfAction(db, demo.orgId, a1.id);
  ids = {
    planId: a1.planId,
    actionId: a1.id,
    objectiveId: (await listObjectives(db, demo.orgId))[0]!.id,
    slippedId: milestones.find((m) => m.completedOn === null && m.dueDate < "2026-10-01")!.id,
  };
}, 600_000);
afterAll(async () => services?.cleanup());

const get = (path: string, cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
const args = (request: Request, params: Record<string, string>) => ({ request, context: loadContext(services), params });

describe("the pages", () => {
  it("are read by everyone of the organisation and no one else", async () => {
    const pages = [
      [objectivesIndex, "/o/northfield/objectives", {}],
      [objectivePage, `/o/northfield/objectives/${ids.objectiveId}`, { objectiveId: ids.objectiveId }],
      [plansIndex, "/o/northfield/plans", {}],
      [planPage, `/o/northfield/plans/${ids.planId}`, { planId: ids.planId }],
      [
        actionPage,
        `/o/northfield/plans/${ids.planId}/actions/${ids.actionId}`,
        { planId: ids.planId, planActionId: ids.actionId },
      ],
      [improvementsPage, "/o/northfield/improvements", {}],
    ] as const;
    for (const [route, path, params] of pages) {
      expect(await statusOf(route.loader(args(get(path, cookies.viewer), { orgSlug: "northfield", ...params })))).toBe(200);
      expect(await statusOf(route.loader(args(get(path, cookies.outsider), { orgSlug: "northfield", ...params })))).toBe(404);
    }
  });

  it("reads a quarter out of range in the query as no quarter, never a 500", async () => {
    for (const quarter of ["9999/00 Q4", "9999/00 Q1", "nope"]) {
      const path = `/o/northfield/plans/${ids.planId}?quarter=${encodeURIComponent(quarter)}`;
      expect(
        await statusOf(planPage.loader(args(get(path, cookies.viewer), { orgSlug: "northfield", planId: ids.planId }))),
      ).toBe(200);
    }
  });

  it("answers 404 for a plan action under another plan or a malformed id", async () => {
    const wrongPlan = { orgSlug: "northfield", planId: ids.objectiveId, planActionId: ids.actionId };
    expect(await statusOf(actionPage.loader(args(get("/x", cookies.admin), wrongPlan)))).toBe(404);
    expect(
      await statusOf(
        actionPage.loader(args(get("/x", cookies.admin), { orgSlug: "northfield", planId: "nope", planActionId: "1" })),
      ),
    ).toBe(404);
  });
});

describe("the quarterly progress form", () => {
  const path = () => `/o/northfield/plans/${ids.planId}/actions/${ids.actionId}`;
  const params = () => ({ orgSlug: "northfield", planId: ids.planId, planActionId: ids.actionId });
  const note = { intent: "action", quarter: "2026/27 Q3", status: "at_risk", note: "Supplier fix due — ŵ ŷ £" };

  it("records progress for an officer, and refuses a viewer, a member who does not own it and another organisation", async () => {
    expect(await statusOf(actionPage.action(args(formRequest(path(), note, cookies.officer), params())))).toBe(302);
    expect(await statusOf(actionPage.action(args(formRequest(path(), note, cookies.viewer), params())))).toBe(403);
    expect(await statusOf(actionPage.action(args(formRequest(path(), note, cookies.member), params())))).toBe(403);
    expect(await statusOf(actionPage.action(args(formRequest(path(), note, cookies.outsider), params())))).toBe(404);
    const page = (await actionPage.loader(args(get(path(), cookies.viewer), params()))) as Awaited<
      ReturnType<typeof actionPage.loader>
    >;
    expect(page.history[0]!.note).toBe("Supplier fix due — ŵ ŷ £");
    expect(page.canRecord).toBe(false);
  });

  it("refuses a quarter the form does not offer: one in the future, or more than three back", async () => {
    for (const quarter of ["2030/31 Q1", "2019/20 Q4"]) {
      expect(await statusOf(actionPage.action(args(formRequest(path(), { ...note, quarter }, cookies.admin), params())))).toBe(
        400,
      );
      const milestone = {
        intent: "milestone",
        milestoneId: ids.slippedId,
        milestoneQuarter: quarter,
        commentary: "Rewriting an old quarter",
      };
      expect(await statusOf(actionPage.action(args(formRequest(path(), milestone, cookies.admin), params())))).toBe(400);
    }
  });

  it("refuses a milestone done on a day still to come", async () => {
    const done = {
      intent: "milestone",
      milestoneId: ids.slippedId,
      milestoneQuarter: "2026/27 Q3",
      commentary: "Done, in advance",
      completedOn: "2099-01-01",
    };
    expect(await statusOf(actionPage.action(args(formRequest(path(), done, cookies.admin), params())))).toBe(400);
  });

  it("takes a slipped milestone's commentary, and refuses an empty note", async () => {
    const commentary = {
      intent: "milestone",
      milestoneId: ids.slippedId,
      milestoneQuarter: "2026/27 Q2",
      commentary: "Supplier late",
      expectedDate: "2026-12-15",
    };
    expect(await statusOf(actionPage.action(args(formRequest(path(), commentary, cookies.admin), params())))).toBe(302);
    expect(await statusOf(actionPage.action(args(formRequest(path(), { ...note, note: " " }, cookies.admin), params())))).toBe(
      400,
    );
    const plan = (await planPage.loader(
      args(get(`/o/northfield/plans/${ids.planId}?quarter=2026%2F27%20Q2`, cookies.viewer), {
        orgSlug: "northfield",
        planId: ids.planId,
      }),
    )) as Awaited<ReturnType<typeof planPage.loader>>;
    expect(plan.progress.slipped.map((s) => s.commentary?.note)).toEqual(["Supplier late"]);
  });
});

describe("the improvement log form", () => {
  const fields = {
    title: "Text reminders the day before a repair",
    madeOn: "2026-09-01",
    publicSummary: "We text you the day before.",
  };
  it("takes an entry from an officer and refuses a member", async () => {
    expect(
      await statusOf(improvementsPage.action(args(formRequest("/x", fields, cookies.officer), { orgSlug: "northfield" }))),
    ).toBe(302);
    expect(
      await statusOf(improvementsPage.action(args(formRequest("/x", fields, cookies.member), { orgSlug: "northfield" }))),
    ).toBe(403);
    expect(
      await statusOf(improvementsPage.action(args(formRequest("/x", fields, cookies.outsider), { orgSlug: "northfield" }))),
    ).toBe(404);
    expect(
      await statusOf(
        improvementsPage.action(args(formRequest("/x", { ...fields, title: "" }, cookies.officer), { orgSlug: "northfield" })),
      ),
    ).toBe(400);
  });
});

describe("the thread APIs", () => {
  it("answer the organisation's callers and 404 another's", async () => {
    const thread = await indicatorApi.loader(args(get("/x", cookies.viewer), { orgSlug: "northfield", code: "BV212" }));
    expect(thread.status).toBe(200);
    const body = (await thread.json()) as { objectives: { code: string }[]; actions: { code: string; status: string }[] };
    expect(body.objectives.map((o) => o.code)).toEqual(["FA1"]);
    expect(body.actions.map((a) => a.code)).toEqual(["V1", "V2"]);
    expect(await statusOf(indicatorApi.loader(args(get("/x", cookies.outsider), { orgSlug: "northfield", code: "BV212" })))).toBe(
      404,
    );
    expect(await statusOf(indicatorApi.loader(args(get("/x", cookies.viewer), { orgSlug: "northfield", code: "NOPE" })))).toBe(
      404,
    );
    const objective = await objectiveApi.loader(
      args(get("/x", cookies.viewer), { orgSlug: "northfield", objectiveId: ids.objectiveId }),
    );
    expect(objective.status).toBe(200);
    expect(
      await statusOf(
        objectiveApi.loader(args(get("/x", cookies.outsider), { orgSlug: "northfield", objectiveId: ids.objectiveId })),
      ),
    ).toBe(404);
    expect(await statusOf(objectiveApi.loader(args(get("/x"), { orgSlug: "northfield", objectiveId: ids.objectiveId })))).toBe(
      401,
    );
  });
});
