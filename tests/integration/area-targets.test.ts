// Targets per area through the API, on an organisation built without the demo: the
// import takes an area column, an area with no target of its own is judged against the
// organisation's only for a rate, and every row says whose target it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, desc, eq } from "drizzle-orm";
import { action as importAction } from "../../app/routes/api.v1.o.$orgSlug.imports.$kind";
import { loader as apiLoader } from "../../app/routes/api.v1.o.$orgSlug.scorecard";
import { targetRevisions } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { loader as indicatorLoader } from "../../app/routes/o.$orgSlug.indicators.$code/route";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let token: string;

const request = (path: string, init: RequestInit = {}) =>
  new Request(`http://localhost${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });

async function importCsv(kind: string, text: string, filename = `${kind}.csv`) {
  const response = (await importAction({
    request: request(`/api/v1/o/riverside/imports/${kind}`, {
      method: "POST",
      body: text,
      headers: { "Content-Type": "text/csv", "X-Filename": filename },
    }),
    context: loadContext(services),
    params: { orgSlug: "riverside", kind },
  })) as Response;
  const body = await response.json();
  return { status: response.status, body };
}

async function scorecard(area: string) {
  const response = (await apiLoader({
    request: request(`/api/v1/o/riverside/scorecard?period=2025-10&area=${area}`),
    context: loadContext(services),
    params: { orgSlug: "riverside" },
  })) as Response;
  expect(response.status).toBe(200);
  const body = await response.json();
  return new Map<string, Record<string, unknown>>(body.rows.map((r: { code: string }) => [r.code, r]));
}

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
  organisationId = org.id;
  token = (await createApiToken(services.db, { organisationId, name: "HMS", createdBy: null }, SYSTEM_ACTOR)).token;
  expect((await importCsv("areas", "area,homes\nNorth,1000\nEast,1000\n")).status).toBe(200);
  const indicators = [
    "code,title,theme,category,unit,polarity,frequency,aggregation,decimals,by_area",
    "EH01,Empty homes at month end,Fair Access,Management indicator,count,lower,monthly,snapshot,0,yes",
    "RC01,Rent collected,Valuing Resources,Local indicator,%,higher,monthly,ratio,1,yes",
  ].join("\n");
  expect((await importCsv("indicators", indicators)).status).toBe(200);
  const figures = [
    "indicator,period,area,value,numerator,denominator",
    "EH01,2025-10,North,30,,",
    "EH01,2025-10,East,40,,",
    "RC01,2025-10,North,,97,100",
    "RC01,2025-10,East,,99,100",
  ].join("\n");
  expect((await importCsv("actuals", figures)).status).toBe(200);
  const targets = [
    "indicator,year,area,target,tolerance",
    "EH01,2025/26,,120,10",
    "EH01,2025/26,North,25,5",
    "RC01,2025/26,All,98,0.5",
  ].join("\n");
  expect((await importCsv("targets", targets, "targets-2025.csv")).body.summary).toMatchObject({ created: 3 });
});
afterAll(() => services.cleanup());

describe("area targets in GET /api/v1/o/:org/scorecard", () => {
  it("a count's area without a target of its own: no_target, targetScope null, not judged against the organisation's 120", async () => {
    const east = (await scorecard("East")).get("EH01")!;
    expect(east).toMatchObject({ value: 40, target: null, status: "no_target", targetScope: null });
  });

  it("a count's area with its own target is judged against it", async () => {
    const north = (await scorecard("North")).get("EH01")!;
    expect(north).toMatchObject({ value: 30, target: 25, tolerance: 5, status: "within_tolerance", targetScope: "area" });
  });

  it("a percentage's area without its own target is judged against the organisation's", async () => {
    const rows = await scorecard("North");
    expect(rows.get("RC01")).toMatchObject({ value: 97, target: 98, status: "off_target", targetScope: "organisation" });
    expect((await scorecard("East")).get("RC01")).toMatchObject({ status: "on_target", targetScope: "organisation" });
  });

  it("the whole organisation's row uses the organisation's target", async () => {
    const whole = (await scorecard("All")).get("EH01")!;
    expect(whole).toMatchObject({ value: 70, target: 120, status: "on_target", targetScope: "organisation" });
  });
});

describe("the targets import", () => {
  it("refuses an unknown area on its line and changes nothing", async () => {
    const { status, body } = await importCsv("targets", "indicator,year,area,target,tolerance\nEH01,2025/26,Westt,20,0\n");
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toContain("Unknown area “Westt”");
    expect((await scorecard("North")).get("EH01")).toMatchObject({ target: 25 });
  });

  it("records each change in the target's history with the file name as the reason", async () => {
    await importCsv("targets", "indicator,year,area,target,tolerance\nEH01,2025/26,North,28,5\n", "revised-north.csv");
    const history = await services.db
      .select()
      .from(targetRevisions)
      .where(eq(targetRevisions.organisationId, organisationId))
      .orderBy(asc(targetRevisions.id));
    expect(history).toHaveLength(4);
    expect(history[3]).toMatchObject({
      areaName: "North",
      year: "2025/26",
      before: { target: 25, tolerance: 5, profile: null },
      after: { target: 28, tolerance: 5, profile: null },
      reason: "Imported from revised-north.csv",
    });
    expect((await scorecard("North")).get("EH01")).toMatchObject({ target: 28, status: "within_tolerance" });
  });

  it("takes a profile: the month's target comes from it, the year to date from the profile so far", async () => {
    const header = "indicator,year,target,tolerance,apr,may,jun,jul,aug,sep,oct,nov,dec,jan,feb,mar";
    await importCsv("targets", `${header}\nRC01,2025/26,98,0.5,96,96,96,97,97,97,97,98,98,99,99,99\n`);
    const rows = await scorecard("North");
    // October's target is 97 from the profile: 97% is on target, where 98 would have been red.
    expect(rows.get("RC01")).toMatchObject({ target: 97, status: "on_target", ytdTarget: 96.57142857142857 });
  });
});

describe("the indicator page", () => {
  it("shows the target history: who, when, old, new and why, and the area's target beside its figure", async () => {
    const viewer = await addMember(
      services.db,
      { organisationId, email: "viewer@riverside.example", role: "viewer", password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    const page = (await indicatorLoader({
      request: new Request("http://localhost/o/riverside/indicators/EH01?period=2025-10", {
        headers: { Cookie: await cookieFor(services, viewer.id) },
      }),
      context: loadContext(services),
      params: { orgSlug: "riverside", code: "EH01" },
    })) as unknown as { targetHistory: Record<string, unknown>[]; areaRows: Record<string, unknown>[] };
    const history = page.targetHistory;
    expect(history[0]).toMatchObject({
      target: "2025/26, North",
      beforeText: "25 (tolerance 5)",
      afterText: "28 (tolerance 5)",
      reason: "Imported from revised-north.csv",
    });
    expect(history.at(-1)).toMatchObject({
      target: "2025/26, Whole organisation",
      beforeText: null,
      afterText: "120 (tolerance 10)",
    });
    expect(page.areaRows.map((a) => [a.name, a.targetText, a.statusText])).toEqual([
      ["East", "No area target", "No area target"],
      ["North", "28", "Within tolerance"],
    ]);
  });
});

describe("the file name an API import gives (X-Filename)", () => {
  it("is at most 255 characters, as on the import page: 400 and nothing imported", async () => {
    const targets = "indicator,year,area,target,tolerance\nEH01,2025/26,East,35,5\n";
    const long = await importCsv("targets", targets, `${"t".repeat(256)}.csv`);
    expect(long.status).toBe(400);
    expect(long.body.error).toMatch(/255 characters/);
    const [latest] = await services.db
      .select({ reason: targetRevisions.reason })
      .from(targetRevisions)
      .where(eq(targetRevisions.organisationId, organisationId))
      .orderBy(desc(targetRevisions.changedAt), desc(targetRevisions.id))
      .limit(1);
    expect(latest!.reason).not.toMatch(/ttt/);
  });
});
