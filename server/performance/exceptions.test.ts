import { asc, eq } from "drizzle-orm";
import { setExceptionRule } from "../commands/organisation-settings";
import { auditLog } from "../../db/schema/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { fillCommentary } from "../../app/shared/commentary/commentary-fixture";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { markCommentaryReady, recordCommentaryEdit } from "../commands/commentary-state";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { loadExceptions, missingCommentaries } from "./exceptions";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let organisationId: string;
let owner: { userId: string; label: string };
let manager: { userId: string; label: string };
const codes: Record<string, string> = {};

async function writeDocument(name: string, doc: Y.Doc) {
  const storage = createPostgresStorage(database.db);
  await storage.ensure(name, organisationId);
  await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: manager.userId, at: new Date() }]);
}

const complete = () => ({
  sections: { reason: "Two contractors left the framework.\n\nThe backlog is in the East.", forecast: "98.9% at year end." },
  actions: [{ action: "Appoint an interim contractor", ownerId: manager.userId, due: "2026-12-15", status: "on_track" as const }],
  recoveryDate: "2027-01-31",
});

beforeAll(async () => {
  database = await createTestDatabase("demo");
  organisationId = (await findOrganisationBySlug(database.db, "northfield"))!.id;
  owner = { userId: (await findUserByEmail(database.db, "admin@northfield.example"))!.id, label: "admin" };
  manager = { userId: (await findUserByEmail(database.db, "officer@northfield.example"))!.id, label: "officer" };
  for (const row of await database.db
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.organisationId, organisationId))) {
    codes[row.code] = row.id;
  }
});
afterAll(() => database.cleanup());

// Off target in October 2026, worked out from db/seed-data (the scorecard tests check the figures themselves).
const OCTOBER_EXCEPTIONS = ["LPI-03", "LPI-01", "TP02", "xBV72", "xBV73", "BV212", "CH02-1", "LPI-06", "TP06", "TP12"];
// Within tolerance in October 2026: exceptions too under the default rule (any figure not on target).
const OCTOBER_AMBER = ["BV66a", "BS01", "LPI-02", "RP01", "LPI-08", "TP01"];

