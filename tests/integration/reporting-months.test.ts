import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as monthsApi } from "../../app/routes/api.v1.o.$orgSlug.reporting-months._index";
import { action as publishApi } from "../../app/routes/api.v1.o.$orgSlug.reporting-months.$period.publish";
import { loader as scorecardApi } from "../../app/routes/api.v1.o.$orgSlug.scorecard";
import { loader as areaPage } from "../../app/routes/o.$orgSlug.areas.$area";
import { loader as exceptionsPage } from "../../app/routes/o.$orgSlug.exceptions";
import { action as monthsAction, loader as monthsPage } from "../../app/routes/o.$orgSlug.months";
import { loader as scorecardPage } from "../../app/routes/o.$orgSlug.scorecard";
import { loader as publicPage } from "../../app/routes/p.$orgSlug._index";
import { loader as screenPage } from "../../app/routes/p.$orgSlug.screen";
import { auditLog } from "../../db/schema/identity";
import { indicators } from "../../db/schema/performance";
import { reportingMonths } from "../../db/schema/reporting-months";
import { SYSTEM_ACTOR } from "../../server/audit";
import { recordFigure } from "../../server/commands/figure-recorder";
import { defaultReportingPeriod } from "../../server/performance/scorecard";
import { requestAs, seedDemoCallers, type DemoCallers } from "../support/demo-callers";
import { createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The reporting month (issue 14, section 2): the demo publishes September 2026 and leaves
 * October open. Every default stays on the published month, the month in progress is one
 * click away for those who work on it, the public sees only verified figures of published
 * months, and only admins and API tokens publish. The tests run in order: the last ones
 * publish October.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;
let cookies: DemoCallers["cookies"];
let token: string;
let otherToken: string;
let otherId: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  ({ orgId, otherId, cookies, token, otherToken } = await seedDemoCallers(services));
});
afterAll(() => services.cleanup());

