import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/o.$orgSlug.exceptions";
import { listAreas } from "../../db/queries/performance-library";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { indicators } from "../../db/schema/performance";
import { cookieFor, createTestServices, loadContext, statusOf } from "../../tests/support/test-services";
import { SYSTEM_ACTOR } from "../audit";
import { createArea } from "../commands/area-commands";
import { createOrganisation } from "../commands/organisation-creator";
import { loadExceptions } from "./exceptions";
import { loadScorecard } from "./scorecard";
import { scorecardLines } from "./scorecard-view";

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let adminCookie: string;
let otherAreaId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  adminCookie = await cookieFor(services, (await findUserByEmail(services.db, "admin@northfield.example"))!.id);
  for (const row of await services.db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.organisationId, organisationId)))
    ids[row.code] = row.id;
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  otherAreaId = (await createArea(services.db, { organisationId: other.id, name: "Riverside", homes: "1200" }, SYSTEM_ACTOR)).id;
});
afterAll(() => services.cleanup());

describe("exceptions in a scope", () => {
  it("report a clinic's indicators whatever their status today", async () => {
    const scorecard = await loadScorecard(services.db, { organisationId, period: "2026-10", areaId: null });
    const onTarget = scorecardLines(scorecard, {}).find((l) => l.status === "on_target")!.code;
    const items = await loadExceptions(services.db, organisationId, "2026-10", { indicatorIds: [ids.BV212, ids[onTarget]] });
    expect(items.map((i) => i.indicator.code).sort()).toEqual(["BV212", onTarget].sort());
    expect(items.find((i) => i.indicator.code === onTarget)!.line.status).toBe("on_target");
  });

  it("judge an area on its own figures", async () => {
    const [area] = await listAreas(services.db, organisationId);
    const scorecard = await loadScorecard(services.db, { organisationId, period: "2026-10", areaId: area.id });
    const expected = scorecardLines(scorecard, { exceptionsOnly: true, exceptionRule: "not_on_target", sort: "theme" }).map(
      (l) => l.code,
    );
    const items = await loadExceptions(services.db, organisationId, "2026-10", { areaId: area.id });
    expect(items.map((i) => i.indicator.code)).toEqual(expected);
    expect(items.length).toBeGreaterThan(0);
  });
});

describe("the exceptions page filtered by area", () => {
  const load = (query: string) =>
    loader({
      request: new Request(`http://localhost/o/northfield/exceptions${query}`, { headers: { Cookie: adminCookie } }),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    });

  it("shows one area's exceptions", async () => {
    const [area] = await listAreas(services.db, organisationId);
    const page = await load(`?period=2026-10&area=${area.id}`);
    expect(page?.area).toEqual({ id: area.id, name: area.name });
  });

  it("answers 404 for another organisation's area", async () => {
    expect(await statusOf(load(`?period=2026-10&area=${otherAreaId}`))).toBe(404);
  });
});
