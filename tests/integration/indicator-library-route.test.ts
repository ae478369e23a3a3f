import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as editAction, loader as editLoader } from "../../app/routes/o.$orgSlug.indicators.$code_.edit";
import { action as libraryAction, loader as libraryLoader } from "../../app/routes/o.$orgSlug.indicators._index";
import { action as newAction, loader as newLoader } from "../../app/routes/o.$orgSlug.indicators.new";
import { listIndicatorLibrary, listThemes } from "../../db/queries/indicator-library";
import { auditLog } from "../../db/schema/identity";
import { actuals, indicators, themes } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { loadScorecard } from "../../server/performance/scorecard";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The indicator library kept through its pages (no import), on an organisation made as
 * the command line makes one: the list with its themes, the new and edit forms, retiring.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};
let riverside: { id: string };
let southbank: { id: string };
let valuingResources: string;

beforeAll(async () => {
  services = await createTestServices();
  riverside = await createOrganisation(services.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
  southbank = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  for (const role of ["admin", "officer", "viewer"] as const) {
    const user = await addMember(
      services.db,
      {
        organisationId: riverside.id,
        email: `${role}@riverside.example`,
        name: `Riverside ${role}`,
        role,
        password: "a-long-password",
      },
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
  userIds.outsider = outsider.id;
  cookies.outsider = await cookieFor(services, outsider.id);
});
afterAll(() => services.cleanup());

const context = () => loadContext(services);
const getLibrary = (cookie: string, orgSlug = "riverside", query = "") =>
  libraryLoader({
    request: new Request(`http://localhost/o/${orgSlug}/indicators${query}`, { headers: { Cookie: cookie } }),
    context: context(),
    params: { orgSlug },
  });
const postLibrary = (fields: Record<string, string>, cookie: string, orgSlug = "riverside") =>
  libraryAction({ request: formRequest(`/o/${orgSlug}/indicators`, fields, cookie), context: context(), params: { orgSlug } });
const getNew = (cookie: string, orgSlug = "riverside") =>
  newLoader({
    request: new Request(`http://localhost/o/${orgSlug}/indicators/new`, { headers: { Cookie: cookie } }),
    context: context(),
    params: { orgSlug },
  });
const postNew = (fields: Record<string, string>, cookie: string, orgSlug = "riverside") =>
  newAction({ request: formRequest(`/o/${orgSlug}/indicators/new`, fields, cookie), context: context(), params: { orgSlug } });
const getEdit = (code: string, cookie: string, orgSlug = "riverside") =>
  editLoader({
    request: new Request(`http://localhost/o/${orgSlug}/indicators/${code}/edit`, { headers: { Cookie: cookie } }),
    context: context(),
    params: { orgSlug, code },
  });
const postEdit = (code: string, fields: Record<string, string>, cookie: string, orgSlug = "riverside") =>
  editAction({
    request: formRequest(`/o/${orgSlug}/indicators/${encodeURIComponent(code)}/edit`, fields, cookie),
    context: context(),
    params: { orgSlug, code },
  });
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };

const rentCollected = () => ({
  code: "BV66a",
  title: "Rent collected as a percentage of rent due",
  definition: "Rent collected in the year to date as a percentage of the rent due",
  dataSource: "Housing management system, month-end run",
  category: "National KPI",
  themeId: valuingResources,
  unit: "%",
  polarity: "higher",
  frequency: "monthly",
  aggregation: "ratio",
  decimals: "2",
  tenantTopTen: "on",
  byArea: "on",
  ownerUserId: userIds.admin,
  managerUserId: userIds.officer,
});

describe("themes", () => {
  it("lets an admin add, rename and order themes", async () => {
    for (const name of ["Decent Homes", "Valuing Resources", "Fair Acces"])
      expect(dataOf(await postLibrary({ intent: "create-theme", name }, cookies.admin)).message).toMatch(/added/);
    let list = await listThemes(services.db, riverside.id);
    expect(list.map((t) => t.name)).toEqual(["Decent Homes", "Valuing Resources", "Fair Acces"]);
    valuingResources = list[1].id;
    const fair = list[2];
    await postLibrary({ intent: "rename-theme", themeId: fair.id, name: "Fair Access" }, cookies.admin);
    await postLibrary({ intent: "move-theme", themeId: fair.id, direction: "up" }, cookies.admin);
    list = await listThemes(services.db, riverside.id);
    expect(list.map((t) => t.name)).toEqual(["Decent Homes", "Fair Access", "Valuing Resources"]);
    const duplicate = dataOf(await postLibrary({ intent: "create-theme", name: "decent homes" }, cookies.admin));
    expect(duplicate.fieldErrors?.name).toMatch(/already a theme/);
  });

  it("cannot rename another organisation's theme", async () => {
    const [theirs] = await services.db.insert(themes).values({ organisationId: southbank.id, name: "Theirs" }).returning();
    const result = dataOf(await postLibrary({ intent: "rename-theme", themeId: theirs.id, name: "Taken" }, cookies.admin));
    expect(result.fieldErrors?.form).toMatch(/no longer exists/);
    const [after] = await services.db.select().from(themes).where(eq(themes.id, theirs.id));
    expect(after.name).toBe("Theirs");
  });
});

describe("the new-indicator and edit forms", () => {
  it("creates an indicator with every field, recorded in the audit log", async () => {
    const response = await postNew(rentCollected(), cookies.admin);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe("/o/riverside/indicators?saved=BV66a");
    const [saved] = await listIndicatorLibrary(services.db, riverside.id);
    expect(saved).toMatchObject({
      code: "BV66a",
      definition: "Rent collected in the year to date as a percentage of the rent due",
      dataSource: "Housing management system, month-end run",
      theme: "Valuing Resources",
      decimals: 2,
      tenantTopTen: true,
      byArea: true,
      ownerEmail: "admin@riverside.example",
      managerEmail: "officer@riverside.example",
      // Not on the form's post: the period's figure, as before the field existed.
      statusBasis: "period",
      retiredAt: null,
    });
    const audit = await services.db.select().from(auditLog).where(eq(auditLog.action, "indicator.create"));
    expect(audit).toHaveLength(1);
  });

  it("lists the library for an admin with code, title, theme, owner, manager and whether it is active", async () => {
    const page = await getLibrary(cookies.admin, "riverside", "?saved=BV66a");
    expect(page.saved).toBe("BV66a");
    expect(page.themes.map((t) => [t.name, t.indicators])).toEqual([
      ["Decent Homes", 0],
      ["Fair Access", 0],
      ["Valuing Resources", 1],
    ]);
    expect(page.indicators).toEqual([
      {
        id: expect.any(String),
        code: "BV66a",
        title: "Rent collected as a percentage of rent due",
        theme: "Valuing Resources",
        owner: "Riverside admin",
        manager: "Riverside officer",
        active: true,
      },
    ]);
  });

  it("answers each problem on its field, and refuses a theme or owner of another organisation", async () => {
    const bad = dataOf(await postNew({ ...rentCollected(), code: "", decimals: "7", ownerUserId: "" }, cookies.admin));
    expect(bad.fieldErrors).toMatchObject({
      code: expect.any(String),
      decimals: expect.any(String),
      ownerUserId: expect.any(String),
    });
    const [theirTheme] = await services.db.select().from(themes).where(eq(themes.organisationId, southbank.id));
    const foreignTheme = dataOf(await postNew({ ...rentCollected(), code: "X1", themeId: theirTheme.id }, cookies.admin));
    expect(foreignTheme.fieldErrors?.themeId).toMatch(/organisation's themes/);
    const foreignOwner = dataOf(await postNew({ ...rentCollected(), code: "X1", ownerUserId: userIds.outsider }, cookies.admin));
    expect(foreignOwner.fieldErrors?.ownerUserId).toMatch(/member of the organisation/);
    const duplicate = dataOf(await postNew({ ...rentCollected(), code: "bv66A" }, cookies.admin));
    expect(duplicate.fieldErrors?.code).toMatch(/already an indicator BV66a/);
  });

  it("edits everything but the code, and starts the form from the indicator's values", async () => {
    const form = await getEdit("BV66a", cookies.admin);
    expect(form.values).toMatchObject({ decimals: "2", tenantTopTen: "true", ownerUserId: userIds.admin });
    const { code: _code, ...details } = rentCollected();
    const response = await postEdit(
      "BV66a",
      { ...details, title: "Rent collected", frequency: "quarterly", tenantTopTen: "", managerUserId: "" },
      cookies.admin,
    );
    expect((response as Response).status).toBe(302);
    const [saved] = await listIndicatorLibrary(services.db, riverside.id);
    expect(saved).toMatchObject({
      code: "BV66a",
      title: "Rent collected",
      frequency: "quarterly",
      tenantTopTen: false,
      managerUserId: null,
    });
  });

  it("sets how the status is judged, shows it on the edit form and judges the scorecard by it", async () => {
    const { code: _code, ...details } = rentCollected();
    const wrong = dataOf(await postEdit("BV66a", { ...details, statusBasis: "quarterly" }, cookies.admin));
    expect(wrong.fieldErrors?.statusBasis).toBe("Choose how the status is judged");
    expect((await postEdit("BV66a", { ...details, statusBasis: "year_to_date" }, cookies.admin)) as Response).toMatchObject({
      status: 302,
    });
    expect((await getEdit("BV66a", cookies.admin)).values.statusBasis).toBe("year_to_date");
    const scorecard = await loadScorecard(services.db, { organisationId: riverside.id, period: "2026-09", areaId: null });
    expect(scorecard.entries[0].row.statusBasis).toBe("year_to_date");
    const audit = await services.db.select().from(auditLog).where(eq(auditLog.action, "indicator.update"));
    expect(audit.at(-1)?.after).toMatchObject({ statusBasis: "year_to_date" });
    await postEdit("BV66a", { ...details, statusBasis: "period" }, cookies.admin);
  });
});

describe("retiring an indicator", () => {
  it("keeps its figures, takes it off the scorecard, and refuses its code to a new indicator", async () => {
    const [indicator] = await services.db.select().from(indicators).where(eq(indicators.code, "BV66a"));
    await services.db
      .insert(actuals)
      .values({ organisationId: riverside.id, indicatorId: indicator.id, period: "2026-09", value: 97 });
    const before = await loadScorecard(services.db, { organisationId: riverside.id, period: "2026-09", areaId: null });
    expect(before.entries.map((e) => e.indicator.code)).toEqual(["BV66a"]);

    const result = dataOf(await postLibrary({ intent: "retire", indicatorId: indicator.id }, cookies.admin));
    expect(result.message).toMatch(/BV66a is retired/);
    const after = await loadScorecard(services.db, { organisationId: riverside.id, period: "2026-09", areaId: null });
    expect(after.entries).toEqual([]);
    expect(await services.db.select().from(actuals).where(eq(actuals.indicatorId, indicator.id))).toHaveLength(1);
    expect((await getLibrary(cookies.admin)).indicators[0].active).toBe(false);

    const reused = dataOf(await postNew({ ...rentCollected(), code: "bv66a" }, cookies.admin));
    expect(reused.fieldErrors?.code).toMatch(/retired: a code is never reused/);
    expect(await services.db.select().from(indicators).where(eq(indicators.organisationId, riverside.id))).toHaveLength(1);

    await postLibrary({ intent: "reinstate", indicatorId: indicator.id }, cookies.admin);
    expect((await getLibrary(cookies.admin)).indicators[0].active).toBe(true);
  });

  it("cannot retire another organisation's indicator", async () => {
    const [theirs] = await services.db
      .insert(indicators)
      .values({
        organisationId: southbank.id,
        code: "SB1",
        title: "Theirs",
        category: "local",
        unit: "count",
        polarity: "lower",
        frequency: "monthly",
        aggregation: "sum",
      })
      .returning();
    const result = dataOf(await postLibrary({ intent: "retire", indicatorId: theirs.id }, cookies.admin));
    expect(result.fieldErrors?.form).toMatch(/no longer exists/);
    const [after] = await services.db.select().from(indicators).where(eq(indicators.id, theirs.id));
    expect(after.retiredAt).toBeNull();
  });
});

describe("who may keep the library", () => {
  it("refuses officers and viewers every page and form (403)", async () => {
    for (const role of ["officer", "viewer"]) {
      expect(await statusOf(getLibrary(cookies[role]))).toBe(403);
      expect(await statusOf(getNew(cookies[role]))).toBe(403);
      expect(await statusOf(getEdit("BV66a", cookies[role]))).toBe(403);
      expect(await statusOf(postLibrary({ intent: "create-theme", name: "Sneaky" }, cookies[role]))).toBe(403);
      expect(await statusOf(postNew({ ...rentCollected(), code: "SNEAKY" }, cookies[role]))).toBe(403);
      expect(await statusOf(postEdit("BV66a", { ...rentCollected(), title: "Sneaky" }, cookies[role]))).toBe(403);
      // Refused before the form is read: an invalid form gets 403, not its problems.
      expect(await statusOf(postLibrary({ intent: "create-theme", name: "" }, cookies[role]))).toBe(403);
      expect(await statusOf(postNew({ code: "" }, cookies[role]))).toBe(403);
      expect(await statusOf(postEdit("BV66a", { title: "" }, cookies[role]))).toBe(403);
    }
    expect((await listThemes(services.db, riverside.id)).some((t) => t.name === "Sneaky")).toBe(false);
  });

  it("answers another organisation's admin 404 on every page, and an unknown code 404", async () => {
    expect(await statusOf(getLibrary(cookies.outsider))).toBe(404);
    expect(await statusOf(getNew(cookies.outsider))).toBe(404);
    expect(await statusOf(getEdit("BV66a", cookies.outsider))).toBe(404);
    expect(await statusOf(postNew(rentCollected(), cookies.outsider))).toBe(404);
    expect(await statusOf(postEdit("BV66a", rentCollected(), cookies.outsider))).toBe(404);
    // Their own path does not reach our indicator either.
    expect(await statusOf(getEdit("BV66a", cookies.outsider, "southbank"))).toBe(404);
    expect(await statusOf(getEdit("NOPE", cookies.admin))).toBe(404);
  });
});
