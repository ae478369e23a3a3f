import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { auditLog } from "../../db/schema/identity";
import { actualRevisions, actuals, areas, indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR, type Actor } from "../audit";
import { CommandError } from "./errors";
import { recordFigure, verifyFigure, type RecordFigureInput } from "./figure-recorder";
import { createOrganisation } from "./organisation-creator";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let organisationId: string;
let otherOrganisationId: string;
let officer: Actor;
let admin: Actor;
const ids: Record<string, string> = {};
const areaIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase("demo");
  const { db } = database;
  organisationId = (await findOrganisationBySlug(db, "northfield"))!.id;
  const other = await createOrganisation(db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  otherOrganisationId = other.id;
  const [southArea] = await db.insert(areas).values({ organisationId: other.id, name: "Riverside", homes: 100 }).returning();
  areaIds.Riverside = southArea.id;
  for (const i of await db.select().from(indicators).where(eq(indicators.organisationId, organisationId))) ids[i.code] = i.id;
  for (const a of await db.select().from(areas).where(eq(areas.organisationId, organisationId))) areaIds[a.name] = a.id;
  const officerUser = (await findUserByEmail(db, "officer@northfield.example"))!;
  const adminUser = (await findUserByEmail(db, "admin@northfield.example"))!;
  officer = { userId: officerUser.id, label: officerUser.email };
  admin = { userId: adminUser.id, label: adminUser.email };
});
afterAll(() => database.cleanup());

