import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/o.$orgSlug.indicators[.csv]";
import { listIndicatorLibrary } from "../../db/queries/indicator-library";
import { indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { importFile } from "../../server/commands/import-committer";
import { createIndicator, createTheme, setIndicatorRetired } from "../../server/commands/indicator-commands";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, loadContext, statusOf } from "../support/test-services";

/*
 * The library's CSV export is in the indicator import's layout: imported back unchanged
 * it creates and updates nothing, whatever the titles and definitions hold.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};
let riverside: { id: string };

beforeAll(async () => {
  services = await createTestServices();
  riverside = await createOrganisation(services.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
  const southbank = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  for (const role of ["admin", "officer", "viewer"] as const) {
    const user = await addMember(
      services.db,
      { organisationId: riverside.id, email: `${role}@riverside.example`, role, password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    userIds[role] = user.id;
    cookies[role] = await cookieFor(services, user.id);
  }
  const outsider = await addMember(
    services.db,
    { organisationId: southbank.id, email: "admin@southbank.example", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);

  const decent = await createTheme(services.db, { organisationId: riverside.id, name: "Decent Homes" }, SYSTEM_ACTOR);
  const money = await createTheme(services.db, { organisationId: riverside.id, name: "Valuing Resources, and £" }, SYSTEM_ACTOR);
  const base = {
    organisationId: riverside.id,
    category: "National KPI",
    polarity: "higher",
    frequency: "monthly",
    aggregation: "ratio",
    decimals: 1,
    ownerUserId: userIds.admin,
    managerUserId: userIds.officer,
  };
  await createIndicator(
    services.db,
    {
      ...base,
      code: "BV66a",
      title: "Rent collected as a percentage of rent due",
      definition: 'Rent collected, "including arrears", as a percentage of rent due.\r\nSecond paragraph: Tŷ Ŵyn.',
      dataSource: "Housing management system, month-end run",
      themeId: money.id,
      unit: "%",
      tenantTopTen: true,
      byArea: true,
      statusBasis: "year_to_date",
    },
    SYSTEM_ACTOR,
  );
  // Text a spreadsheet would run as a formula is exported with a ' in front, and read back without it.
  await createIndicator(
    services.db,
    {
      ...base,
      code: "LPI-12",
      title: '=HYPERLINK("http://evil.example","Click")',
      definition: "-5 means five fewer",
      dataSource: "@survey team",
      themeId: decent.id,
      unit: "score",
      frequency: "biennial",
      aggregation: "survey",
      managerUserId: null,
    },
    SYSTEM_ACTOR,
  );
  const retired = await createIndicator(
    services.db,
    { ...base, code: "NI 158", title: "Non-decent council homes", themeId: decent.id, unit: "%", polarity: "lower" },
    SYSTEM_ACTOR,
  );
  await setIndicatorRetired(services.db, { organisationId: riverside.id, indicatorId: retired.id, retired: true }, SYSTEM_ACTOR);
});
afterAll(() => services.cleanup());

const download = (cookie: string, orgSlug = "riverside") =>
  loader({
    request: new Request(`http://localhost/o/${orgSlug}/indicators.csv`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug },
  });
const importBack = (csv: string) =>
  importFile(services.db, {
    organisationId: riverside.id,
    kind: "indicators",
    bytes: new TextEncoder().encode(csv),
    filename: "indicators-riverside.csv",
    actor: { userId: userIds.admin, label: "admin@riverside.example" },
  });

describe("the indicator library as CSV", () => {
  it("is in the import's layout, retired indicators included, with formulas neutralised", async () => {
    const response = (await download(cookies.admin)) as Response;
    expect(response.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(response.headers.get("Content-Disposition")).toMatch(/indicators-riverside\.csv/);
    const csv = await response.text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, "").split("\n");
    expect(header).toBe(
      "code,title,theme,category,unit,polarity,frequency,aggregation,decimals,tenant_top_ten,by_area,definition,data_source,owner_email,manager_email,status_basis,active",
    );
    expect(lines.find((l) => l.startsWith("LPI-12"))).toMatch(/,period,yes$/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).toContain("'@survey team");
    expect(lines.find((l) => l.startsWith("NI 158"))).toMatch(/,no$/);
  });

  it("imports back unchanged: 0 created, 0 updated", async () => {
    const before = await listIndicatorLibrary(services.db, riverside.id);
    const csv = await ((await download(cookies.admin)) as Response).text();
    const outcome = await importBack(csv);
    expect(outcome.ok ? outcome.summary : outcome.problems).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await listIndicatorLibrary(services.db, riverside.id)).toEqual(before);
    expect(before.find((i) => i.code === "BV66a")?.statusBasis).toBe("year_to_date");
  });

  it("changes how a status is judged through the status_basis column", async () => {
    const csv = await ((await download(cookies.admin)) as Response).text();
    const outcome = await importBack(csv.replace(/,year_to_date,(yes|no)$/m, ",period,$1"));
    expect(outcome.ok && outcome.summary).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const [bv66a] = await services.db.select().from(indicators).where(eq(indicators.code, "BV66a"));
    expect(bv66a.statusBasis).toBe("period");
    // Put back for the tests after this one.
    await importBack(csv);
  });

  it("retires with active “no” and reinstates with “yes”, keeping the indicator", async () => {
    const csv = await ((await download(cookies.admin)) as Response).text();
    // BV66a's record ends on the second line of its two-paragraph definition.
    const swapped = csv.replace(/(Tŷ Ŵyn\.".*),yes$/m, "$1,no").replace(/^(NI 158,.*),no$/m, "$1,yes");
    const outcome = await importBack(swapped);
    expect(outcome.ok && outcome.summary).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const rows = await services.db.select().from(indicators).where(eq(indicators.organisationId, riverside.id));
    expect(Object.fromEntries(rows.map((r) => [r.code, Boolean(r.retiredAt)]))).toEqual({
      BV66a: true,
      "LPI-12": false,
      "NI 158": false,
    });
    const bad = await importBack(csv.replace(/,no\r?$/m, ",maybe"));
    expect(bad.ok).toBe(false);
  });

  it("is for admins only: officers and viewers 403, another organisation 404", async () => {
    expect(await statusOf(download(cookies.officer))).toBe(403);
    expect(await statusOf(download(cookies.viewer))).toBe(403);
    expect(await statusOf(download(cookies.outsider))).toBe(404);
    expect(await statusOf(download(cookies.outsider, "southbank"))).toBe(200);
  });
});
