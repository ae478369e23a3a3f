import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { actualRevisions, actuals, indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { readSeedFile } from "./demo-seeder";
import { importFile } from "./import-committer";
import { createOrganisation } from "./organisation-creator";
import { addMember } from "./user-creator";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let organisationId: string;
const csv = (text: string) => new TextEncoder().encode(text);
const actor = { userId: null, label: "test" };

beforeAll(async () => {
  database = await createTestDatabase("demo");
  organisationId = (await findOrganisationBySlug(database.db, "northfield"))!.id;
});
afterAll(() => database.cleanup());

async function countActuals() {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(actuals)
    .where(eq(actuals.organisationId, organisationId));
  return row.n;
}

describe("importing performance data", () => {
  it("seeds the demo organisation with the sample library and three years of figures", async () => {
    expect(await countActuals()).toBe(1826);
    const library = await database.db.select().from(indicators).where(eq(indicators.organisationId, organisationId));
    expect(library).toHaveLength(29);
    expect(library.every((i) => i.ownerUserId && i.managerUserId)).toBe(true);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const revisionsBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(actualRevisions);
    const outcome = await importFile(database.db, {
      organisationId,
      kind: "actuals",
      bytes: readSeedFile("actuals.csv"),
      filename: "actuals.csv",
      actor,
    });
    expect(outcome.ok && outcome.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1826 });
    const revisionsAfter = await database.db.select({ n: sql<number>`count(*)::int` }).from(actualRevisions);
    expect(revisionsAfter[0].n).toBe(revisionsBefore[0].n);
  });

  it("records a revision naming the import when a figure changes", async () => {
    const file = csv("indicator,period,area,value,numerator,denominator,status\nBV212,2026-10,All,31.5,,,submitted\n");
    const outcome = await importFile(database.db, {
      organisationId,
      kind: "actuals",
      bytes: file,
      filename: "october-correction.csv",
      actor,
    });
    expect(outcome.ok && outcome.summary).toMatchObject({ updated: 1, created: 0 });
    const [bv212] = await database.db
      .select()
      .from(indicators)
      .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, "BV212")));
    const revisions = await database.db
      .select()
      .from(actualRevisions)
      .where(and(eq(actualRevisions.indicatorId, bv212.id), eq(actualRevisions.period, "2026-10")));
    const latest = revisions.at(-1)!;
    expect(latest.reason).toBe("Imported from october-correction.csv");
    expect(latest.after.value).toBe(31.5);
    expect(latest.before?.value).not.toBe(31.5);
    expect(typeof latest.before?.value).toBe("number");
    expect(latest).toMatchObject({ organisationId, changedByLabel: actor.label, changedBy: actor.userId, areaId: null });
  });

  it("records a new figure's revision with nothing before it, and keeps its note and status", async () => {
    const file = csv(
      "indicator,period,area,value,numerator,denominator,status,note\nBV212,2030-01,All,12.5,,,verified,Checked by audit\n",
    );
    const outcome = await importFile(database.db, { organisationId, kind: "actuals", bytes: file, filename: "new.csv", actor });
    expect(outcome.ok && outcome.summary).toMatchObject({ created: 1 });
    const [figure] = await database.db
      .select()
      .from(actuals)
      .where(and(eq(actuals.organisationId, organisationId), eq(actuals.period, "2030-01")));
    expect(figure).toMatchObject({
      value: 12.5,
      status: "verified",
      note: "Checked by audit",
      unaudited: false,
      enteredBy: actor.userId,
    });
    expect(figure.enteredAt).toBeInstanceOf(Date);
    const [revision] = await database.db.select().from(actualRevisions).where(eq(actualRevisions.actualId, figure.id));
    expect(revision.before).toBeNull();
    expect(revision.after).toMatchObject({ value: 12.5, status: "verified", note: "Checked by audit" });
  });

  it("marks a figure unaudited from the status column, and clears the mark when a later file says verified", async () => {
    const read = async () => {
      const [figure] = await database.db
        .select()
        .from(actuals)
        .where(and(eq(actuals.organisationId, organisationId), eq(actuals.period, "2030-02")));
      return figure;
    };
    const header = "indicator,period,area,value,numerator,denominator,status\n";
    const first = await importFile(database.db, {
      organisationId,
      kind: "actuals",
      bytes: csv(`${header}BV212,2030-02,All,12.5,,,"verified, unaudited"\n`),
      filename: "year-end.csv",
      actor,
    });
    expect(first.ok && first.summary).toMatchObject({ created: 1 });
    expect(await read()).toMatchObject({ status: "verified", unaudited: true });
    // Only the mark changes: it is a change, with its revision.
    const audited = await importFile(database.db, {
      organisationId,
      kind: "actuals",
      bytes: csv(`${header}BV212,2030-02,All,12.5,,,verified\n`),
      filename: "audited.csv",
      actor,
    });
    expect(audited.ok && audited.summary).toMatchObject({ updated: 1 });
    const figure = await read();
    expect(figure.unaudited).toBe(false);
    const revisions = await database.db.select().from(actualRevisions).where(eq(actualRevisions.actualId, figure.id));
    expect(revisions.at(-1)).toMatchObject({ before: { unaudited: true }, after: { unaudited: false } });
  });

  it("refuses the whole file when any row has a problem, and changes nothing", async () => {
    const before = await countActuals();
    const file = csv(
      "indicator,period,area,value,numerator,denominator,status\n" +
        "BV212,2030-04,All,20,,,submitted\n" +
        "NOPE,2030-04,All,20,,,submitted\n" +
        "BV66a,2030-04,All,abc,,,submitted\n",
    );
    const outcome = await importFile(database.db, { organisationId, kind: "actuals", bytes: file, filename: "bad.csv", actor });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems.map((p) => p.line)).toEqual([3, 4]);
      expect(outcome.problems[0].message).toContain("Unknown indicator code “NOPE”");
    }
    expect(await countActuals()).toBe(before);
  });

  it("imports the wide spreadsheet layout as organisation-wide figures, unchanged from the long form", async () => {
    const outcome = await importFile(database.db, {
      organisationId,
      kind: "actuals-wide",
      bytes: readSeedFile("actuals-wide.csv"),
      filename: "actuals-wide.csv",
      actor,
    });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.summary).toMatchObject({ created: 0, updated: 1, unchanged: 545 });
  });
});