const figure = (
  overrides: Partial<RecordFigureInput> & Pick<RecordFigureInput, "indicatorId" | "period">,
): RecordFigureInput => ({
  organisationId,
  areaId: null,
  value: null,
  numerator: null,
  denominator: null,
  note: null,
  reason: null,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

async function revisionsOf(actualId: string) {
  return database.db
    .select()
    .from(actualRevisions)
    .where(eq(actualRevisions.actualId, actualId))
    .orderBy(desc(actualRevisions.id));
}

async function storedFigure(indicatorId: string, period: string, areaId: string | null) {
  const [row] = await database.db
    .select()
    .from(actuals)
    .where(
      and(
        eq(actuals.indicatorId, indicatorId),
        eq(actuals.period, period),
        areaId ? eq(actuals.areaId, areaId) : isNull(actuals.areaId),
      ),
    );
  return row ?? null;
}

describe("recordFigure", () => {
  it("enters a new figure as submitted, works out a mean's value, and records the revision and the audit entry", async () => {
    const result = await recordFigure(
      database.db,
      figure({ indicatorId: ids.BV212, period: "2026-11", numerator: 1500, denominator: 48, note: "From the lettings system" }),
      officer,
    );
    expect(result).toMatchObject({ created: true, changed: true, indicatorCode: "BV212" });
    expect(result.actual).toMatchObject({
      value: 31.25,
      numerator: 1500,
      denominator: 48,
      status: "submitted",
      enteredBy: officer.userId,
      areaId: null,
    });
    const [revision] = await revisionsOf(result.actual.id);
    expect(revision.before).toBeNull();
    expect(revision.after).toEqual({
      value: 31.25,
      numerator: 1500,
      denominator: 48,
      status: "submitted",
      note: "From the lettings system",
      unaudited: false,
    });
    expect(revision).toMatchObject({
      reason: "First entry",
      changedBy: officer.userId,
      changedByLabel: officer.label,
      period: "2026-11",
    });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, result.actual.id));
    expect(audit).toMatchObject({ action: "figure.enter", actorUserId: officer.userId, subjectType: "actual" });
  });

  it("works out a percentage from the numerator and denominator, rounded to the indicator's decimals", async () => {
    const result = await recordFigure(
      database.db,
      figure({ indicatorId: ids.BV66a, period: "2026-11", areaId: areaIds.North, numerator: 311, denominator: 315 }),
      officer,
    );
    expect(result.actual.value).toBe(98.73);
    expect(result.actual.areaId).toBe(areaIds.North);
  });

  it("changes an unverified figure and keeps the before and after", async () => {
    const result = await recordFigure(
      database.db,
      figure({
        indicatorId: ids.BV212,
        period: "2026-11",
        numerator: 1440,
        denominator: 48,
        note: "Two voids were double-counted",
        reason: "Recounted",
      }),
      officer,
    );
    expect(result).toMatchObject({ created: false, changed: true });
    const [revision] = await revisionsOf(result.actual.id);
    expect(revision.before).toMatchObject({ value: 31.25, numerator: 1500 });
    expect(revision.after).toMatchObject({ value: 30, numerator: 1440, note: "Two voids were double-counted" });
    expect(revision.reason).toBe("Recounted");
  });

  it("writes nothing when the figure submitted is the one already stored", async () => {
    const stored = (await storedFigure(ids.BV212, "2026-11", null))!;
    const before = await revisionsOf(stored.id);
    const result = await recordFigure(
      database.db,
      figure({
        indicatorId: ids.BV212,
        period: "2026-11",
        value: 30,
        numerator: 1440,
        denominator: 48,
        note: "Two voids were double-counted",
      }),
      officer,
    );
    expect(result).toMatchObject({ created: false, changed: false });
    expect(await revisionsOf(stored.id)).toHaveLength(before.length);
  });

  it("refuses to change a verified figure without a reason, and changes nothing", async () => {
    const stored = (await storedFigure(ids.BV212, "2025-10", null))!;
    expect(stored.status).toBe("verified");
    const error = await refusal(
      recordFigure(database.db, figure({ indicatorId: ids.BV212, period: "2025-10", value: 20, reason: "  " }), officer),
    );
    expect(error.field).toBe("reason");
    expect(error.message).toBe("The figure for BV212 for October 2025 has been verified: give a reason for changing it");
    expect(await storedFigure(ids.BV212, "2025-10", null)).toEqual(stored);
  });

  it("sends a corrected verified figure back to submitted, with the reason in its revision", async () => {
    const result = await recordFigure(
      database.db,
      figure({ indicatorId: ids.BV212, period: "2025-10", value: 27.5, reason: "Void at 4 Elm Road was recorded twice" }),
      officer,
    );
    expect(result.actual).toMatchObject({
      value: 27.5,
      numerator: null,
      denominator: null,
      status: "submitted",
      verifiedBy: null,
      verifiedAt: null,
    });
    const [revision] = await revisionsOf(result.actual.id);
    expect(revision.before?.status).toBe("verified");
    expect(revision.after).toMatchObject({ value: 27.5, status: "submitted" });
    expect(revision.reason).toBe("Void at 4 Elm Road was recorded twice");
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, result.actual.id))
      .orderBy(desc(auditLog.id));
    expect(audit.action).toBe("figure.change");
  });

  it("asks for a reason for any change when the caller requires one (the seam for frozen packs)", async () => {
    const error = await refusal(
      recordFigure(database.db, figure({ indicatorId: ids.BV212, period: "2026-11", value: 29, requiresReason: true }), officer),
    );
    expect(error).toMatchObject({
      field: "reason",
      message: "Give a reason for changing the figure for BV212 for November 2026",
    });
  });

  it.each([
    [
      "a numerator greater than the denominator of a percentage",
      { indicator: "BV66a", numerator: 320, denominator: 315 },
      "numerator",
      "The numerator (320) is greater than the denominator (315): BV66a is a percentage of the denominator, so it cannot be",
    ],
    [
      "a percentage over 100",
      { indicator: "BV66a", value: 101 },
      "value",
      "101 is over 100%: a percentage cannot be more than 100",
    ],
    ["a negative percentage", { indicator: "BV66a", value: -1 }, "value", "-1 is below 0%: a percentage cannot be negative"],
    [
      "a value that does not match its numerator and denominator",
      { indicator: "BV66a", value: 97, numerator: 311, denominator: 315 },
      "value",
      "The value 97 does not match the numerator and denominator: 100 × 311 ÷ 315 = 98.73%. Correct one of them, or leave the value blank to work it out",
    ],
    [
      "a numerator without a denominator",
      { indicator: "BV212", numerator: 100 },
      "denominator",
      "A numerator needs a denominator: give both, or neither",
    ],
    [
      "a zero denominator",
      { indicator: "BV212", numerator: 0, denominator: 0 },
      "denominator",
      "The denominator is 0: a figure needs at least one case",
    ],
    ["no value at all", { indicator: "BV212" }, "value", "Enter the value, or the numerator and denominator to work it out from"],
    [
      "a quarterly figure in a month that is not a quarter end",
      { indicator: "BV66d", period: "2026-08", value: 0.1 },
      "period",
      "BV66d is reported quarterly, at the end of June, September, December and March: 2026-08 (August) is not a quarter end",
    ],
    [
      "a malformed period",
      { indicator: "BV212", period: "2026-13", value: 20 },
      "period",
      "Enter the period as a year and month, like 2026-10",
    ],
  ] as const)("refuses %s", async (_name, given, field, message) => {
    const { indicator, ...rest } = given as {
      indicator: string;
      period?: string;
      value?: number;
      numerator?: number;
      denominator?: number;
    };
    const error = await refusal(
      recordFigure(database.db, figure({ indicatorId: ids[indicator], period: "2026-12", ...rest }), officer),
    );
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });

  it("refuses an area figure for an indicator that is not broken down by area", async () => {
    const error = await refusal(
      recordFigure(
        database.db,
        figure({ indicatorId: ids.BV66d, period: "2026-09", areaId: areaIds.North, value: 0.1 }),
        officer,
      ),
    );
    expect(error).toMatchObject({
      field: "area",
      message: "BV66d is not broken down by area: enter the organisation-wide figure",
    });
  });

  it("refuses another organisation's area and indicator", async () => {
    const area = await refusal(
      recordFigure(
        database.db,
        figure({ indicatorId: ids.BV212, period: "2026-11", areaId: areaIds.Riverside, value: 20 }),
        officer,
      ),
    );
    expect(area).toMatchObject({ field: "area", message: "That area does not exist in this organisation" });
    const indicator = await refusal(
      recordFigure(
        database.db,
        figure({ organisationId: otherOrganisationId, indicatorId: ids.BV212, period: "2026-11", value: 20 }),
        officer,
      ),
    );
    expect(indicator.message).toBe("That indicator does not exist in this organisation");
  });
});

