import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { action, loader } from "../../app/routes/o.$orgSlug.indicators.$code/route";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { actualRevisions, actuals, indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
let bv212: string;
let organisationId: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  for (const role of ["admin", "officer", "member", "viewer"] as const) {
    const user = (await findUserByEmail(services.db, `${role}@northfield.example`))!;
    cookies[role] = await cookieFor(services, user.id);
  }
  // An officer who neither owns nor manages any indicator.
  const otherOfficer = await addMember(
    services.db,
    { organisationId, email: "officer2@northfield.example", role: "officer", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.otherOfficer = await cookieFor(services, otherOfficer.id);
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "admin@southbank.example", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
  [{ id: bv212 }] = await services.db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, "BV212")));
});
afterAll(() => services.cleanup());

const params = { orgSlug: "northfield", code: "BV212" };
const page = (search = "", cookie = cookies.officer, path = "/o/northfield/indicators/BV212") =>
  new Request(`http://localhost${path}${search}`, { headers: { Cookie: cookie } });
const load = (request: Request, p: Record<string, string> = params) =>
  loader({ request, context: loadContext(services), params: p });
const act = (fields: Record<string, string>, cookie: string, p: Record<string, string> = params) =>
  action({
    request: formRequest(`/o/${p.orgSlug}/indicators/${p.code}`, fields, cookie),
    context: loadContext(services),
    params: p,
  });
const resultOf = async (promise: Promise<unknown>) =>
  (await promise) as { data: { message?: string; fieldErrors?: Record<string, string> }; init: { status?: number } | null };

async function figure(period: string) {
  const [row] = await services.db
    .select()
    .from(actuals)
    .where(and(eq(actuals.indicatorId, bv212), eq(actuals.period, period), isNull(actuals.areaId)));
  return row;
}

const entry = (overrides: Record<string, string> = {}) => ({
  intent: "record",
  period: "2026-10",
  area: "",
  value: "",
  numerator: "1900",
  denominator: "60",
  note: "Includes two long-term voids",
  reason: "Late return from the East team",
  ...overrides,
});

describe("the indicator page", () => {
  it("shows the indicator, its latest period, three years of trend and the areas", async () => {
    const data = await load(page());
    expect(data.indicator).toMatchObject({
      code: "BV212",
      title: "Average time to re-let empty homes",
      polarityText: "Lower is better",
      definition: expect.stringMatching(/^Average calendar days from the end of one tenancy/),
      dataSource: "Housing management system (voids and lettings)",
    });
    expect(data.period).toBe("2026-10");
    expect(data.chart.financialYears).toEqual(["2024/25", "2025/26", "2026/27"]);
    expect(data.chart.points).toHaveLength(36);
    expect(data.areaRows.map((a) => a.name)).toEqual(["East", "North", "South", "West"]);
    expect(data.current.valueText).toMatch(/ days$/);
    expect(data.peers.groups.map((g) => `${g.peerGroup} ${g.year}`)).toContain("Metropolitan housing companies (sample) 2025/26");
    expect(data.permissions).toEqual({ enter: true, verify: false });
    expect(data.form).not.toBeNull();
  });

  it("shows a chosen period, and answers 400 to a malformed one", async () => {
    expect((await load(page("?period=2025-06"))).period).toBe("2025-06");
    expect(await statusOf(load(page("?period=June")))).toBe(400);
  });

  it("sends a viewer no entry form and no verify permission", async () => {
    const data = await load(page("", cookies.viewer));
    expect(data.permissions).toEqual({ enter: false, verify: false });
    expect(data.form).toBeNull();
  });

  it("answers 404 for an unknown code", async () => {
    expect(
      await statusOf(load(page("", cookies.officer, "/o/northfield/indicators/NOPE"), { orgSlug: "northfield", code: "NOPE" })),
    ).toBe(404);
  });

  it("answers 404 to another organisation, by its slug or by ours", async () => {
    expect(await statusOf(load(page("", cookies.outsider)))).toBe(404);
    expect(
      await statusOf(load(page("", cookies.outsider, "/o/southbank/indicators/BV212"), { orgSlug: "southbank", code: "BV212" })),
    ).toBe(404);
  });
});

