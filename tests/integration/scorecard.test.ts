import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as apiLoader } from "../../app/routes/api.v1.o.$orgSlug.scorecard";
import { loader as pageLoader } from "../../app/routes/o.$orgSlug.scorecard";
import { action as importAction } from "../../app/routes/api.v1.o.$orgSlug.imports.$kind";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { loadScorecard } from "../../server/performance/scorecard";
import { scorecardLines, type ScorecardLine } from "../../server/performance/scorecard-view";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let token: string;
let otherToken: string;
let viewerCookie: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  token = (await createApiToken(services.db, { organisationId, name: "HMS", createdBy: null }, SYSTEM_ACTOR)).token;
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  otherToken = (await createApiToken(services.db, { organisationId: other.id, name: "HMS", createdBy: null }, SYSTEM_ACTOR))
    .token;
  const viewer = await addMember(
    services.db,
    { organisationId, email: "observer@example.org", role: "viewer", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  viewerCookie = await cookieFor(services, viewer.id);
});
afterAll(() => services.cleanup());

async function october(areaId: string | null = null): Promise<Map<string, ScorecardLine>> {
  const scorecard = await loadScorecard(services.db, { organisationId, period: "2026-10", areaId });
  return new Map(scorecardLines(scorecard).map((l) => [l.code, l]));
}

// Worked by hand from db/seed-data/actuals.csv and targets.csv.
describe("the demo scorecard for October 2026, whole organisation", () => {
  it("BV66a rent collected: 98.47% against 98.50% (tolerance 0.25) is within tolerance, same as last October", async () => {
    const line = (await october()).get("BV66a")!;
    expect(line.valueText).toBe("98.47%");
    expect(line.status).toBe("within_tolerance");
    expect(line.directionVsLastYear).toBe("same");
    // Year to date: 100 × 7,236 / 7,343 collected over April to October, not an average of monthly percentages.
    expect(line.ytdText).toBe("98.54%");
  });

  it("BV212 re-let days: 33.01 against 22 (tolerance 2) is off target and worse than 29.04 last October (lower is better)", async () => {
    const line = (await october()).get("BV212")!;
    expect(line.status).toBe("off_target");
    expect(line.directionVsLastYear).toBe("worse");
    expect(line.previousYearText).toBe("29.04 days");
    // 14,088.7 days over 420 lettings.
    expect(line.ytdText).toBe("33.54 days");
  });

  it("BV66b arrears: a snapshot, so year to date is the latest month; a fall from 2.73% is better", async () => {
    const line = (await october()).get("BV66b")!;
    expect(line.ytdText).toBe("2.72%");
    expect(line.directionVsLastYear).toBe("better");
    expect(line.status).toBe("on_target");
  });

  it("LPI-07 anti-social behaviour cases: polarity none, so no target and no direction; year to date adds the months", async () => {
    const line = (await october()).get("LPI-07")!;
    expect(line.status).toBe("no_target");
    expect(line.directionVsLastYear).toBe("none");
    expect(line.ytdText).toBe("749");
  });

  it("quarterly and annual indicators show their latest due figure", async () => {
    const lines = await october();
    expect(lines.get("BV66d")!.reportingPeriod).toBe("2026-09");
    expect(lines.get("TP01")!.reportingPeriod).toBe("2026-03");
  });

  it("an area scorecard holds only indicators broken down by area, with the area's own figures", async () => {
    const areas = await services.db.query.areas.findMany();
    const north = areas.find((a) => a.name === "North")!;
    const lines = await october(north.id);
    expect(lines.has("TP01")).toBe(false);
    expect(lines.get("BV212")!.ytdText).toBe("31.71 days");
  });

  it("an area's current arrears are judged against the area's own target, not the organisation's £1.2m", async () => {
    const areas = await services.db.query.areas.findMany();
    const north = areas.find((a) => a.name === "North")!;
    const arrears = (await october(north.id)).get("LPI-03")!;
    // £414,467 against North's £360,000 (tolerance £15,000): off target, where £1.2m said "On target".
    expect(arrears).toMatchObject({ target: 360000, status: "off_target", targetScope: "area" });
    // BV212 (an average) has no North target: the organisation's 22 days applies.
    expect((await october(north.id)).get("BV212")).toMatchObject({ target: 22, targetScope: "organisation" });
  });

  it("the exception view lists the exceptions by the organisation's rule", async () => {
    const scorecard = await loadScorecard(services.db, { organisationId, period: "2026-10", areaId: null });
    const notOnTarget = scorecardLines(scorecard, { exceptionsOnly: true, exceptionRule: "not_on_target" });
    expect(new Set(notOnTarget.map((l) => l.status))).toEqual(new Set(["off_target", "within_tolerance"]));
    const red = scorecardLines(scorecard, { exceptionsOnly: true, exceptionRule: "off_target_only" });
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((l) => l.status === "off_target")).toBe(true);
    expect(red.map((l) => l.code)).toContain("BV212");
    expect(notOnTarget.length).toBeGreaterThan(red.length);
  });
});

const apiRequest = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, init);