const ctx = () => loadContext(services);
const get = requestAs;
const postJson = (path: string, body: unknown, auth: { cookie?: string; token?: string }) =>
  requestAs(path, auth, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
const json = async (result: unknown) => (result as Response).json();
const publish = (period: string, body: unknown, auth: { cookie?: string; token?: string }, orgSlug = "northfield") =>
  publishApi({
    request: postJson(`/api/v1/o/${orgSlug}/reporting-months/${period}/publish`, body, auth),
    context: ctx(),
    params: { orgSlug, period },
  });
const months = async (auth: { cookie?: string; token?: string }) =>
  json(
    await monthsApi({
      request: get("/api/v1/o/northfield/reporting-months", auth),
      context: ctx(),
      params: { orgSlug: "northfield" },
    }),
  );
const apiPeriod = async () =>
  (
    await json(
      await scorecardApi({
        request: get("/api/v1/o/northfield/scorecard", { token }),
        context: ctx(),
        params: { orgSlug: "northfield" },
      }),
    )
  ).period;
const publicTopTen = async () =>
  (await publicPage({ request: get("/p/northfield", {}), context: ctx(), params: { orgSlug: "northfield" } })).topTen;

describe("the demo's reporting months", () => {
  it("has September 2026 published and October 2026 open, with what October lacks", async () => {
    const list = (await months({ token })) as {
      period: string;
      state: string;
      publishedBy: string | null;
      missing: { figures: string[]; unverified: string[]; commentaries: string[] };
    }[];
    expect(list.map((m) => [m.period, m.state])).toEqual([
      ["2026-10", "open"],
      ["2026-09", "published"],
    ]);
    expect(list[1].publishedBy).toBe("system");
    // October's figures are entered but only submitted: every monthly indicator awaits verification.
    expect(list[0].missing.unverified).toEqual(expect.arrayContaining(["BV66a", "BV212"]));
    expect(list[0].missing.figures).toEqual([]);
    // BV212 is off target in October and has no commentary ready.
    expect(list[0].missing.commentaries).toContain("BV212");
  });

  it("answers a viewer's session too, and another organisation's token with 404", async () => {
    expect(Array.isArray(await months({ cookie: cookies.viewer }))).toBe(true);
    expect(
      await statusOf(
        monthsApi({
          request: get("/api/v1/o/northfield/reporting-months", { token: otherToken }),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(404);
  });
});

describe("defaults stay on the last published month", () => {
  it("the scorecard API, the scorecard page, the exceptions page and an area page default to September 2026", async () => {
    expect(await defaultReportingPeriod(services.db, orgId)).toBe("2026-09");
    expect(await apiPeriod()).toBe("2026-09");
    const page = await scorecardPage({
      request: get("/o/northfield/scorecard", { cookie: cookies.viewer }),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(page.period).toBe("2026-09");
    const exceptions = await exceptionsPage({
      request: get("/o/northfield/exceptions", { cookie: cookies.viewer }),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(exceptions?.period).toBe("2026-09");
    const area = await areaPage({
      request: get("/o/northfield/areas/North", { cookie: cookies.viewer }),
      context: ctx(),
      params: { orgSlug: "northfield", area: "North" },
    });
    expect(area.period).toBe("2026-09");
  });

  it("offers the month in progress one click away to an officer, not to a viewer, and marks it Not yet published", async () => {
    const scorecard = (cookie: string, query = "") =>
      scorecardPage({
        request: get(`/o/northfield/scorecard${query}`, { cookie }),
        context: ctx(),
        params: { orgSlug: "northfield" },
      });
    const officer = await scorecard(cookies.officer);
    expect(officer.month.inProgress).toBe("2026-10");
    expect(officer.periodOptions[0]).toBe("2026-10");
    expect(officer.month.notYetPublished).toBe(false);
    const viewer = await scorecard(cookies.viewer);
    expect(viewer.month.inProgress).toBeNull();
    expect(viewer.periodOptions[0]).toBe("2026-09");
    const october = await scorecard(cookies.officer, "?period=2026-10");
    expect(october.period).toBe("2026-10");
    expect(october.month.notYetPublished).toBe(true);
  });

  it("an early figure for November changes no default and nothing public", async () => {
    const publicBefore = await publicTopTen();
    const screenBefore = (
      await screenPage({ request: get("/p/northfield/screen", {}), context: ctx(), params: { orgSlug: "northfield" } })
    ).topTen;
    const [bv66a] = await services.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.organisationId, orgId), eq(indicators.code, "BV66a")));
    await recordFigure(
      services.db,
      {
        organisationId: orgId,
        indicatorId: bv66a.id,
        period: "2026-11",
        areaId: null,
        value: 12.5,
        numerator: null,
        denominator: null,
        note: null,
        reason: null,
      },
      SYSTEM_ACTOR,
    );
    expect(await apiPeriod()).toBe("2026-09");
    const exceptions = await exceptionsPage({
      request: get("/o/northfield/exceptions", { cookie: cookies.admin }),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(exceptions?.period).toBe("2026-09");
    expect(await publicTopTen()).toEqual(publicBefore);
    const screenAfter = (
      await screenPage({ request: get("/p/northfield/screen", {}), context: ctx(), params: { orgSlug: "northfield" } })
    ).topTen;
    expect(screenAfter).toEqual(screenBefore);
    expect(publicBefore.periodText).toBe("September 2026");
    expect(JSON.stringify(publicBefore)).not.toContain("12.5");
  });
});

describe("the public pages", () => {
  it("show September's verified figures, never a No data card", async () => {
    const topTen = await publicTopTen();
    expect(topTen.lines.map((l) => l.code)).toEqual(expect.arrayContaining(["BV66a", "BV212"]));
    for (const line of topTen.lines) expect(line.sentence).not.toMatch(/do not have a figure/);
  });
});

describe("publishing a month", () => {
  it("refuses a body that is not JSON (400) rather than reading it as no note, and publishes nothing", async () => {
    const garbled = await publishApi({
      request: requestAs(
        "/api/v1/o/northfield/reporting-months/2026-10/publish",
        { token },
        {
          method: "POST",
          body: '{"note": "gaps named here',
          headers: { "Content-Type": "application/json" },
        },
      ),
      context: ctx(),
      params: { orgSlug: "northfield", period: "2026-10" },
    });
    expect((garbled as Response).status).toBe(400);
    const october = ((await months({ token })) as { period: string; state: string }[]).find((m) => m.period === "2026-10");
    expect(october?.state).toBe("open");
  });

  it("is refused to an officer and a viewer (403), and to another organisation's admin and token (404)", async () => {
    expect(await statusOf(publish("2026-10", { note: "x" }, { cookie: cookies.officer }))).toBe(403);
    expect(await statusOf(publish("2026-10", { note: "x" }, { cookie: cookies.viewer }))).toBe(403);
    expect(await statusOf(publish("2026-10", { note: "x" }, { cookie: cookies.outsider }))).toBe(404);
    expect(await statusOf(publish("2026-10", { note: "x" }, { token: otherToken }))).toBe(404);
    expect(
      await statusOf(
        monthsPage({
          request: get("/o/northfield/months", { cookie: cookies.officer }),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(403);
    expect(
      await statusOf(
        monthsPage({
          request: get("/o/northfield/months", { cookie: cookies.outsider }),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(404);
    const rows = await services.db.select().from(reportingMonths).where(eq(reportingMonths.period, "2026-10"));
    expect(rows).toHaveLength(0);
  });

  it("the admin's page lists October per indicator and refuses to publish with gaps and no note", async () => {
    const page = await monthsPage({
      request: get("/o/northfield/months", { cookie: cookies.admin }),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(page.period).toBe("2026-10");
    const bv212 = page.indicators.find((i) => i.code === "BV212")!;
    expect(bv212).toMatchObject({ due: true, figureStatus: "submitted", targetStatus: "off_target" });
    expect(bv212.commentary?.status).not.toBe("ready");
    expect(bv212.managerName).toBeTruthy();
    const refused = (await monthsAction({
      request: formRequest("/o/northfield/months", { period: "2026-10", note: "" }, cookies.admin),
      context: ctx(),
      params: { orgSlug: "northfield" },
    })) as unknown as { data: { fieldErrors?: Record<string, string> }; init: { status: number } };
    expect(refused.init.status).toBe(400);
    expect(refused.data.fieldErrors?.note).toMatch(/note/);
    expect(await apiPeriod()).toBe("2026-09");
  });

  it("an API token without a note gets 409 with the missing list; with a note it publishes, audited", async () => {
    const refused = await publish("2026-10", {}, { token });
    expect((refused as Response).status).toBe(409);
    const body = await json(refused);
    expect(body.missing.unverified).toContain("BV66a");
    expect(await apiPeriod()).toBe("2026-09");

    const done = await publish(
      "2026-10",
      { note: "October published unverified for the committee: verification follows." },
      { token },
    );
    expect((done as Response).status).toBe(200);
    expect(await json(done)).toMatchObject({ period: "2026-10", state: "published", publishedBy: "API token “Housing system”" });
    const [audit] = await services.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organisationId, orgId),
          eq(auditLog.action, "reporting_month.publish"),
          eq(auditLog.subjectId, "2026-10"),
        ),
      );
    expect(audit.actorLabel).toBe("API token “Housing system”");
    expect(await apiPeriod()).toBe("2026-10");
    // Published again, or an earlier month: refused.
    expect(await statusOf(publish("2026-10", { note: "again" }, { token }))).toBe(409);
    expect(await statusOf(publish("2026-08", { note: "late" }, { token }))).toBe(409);
  });

  it("once October is published the public sees only its verified figures: none, so each is a line, not a No data card", async () => {
    const topTen = await publicTopTen();
    expect(topTen.periodText).toBe("October 2026");
    // October's monthly figures are all unverified: they are left out, each with a line saying so.
    expect(topTen.lines.map((l) => l.code)).not.toContain("BV66a");
    expect(topTen.notYetPublished.map((l) => l.code)).toContain("BV66a");
    expect(topTen.notYetPublished.find((l) => l.code === "BV66a")?.text).toBe(
      "The figure for October 2026 is not yet published. The next figure (November 2026) is due by 7 December 2026.",
    );
    for (const line of topTen.lines) expect(line.sentence).not.toMatch(/do not have a figure/);
  });

  it("an admin in person publishes November from the page with a note", async () => {
    const result = (await monthsAction({
      request: formRequest(
        "/o/northfield/months",
        { period: "2026-11", note: "Only BV66a is in: an early figure." },
        cookies.admin,
      ),
      context: ctx(),
      params: { orgSlug: "northfield" },
    })) as unknown as { data: { message?: string } };
    expect(result.data.message).toMatch(/November 2026 is published/);
    const [row] = await services.db
      .select()
      .from(reportingMonths)
      .where(and(eq(reportingMonths.organisationId, orgId), eq(reportingMonths.period, "2026-11")));
    expect(row).toMatchObject({
      state: "published",
      publishedByLabel: "admin@northfield.example",
      note: "Only BV66a is in: an early figure.",
    });
  });

  it("refuses a month with no figure at all, even with a note, before anything is published", async () => {
    // Southbank has one figure (October 2026) and has published nothing yet.
    const [indicator] = await services.db
      .insert(indicators)
      .values({
        organisationId: otherId,
        code: "SB1",
        title: "Repairs done on time",
        category: "Repairs",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "mean",
      })
      .returning();
    await recordFigure(
      services.db,
      {
        organisationId: otherId,
        indicatorId: indicator!.id,
        period: "2026-10",
        areaId: null,
        value: 91,
        numerator: null,
        denominator: null,
        note: null,
        reason: null,
      },
      SYSTEM_ACTOR,
    );
    const early = await publish("2019-01", { note: "Publishing a month we never reported" }, { token: otherToken }, "southbank");
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toMatch(/has no figures/);
    expect(await statusOf(publish("2026-10", { note: "Our first month" }, { token: otherToken }, "southbank"))).toBe(200);
  });

  it("publishes a month once when two requests race: one 200, the other 409, never a 500", async () => {
    // Southbank (from the test before) has published October 2026; November gets a figure.
    const [indicator] = await services.db.select().from(indicators).where(eq(indicators.organisationId, otherId));
    await recordFigure(
      services.db,
      {
        organisationId: otherId,
        indicatorId: indicator!.id,
        period: "2026-11",
        areaId: null,
        value: 92,
        numerator: null,
        denominator: null,
        note: null,
        reason: null,
      },
      SYSTEM_ACTOR,
    );
    const race = await Promise.all(
      [1, 2, 3].map(() => statusOf(publish("2026-11", { note: "Twice at once" }, { token: otherToken }, "southbank"))),
    );
    expect(race.sort()).toEqual([200, 409, 409]);
    const audits = await services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, otherId), eq(auditLog.action, "reporting_month.publish")));
    expect(audits.filter((a) => a.subjectId === "2026-11")).toHaveLength(1);
  });
});