describe("entering a figure", () => {
  it.each(["viewer", "member", "otherOfficer"])("is refused (403) to a %s", async (who) => {
    expect(await statusOf(act(entry(), cookies[who]))).toBe(403);
  });

  it("is refused (404) to another organisation's admin", async () => {
    expect(await statusOf(act(entry(), cookies.outsider))).toBe(404);
  });

  it("answers 400 with the field's error for a value that is not a number", async () => {
    const result = await resultOf(act(entry({ value: "lots", numerator: "", denominator: "" }), cookies.officer));
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ value: "Enter the value as a number, like 24.5" });
  });

  it("answers 400 with the command's refusal, on the field to fix", async () => {
    const result = await resultOf(act(entry({ period: "2026-10", numerator: "10", denominator: "0" }), cookies.officer));
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ denominator: "The denominator is 0: a figure needs at least one case" });
  });

  it("lets the officer who manages the indicator enter it, and tells open pages", async () => {
    const before = await figure("2026-10");
    const sent = vi.spyOn(services.live, "figuresChanged");
    const result = await resultOf(act(entry(), cookies.officer));
    expect(result.init?.status ?? 200).toBe(200);
    expect(result.data.message).toBe(
      "Changed the figure for October 2026, whole organisation: 31.67 days. It is now waiting to be verified.",
    );
    expect(sent).toHaveBeenCalledWith(organisationId, { indicatorCodes: ["BV212"], periods: ["2026-10"], reason: "entry" });
    const after = await figure("2026-10");
    expect(after).toMatchObject({
      value: 31.67,
      numerator: 1900,
      denominator: 60,
      status: "submitted",
      note: "Includes two long-term voids",
    });
    expect(after.value).not.toBe(before.value);
  });

  it("shows the change in the page's revisions, newest first", async () => {
    const data = await load(page());
    expect(data.revisions[0]).toMatchObject({
      who: "Tom Okafor",
      period: "October 2026",
      area: "Whole organisation",
      afterText: "31.67 days",
      reason: "Late return from the East team",
    });
    expect(data.revisions[0].beforeText).not.toBe("31.67 days");
  });
});

describe("verifying a figure", () => {
  it.each(["viewer", "member", "officer"])("is refused (403) to a %s", async (who) => {
    const { id } = await figure("2026-10");
    expect(await statusOf(act({ intent: "verify", actualId: id }, cookies[who]))).toBe(403);
  });

  it("lets an admin verify, with a revision that says so", async () => {
    const { id } = await figure("2026-10");
    const result = await resultOf(act({ intent: "verify", actualId: id }, cookies.admin));
    expect(result.data.message).toBe("Verified the figure for October 2026, whole organisation: 31.67 days.");
    expect(await figure("2026-10")).toMatchObject({ status: "verified" });
    const [revision] = await services.db
      .select()
      .from(actualRevisions)
      .where(eq(actualRevisions.actualId, id))
      .orderBy(desc(actualRevisions.id))
      .limit(1);
    expect(revision).toMatchObject({ reason: "Verified", after: expect.objectContaining({ status: "verified" }) });
  });

  it("answers 400 when the figure is already verified", async () => {
    const { id } = await figure("2026-10");
    const result = await resultOf(act({ intent: "verify", actualId: id }, cookies.admin));
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors?.form).toBe("The figure for BV212 for October 2026 is already verified");
  });

  it("answers 404 for a figure of another indicator, sent to this indicator's page", async () => {
    const [bv66a] = await services.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, "BV66a")));
    const [other] = await services.db
      .select({ id: actuals.id })
      .from(actuals)
      .where(and(eq(actuals.indicatorId, bv66a.id), eq(actuals.status, "submitted")))
      .limit(1);
    expect(await statusOf(act({ intent: "verify", actualId: other.id }, cookies.admin))).toBe(404);
    const [unchanged] = await services.db.select({ status: actuals.status }).from(actuals).where(eq(actuals.id, other.id));
    expect(unchanged.status).toBe("submitted");
  });
});

describe("correcting a verified figure", () => {
  it("needs a reason (400)", async () => {
    const result = await resultOf(act(entry({ numerator: "1800", reason: "" }), cookies.officer));
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({
      reason: "The figure for October 2026, whole organisation has been verified: give a reason for changing it",
    });
    expect((await figure("2026-10")).status).toBe("verified");
  });

  it("is refused (403) to someone who may not enter, even with a reason", async () => {
    expect(await statusOf(act(entry({ numerator: "1800", reason: "Because" }), cookies.otherOfficer))).toBe(403);
  });

  it("creates a revision with the before and after, and sends the figure back for verification", async () => {
    const { id } = await figure("2026-10");
    const result = await resultOf(act(entry({ numerator: "1800", reason: "Recounted the lets" }), cookies.officer));
    expect(result.data.message).toMatch(/^Changed the figure for October 2026, whole organisation: 30.00 days/);
    const [revision] = await services.db
      .select()
      .from(actualRevisions)
      .where(eq(actualRevisions.actualId, id))
      .orderBy(desc(actualRevisions.id))
      .limit(1);
    expect(revision.before).toMatchObject({ value: 31.67, numerator: 1900, status: "verified" });
    expect(revision.after).toMatchObject({ value: 30, numerator: 1800, status: "submitted" });
    expect(revision.reason).toBe("Recounted the lets");
    expect(await figure("2026-10")).toMatchObject({ status: "submitted", verifiedBy: null });
  });
});