describe("verifyFigure", () => {
  it("marks a figure verified, with who and when, and a revision with the reason Verified", async () => {
    const stored = (await storedFigure(ids.BV212, "2026-11", null))!;
    expect(stored.status).toBe("submitted");
    const { actual, indicatorCode } = await verifyFigure(database.db, { organisationId, actualId: stored.id }, admin);
    expect(indicatorCode).toBe("BV212");
    expect(actual).toMatchObject({ status: "verified", verifiedBy: admin.userId, value: stored.value });
    expect(actual.verifiedAt).toBeInstanceOf(Date);
    const [revision] = await revisionsOf(stored.id);
    expect(revision).toMatchObject({ reason: "Verified", changedBy: admin.userId });
    expect(revision.before?.status).toBe("submitted");
    expect(revision.after).toMatchObject({ status: "verified", value: stored.value });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, stored.id)).orderBy(desc(auditLog.id));
    expect(audit.action).toBe("figure.verify");
  });

  it("refuses a figure that is already verified", async () => {
    const stored = (await storedFigure(ids.BV212, "2026-11", null))!;
    const error = await refusal(verifyFigure(database.db, { organisationId, actualId: stored.id }, admin));
    expect(error.message).toBe("The figure for BV212 for November 2026 is already verified");
  });

  it("refuses a figure of another organisation as if it did not exist", async () => {
    const stored = (await storedFigure(ids.BV66a, "2026-11", areaIds.North))!;
    const error = await refusal(verifyFigure(database.db, { organisationId: otherOrganisationId, actualId: stored.id }, admin));
    expect(error.message).toBe("That figure does not exist in this organisation");
    expect((await storedFigure(ids.BV66a, "2026-11", areaIds.North))!.status).toBe("submitted");
  });
});