describe("loadExceptions", () => {
  it("off target only: lists every indicator off target in the period, in scorecard order, with nothing written yet", async () => {
    await setExceptionRule(database.db, { organisationId, exceptionRule: "off_target_only" }, owner);
    const items = await loadExceptions(database.db, organisationId, "2026-10");
    await setExceptionRule(database.db, { organisationId, exceptionRule: "not_on_target" }, owner);
    expect(items.map((i) => i.indicator.code)).toEqual(OCTOBER_EXCEPTIONS);
    expect(items.every((i) => i.line.status === "off_target")).toBe(true);
    expect(
      items.every((i) => i.commentary.status === "missing" && i.excerptHtml === "" && i.commentary.lastEdited === null),
    ).toBe(true);
    const bv212 = items.find((i) => i.indicator.code === "BV212")!;
    expect(bv212.line.valueText).toBe("33.01 days");
    expect(bv212.indicator).toMatchObject({ ownerName: "Priya Shah", managerName: "Tom Okafor" });
    expect(bv212.commentary.documentName).toBe(exceptionDocumentName(codes.BV212, "2026-10"));
  });

  it("any figure not on target (the default): amber indicators need a commentary too, and the change is audited", async () => {
    const items = await loadExceptions(database.db, organisationId, "2026-10");
    expect(new Set(items.map((i) => i.indicator.code))).toEqual(new Set([...OCTOBER_EXCEPTIONS, ...OCTOBER_AMBER]));
    expect(
      items
        .filter((i) => i.line.status === "within_tolerance")
        .map((i) => i.indicator.code)
        .sort(),
    ).toEqual([...OCTOBER_AMBER].sort());
    // In the order written (a PostgreSQL server gives rows in no set order without one).
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "organisation.set_exception_rule"))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.after)).toEqual([{ exceptionRule: "off_target_only" }, { exceptionRule: "not_on_target" }]);
  });

  it("keys an annual indicator's commentary on its reporting period, not the chosen month", async () => {
    const items = await loadExceptions(database.db, organisationId, "2026-10");
    expect(items.find((i) => i.indicator.code === "TP02")!.period).toBe("2026-03");
  });

  it("is empty for a period with no figures", async () => {
    expect(await loadExceptions(database.db, organisationId, "2019-04")).toEqual([]);
  });

  it("follows a commentary from missing to draft to ready, then back to draft when its words change", async () => {
    const name = exceptionDocumentName(codes["LPI-01"], "2026-10");
    const doc = new Y.Doc();
    const status = async () =>
      (await loadExceptions(database.db, organisationId, "2026-10")).find((i) => i.indicator.code === "LPI-01")!;

    fillCommentary(doc, { sections: { reason: "Two contractors left the framework.\n\nThe backlog is in the East." } });
    await writeDocument(name, doc);
    let item = await status();
    expect(item.commentary.status).toBe("draft");
    expect(item.commentary.gaps.map((g) => g.field)).toEqual(["actions", "recoveryDate", "forecast"]);
    expect(item.excerptHtml).toBe("<p>Two contractors left the framework.</p>");
    expect(item.excerptTruncated).toBe(true);

    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    await markCommentaryReady(database.db, { organisationId, indicatorId: codes["LPI-01"], period: "2026-10" }, owner);
    item = await status();
    expect(item.commentary).toMatchObject({ status: "ready", changedSinceReady: false, gaps: [], ready: { by: "Priya Shah" } });

    fillCommentary(doc, { sections: { forecast: "99.1% at year end." } });
    await writeDocument(name, doc);
    item = await status();
    expect(item.commentary).toMatchObject({ status: "draft", changedSinceReady: true, ready: { by: "Priya Shah" } });
  });

  it("says who last edited, and that someone is editing while their edits are recent", async () => {
    const target = { organisationId, indicatorId: codes["xBV72"], period: "2026-10" };
    await recordCommentaryEdit(database.db, target, { userId: manager.userId, label: "officer" });
    let item = (await loadExceptions(database.db, organisationId, "2026-10")).find((i) => i.indicator.code === "xBV72")!;
    expect(item.commentary.lastEdited?.by).toBe("Tom Okafor");
    expect(item.commentary.beingEdited).toBe(true);
    await recordCommentaryEdit(
      database.db,
      target,
      { userId: manager.userId, label: "officer" },
      new Date(Date.now() - 10 * 60_000),
    );
    item = (await loadExceptions(database.db, organisationId, "2026-10")).find((i) => i.indicator.code === "xBV72")!;
    expect(item.commentary.beingEdited).toBe(false);
  });
});

describe("missingCommentaries", () => {
  it("lists the exceptions whose commentary is not ready, for the pack freezer", async () => {
    const indicatorId = codes["BV212"];
    const doc = new Y.Doc();
    fillCommentary(doc, complete());
    await writeDocument(exceptionDocumentName(indicatorId, "2026-10"), doc);
    const before = await missingCommentaries(database.db, organisationId, "2026-10");
    expect(before.find((m) => m.code === "BV212")).toMatchObject({ status: "draft", period: "2026-10", indicatorId });
    expect(before.find((m) => m.code === "TP02")).toMatchObject({ status: "missing", period: "2026-03" });
    await markCommentaryReady(database.db, { organisationId, indicatorId, period: "2026-10" }, owner);
    const after = await missingCommentaries(database.db, organisationId, "2026-10");
    expect(after.map((m) => m.code)).not.toContain("BV212");
    expect(after).toHaveLength(before.length - 1);
  });

  it("finds nothing for an organisation with no figures", async () => {
    expect(await missingCommentaries(database.db, "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f", "2026-10")).toEqual([]);
  });
});
