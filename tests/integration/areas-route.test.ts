import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as importAction } from "../../app/routes/api.v1.o.$orgSlug.imports.$kind";
import { action, loader } from "../../app/routes/o.$orgSlug.areas._index";
import { listAreas } from "../../db/queries/performance-library";
import { actuals, areas as areaTable, indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * Areas kept through the product, on an organisation made as the command line makes one
 * (no demo): the Areas page for admins, and the `areas` import over the API.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
let riverside: { id: string };
let southbank: { id: string };
let token: string;

beforeAll(async () => {
  services = await createTestServices();
  riverside = await createOrganisation(services.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
  southbank = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  for (const role of ["admin", "officer", "viewer"] as const) {
    const user = await addMember(
      services.db,
      { organisationId: riverside.id, email: `${role}@riverside.example`, role, password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    cookies[role] = await cookieFor(services, user.id);
  }
  const outsider = await addMember(
    services.db,
    { organisationId: southbank.id, email: "admin@southbank.example", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
  ({ token } = await createApiToken(
    services.db,
    { organisationId: riverside.id, name: "Housing system", createdBy: null },
    SYSTEM_ACTOR,
  ));
});
afterAll(() => services.cleanup());

const params = (orgSlug = "riverside") => ({ orgSlug });
const post = (fields: Record<string, string>, cookie: string, orgSlug = "riverside") =>
  action({
    request: formRequest(`/o/${orgSlug}/areas`, fields, cookie),
    context: loadContext(services),
    params: params(orgSlug),
  });
const get = (cookie: string, orgSlug = "riverside") =>
  loader({
    request: new Request(`http://localhost/o/${orgSlug}/areas`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: params(orgSlug),
  });
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };

describe("the Areas page", () => {
  it("lets an admin add areas, with their homes, and tells them what was done", async () => {
    const result = dataOf(await post({ intent: "create-area", name: "Tŷ Ŵyn North", homes: "2400" }, cookies.admin));
    expect(result.message).toMatch(/Tŷ Ŵyn North added/);
    await post({ intent: "create-area", name: "Riverside East", homes: "1800" }, cookies.admin);
    expect((await listAreas(services.db, riverside.id)).map((a) => [a.name, a.homes])).toEqual([
      ["Riverside East", 1800],
      ["Tŷ Ŵyn North", 2400],
    ]);
  });

  it("refuses a second area of the same name (ignoring case), and the name that means everyone", async () => {
    const duplicate = dataOf(await post({ intent: "create-area", name: "riverside east", homes: "5" }, cookies.admin));
    expect(duplicate.fieldErrors?.name).toMatch(/already an area called/);
    const all = dataOf(await post({ intent: "create-area", name: "All", homes: "5" }, cookies.admin));
    expect(all.fieldErrors?.name).toMatch(/whole organisation/);
    const negative = dataOf(await post({ intent: "create-area", name: "West", homes: "-3" }, cookies.admin));
    expect(negative.fieldErrors?.homes).toMatch(/cannot be negative/);
  });

  it("renames an area and keeps the figures recorded against it", async () => {
    const [east] = (await listAreas(services.db, riverside.id)).filter((a) => a.name === "Riverside East");
    const [indicator] = await services.db
      .insert(indicators)
      .values({
        organisationId: riverside.id,
        code: "RL1",
        title: "Relet days",
        category: "local",
        unit: "days",
        polarity: "lower",
        frequency: "monthly",
        aggregation: "mean",
      })
      .returning();
    await services.db
      .insert(actuals)
      .values({ organisationId: riverside.id, indicatorId: indicator.id, period: "2026-10", areaId: east.id, value: 21 });
    const result = dataOf(
      await post({ intent: "update-area", areaId: east.id, name: "Riverside Quay", homes: "1850" }, cookies.admin),
    );
    expect(result.message).toMatch(/Riverside Quay saved/);
    const [figure] = await services.db.select().from(actuals).where(eq(actuals.indicatorId, indicator.id));
    expect(figure.areaId).toBe(east.id);
    expect((await listAreas(services.db, riverside.id)).find((a) => a.id === east.id)).toMatchObject({
      name: "Riverside Quay",
      homes: 1850,
    });
  });

  it("shows every member the list, and the forms only to admins", async () => {
    expect((await get(cookies.viewer)).canManage).toBe(false);
    expect((await get(cookies.admin)).canManage).toBe(true);
    expect((await get(cookies.viewer)).areas).toHaveLength(2);
  });

  it("refuses officers and viewers changing areas", async () => {
    expect(await statusOf(post({ intent: "create-area", name: "West", homes: "10" }, cookies.officer))).toBe(403);
    expect(await statusOf(post({ intent: "create-area", name: "West", homes: "10" }, cookies.viewer))).toBe(403);
    // Refused before the form is read: a viewer learns nothing from the form's problems.
    expect(await statusOf(post({ intent: "create-area", name: "", homes: "many" }, cookies.viewer))).toBe(403);
  });

  it("keeps another organisation's admin out, and cannot reach another organisation's area by id", async () => {
    expect(await statusOf(get(cookies.outsider))).toBe(404);
    expect(await statusOf(post({ intent: "create-area", name: "West", homes: "10" }, cookies.outsider))).toBe(404);
    const [theirs] = await services.db
      .insert(areaTable)
      .values({ organisationId: southbank.id, name: "Southbank Central", homes: 900 })
      .returning();
    const result = dataOf(
      await post({ intent: "update-area", areaId: theirs.id, name: "Taken over", homes: "1" }, cookies.admin),
    );
    expect(result.fieldErrors?.form).toMatch(/no longer exists/);
    expect((await listAreas(services.db, southbank.id))[0].name).toBe("Southbank Central");
  });

  it("answers a malformed area id as a form problem, not a server error", async () => {
    const result = await post({ intent: "update-area", areaId: "not-an-id", name: "X", homes: "1" }, cookies.admin);
    expect(await statusOf(Promise.resolve(result))).toBe(400);
  });
});

describe("the areas import over the API", () => {
  const send = (body: string, bearer: string, orgSlug = "riverside") =>
    importAction({
      request: new Request(`http://localhost/api/v1/o/${orgSlug}/imports/areas`, {
        method: "POST",
        body,
        headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "text/csv" },
      }),
      context: loadContext(services),
      params: { orgSlug, kind: "areas" },
    });

  it("imports areas all or nothing, updating homes of those that exist", async () => {
    const response = await send("area,homes\nTŷ Ŵyn North,2500\nHillside,700\n", token);
    expect(response.status).toBe(200);
    const areas = await listAreas(services.db, riverside.id);
    expect(areas.find((a) => a.name === "Tŷ Ŵyn North")?.homes).toBe(2500);
    expect(areas.find((a) => a.name === "Hillside")?.homes).toBe(700);
    const bad = await send("area,homes\nLowfield,12\nAll,3\n", token);
    expect(bad.status).toBe(422);
    expect((await listAreas(services.db, riverside.id)).some((a) => a.name === "Lowfield")).toBe(false);
  });

  it("refuses the token on another organisation's path", async () => {
    expect(await statusOf(send("area,homes\nX,1\n", token, "southbank"))).toBe(404);
  });
});