describe("GET /api/v1/o/:orgSlug/scorecard", () => {
  it("answers one row per indicator for an API token", async () => {
    const response = (await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard?period=2026-10&area=All", {
        headers: { Authorization: `Bearer ${token}` },
      }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    })) as Response;
    expect(response.status).toBe(200);
    const body = await response.json();
    const bv212 = body.rows.find((r: { code: string }) => r.code === "BV212");
    expect(bv212).toMatchObject({
      code: "BV212",
      unit: "days",
      polarity: "lower",
      value: 33.01,
      target: 22,
      tolerance: 2,
      status: "off_target",
      direction: "worse",
      previousYearValue: 29.04,
      quartile: 3,
    });
    expect(body.rows).toHaveLength(29);
    // Every row says how its status is judged and whether its figure is unaudited.
    expect(bv212).toMatchObject({ statusBasis: "period", periodStatus: "off_target", unaudited: false });
  });

  it("judges the demo's BV211a on the year to date, and says LPI-09's September figure is unaudited", async () => {
    const response = (await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard?period=2026-09", { headers: { Authorization: `Bearer ${token}` } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    })) as Response;
    const rows: { code: string; statusBasis: string; unaudited: boolean }[] = (await response.json()).rows;
    // Planned repairs spend: 41.1% so far this year (2,592 of 6,300) against 40% (tolerance 2): on target, as its quarter is.
    expect(rows.find((r) => r.code === "BV211a")).toMatchObject({
      statusBasis: "year_to_date",
      ytd: expect.closeTo(41.14, 2),
      ytdTarget: 40,
      status: "on_target",
      ytdStatus: "on_target",
      periodStatus: "on_target",
    });
    expect(rows.filter((r) => r.statusBasis === "year_to_date").map((r) => r.code)).toEqual(["BV211a"]);
    expect(rows.filter((r) => r.unaudited).map((r) => r.code)).toEqual(["LPI-09"]);
  });

  it("answers a signed-in viewer too", async () => {
    const response = (await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard", { headers: { Cookie: viewerCookie } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    })) as Response;
    expect(response.status).toBe(200);
  });

  it.each([
    ["no token", {}, 401],
    ["a wrong token", { Authorization: "Bearer mnt_wrong" }, 401],
  ])("gives nothing with %s", async (_name, headers, status) => {
    const thrown = await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard", { headers }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    }).catch((e) => e);
    expect((thrown as Response).status).toBe(status);
  });

  it("gives nothing to another organisation's token", async () => {
    const thrown = await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard", { headers: { Authorization: `Bearer ${otherToken}` } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    }).catch((e) => e);
    expect((thrown as Response).status).toBe(404);
  });

  it("refuses a malformed period with a clear message", async () => {
    const response = (await apiLoader({
      request: apiRequest("/api/v1/o/northfield/scorecard?period=October", { headers: { Authorization: `Bearer ${token}` } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    })) as Response;
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain("YYYY-MM");
  });
});

describe("the year-end view (March)", () => {
  const page = (query: string, cookie = viewerCookie, orgSlug = "northfield") =>
    pageLoader({
      request: new Request(`http://localhost/o/${orgSlug}/scorecard${query}`, { headers: { Cookie: cookie } }),
      context: loadContext(services),
      params: { orgSlug },
    });

  it("offers the view in March and shows 2025/26's outturn against the annual target with last year's", async () => {
    const march = await page("?period=2026-03");
    expect(march).toMatchObject({ yearEndOffered: true, yearEnd: null });
    const view = await page("?period=2026-03&view=year-end");
    const bv66a = view.yearEnd!.find((l) => l.code === "BV66a")!;
    expect(bv66a).toMatchObject({ year: "2025/26", annualTarget: expect.any(Number), outturnText: expect.stringMatching(/%$/) });
    expect(bv66a.lastYearOutturn).not.toBeNull();
    expect(["better", "same", "worse"]).toContain(bv66a.direction);
    expect(view.yearEnd).toHaveLength(view.lines.length);
  });

  it("is not offered in other months or for one area", async () => {
    expect(await page("?period=2026-02&view=year-end")).toMatchObject({ yearEndOffered: false, yearEnd: null });
    expect(await page("?period=2026-03&view=year-end&area=North")).toMatchObject({ yearEndOffered: false, yearEnd: null });
  });

  it("is the organisation's own: another organisation's path is not found", async () => {
    const thrown = await page("?period=2026-03&view=year-end", viewerCookie, "southbank").catch((e) => e);
    expect((thrown as Response).status).toBe(404);
  });
});

describe("POST /api/v1/o/:orgSlug/imports/actuals", () => {
  const post = (body: string, headers: Record<string, string>) =>
    importAction({
      request: apiRequest("/api/v1/o/northfield/imports/actuals", { method: "POST", body, headers }),
      context: loadContext(services),
      params: { orgSlug: "northfield", kind: "actuals" },
    });

  it("imports with a token and answers the summary", async () => {
    const response = (await post("indicator,period,area,value,numerator,denominator\nLPI-07,2026-11,All,97,,\n", {
      Authorization: `Bearer ${token}`,
    })) as Response;
    expect(response.status).toBe(200);
    expect((await response.json()).summary).toMatchObject({ created: 1 });
  });

  it("answers 422 with every problem by line and column, and changes nothing", async () => {
    const response = (await post(
      "indicator,period,area,value,numerator,denominator\nLPI-07,2026-12,All,12,,\nLPI-07,2026-12,Nowhere,x,,\n",
      { Authorization: `Bearer ${token}` },
    )) as Response;
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([
      [3, "area"],
      [3, "value"],
    ]);
    const after = await loadScorecard(services.db, { organisationId, period: "2026-12", areaId: null });
    expect(after.entries.find((e) => e.indicator.code === "LPI-07")!.row.value).toBeNull();
  });

  it("refuses a viewer (403) and a visitor without a token (401)", async () => {
    expect(((await post("x", { Cookie: viewerCookie })) as Response).status).toBe(403);
    expect(((await post("x", {}).catch((e) => e)) as Response).status).toBe(401);
  });
});