describe("the import preview", () => {
  it("counts what the import would do and changes nothing", async () => {
    const before = await countActuals();
    const file = csv(
      "indicator,period,area,value,numerator,denominator,status\nBV212,2030-04,All,20,,,submitted\nBV212,2026-09,All,99,,,submitted\n",
    );
    const outcome = await importFile(database.db, {
      organisationId,
      kind: "actuals",
      bytes: file,
      filename: "preview.csv",
      actor,
      dryRun: true,
    });
    expect(outcome.ok && outcome.summary).toMatchObject({ created: 1, updated: 1 });
    expect(await countActuals()).toBe(before);
  });
});

describe("the indicator library's people, definitions and data sources", () => {
  const header = "code,title,theme,category,unit,polarity,frequency,aggregation,decimals";
  const line = "RV1,Rent verified,Valuing Resources,Local indicator,%,higher,monthly,ratio,1";

  it("sets an indicator's owner and manager from members' addresses, on an organisation without the demo", async () => {
    const riverside = await createOrganisation(database.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
    const manager = await addMember(
      database.db,
      { organisationId: riverside.id, email: "manager@riverside.example", role: "officer", password: "a-long-password" },
      SYSTEM_ACTOR,
    );
    const file = `${header},definition,data_source,owner_email,manager_email\n${line},"Rent collected, verified",Rent system,,Manager@Riverside.example\n`;
    const outcome = await importFile(database.db, {
      organisationId: riverside.id,
      kind: "indicators",
      bytes: csv(file),
      filename: "library.csv",
      actor,
    });
    expect(outcome.ok).toBe(true);
    const [rv1] = await database.db.select().from(indicators).where(eq(indicators.organisationId, riverside.id));
    expect(rv1).toMatchObject({
      definition: "Rent collected, verified",
      dataSource: "Rent system",
      ownerUserId: null,
      managerUserId: manager.id,
    });

    // A file without the optional columns leaves them as they are.
    const again = await importFile(database.db, {
      organisationId: riverside.id,
      kind: "indicators",
      bytes: csv(`${header}\n${line}\n`),
      filename: "short.csv",
      actor,
    });
    expect(again.ok && again.summary.unchanged).toBe(1);
  });

  it("refuses a member of another organisation as owner, with the line, and changes nothing", async () => {
    const file = `${header},owner_email\n${line},officer@northfield.example\n`;
    const riverside = (await findOrganisationBySlug(database.db, "riverside"))!;
    const outcome = await importFile(database.db, {
      organisationId: riverside.id,
      kind: "indicators",
      bytes: csv(file),
      filename: "library.csv",
      actor,
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/officer@northfield\.example.* is not a member of this organisation/)],
    ]);
    const [rv1] = await database.db.select().from(indicators).where(eq(indicators.organisationId, riverside.id));
    expect(rv1.ownerUserId).toBeNull();
  });
});
