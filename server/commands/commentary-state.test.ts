import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { fillCommentary } from "../../app/shared/commentary/commentary-fixture";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { exceptionCommentaries } from "../../db/schema/commentaries";
import { auditLog } from "../../db/schema/identity";
import { indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { writeDocument as writeCommentary } from "../../tests/support/commentary-documents";
import { CommentaryIncompleteError, markCommentaryReady, moveCommentaryToDraft, recordCommentaryEdit } from "./commentary-state";
import { CommandError } from "./errors";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let organisationId: string;
let indicatorId: string;
let owner: { userId: string; label: string };
let manager: { userId: string; label: string };
const period = "2026-10";

const writeDocument = (name: string, doc: Y.Doc) => writeCommentary(database.db, organisationId, name, doc, manager.userId);

let doc: Y.Doc;
let name: string;
const target = () => ({ organisationId, indicatorId, period });
const complete = () => ({
  sections: { reason: "Two contractors left the framework in August.", forecast: "98.9% at year end, below the 99.5% target." },
  actions: [{ action: "Appoint an interim contractor", ownerId: manager.userId, due: "2026-12-15", status: "on_track" as const }],
  recoveryDate: "2027-01-31",
});

beforeAll(async () => {
  database = await createTestDatabase("demo");
  organisationId = (await findOrganisationBySlug(database.db, "northfield"))!.id;
  owner = { userId: (await findUserByEmail(database.db, "admin@northfield.example"))!.id, label: "admin@northfield.example" };
  manager = {
    userId: (await findUserByEmail(database.db, "officer@northfield.example"))!.id,
    label: "officer@northfield.example",
  };
});
afterAll(() => database.cleanup());

let indicatorCount = 0;
beforeEach(async () => {
  // A commentary of its own for each test: a new indicator in the demo organisation.
  const [row] = await database.db
    .insert(indicators)
    .values({
      organisationId,
      code: `T${++indicatorCount}`,
      title: "Test",
      category: "Local indicator",
      unit: "%",
      polarity: "higher",
      frequency: "monthly",
      aggregation: "ratio",
      ownerUserId: owner.userId,
      managerUserId: manager.userId,
    })
    .returning({ id: indicators.id });
  indicatorId = row.id;
  name = exceptionDocumentName(indicatorId, period);
  doc = new Y.Doc();
});

async function stateRow() {
  const [row] = await database.db
    .select()
    .from(exceptionCommentaries)
    .where(and(eq(exceptionCommentaries.indicatorId, indicatorId), eq(exceptionCommentaries.period, period)));
  return row ?? null;
}

describe("markCommentaryReady", () => {
  it("marks a complete commentary ready, records who and when, and audits it", async () => {
    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    const result = await markCommentaryReady(database.db, target(), owner);
    expect(result.changed).toBe(true);
    const row = await stateRow();
    expect(row).toMatchObject({ state: "ready", readyBy: owner.userId, updatedBy: owner.userId });
    expect(row.readyAt).toBeInstanceOf(Date);
    expect(row.readyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "commentary.ready"), eq(auditLog.subjectId, name)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: owner.userId, before: null, after: { state: "ready", readyBy: owner.userId } });
  });

  it("refuses an empty commentary, naming every required section", async () => {
    const error = await markCommentaryReady(database.db, target(), owner).catch((e) => e);
    expect(error).toBeInstanceOf(CommentaryIncompleteError);
    expect((error as CommentaryIncompleteError).gaps.map((g) => g.field)).toEqual([
      "reason",
      "actions",
      "recoveryDate",
      "forecast",
    ]);
    expect(error.message).toBe(
      "It cannot go to committee yet: write the reason for the variance; add at least one remedial action; give the expected recovery date; write the forecast year-end outturn.",
    );
    expect(await stateRow()).toBeNull();
  });

  it("refuses an action with no owner or due date, or an owner from outside the organisation", async () => {
    fillCommentary(doc, { ...complete(), actions: [{ action: "Recruit two surveyors", ownerId: manager.userId, due: "" }] });
    await writeDocument(name, doc);
    await expect(markCommentaryReady(database.db, target(), owner)).rejects.toThrow(
      "give every remedial action a description, an owner and a due date",
    );
    fillCommentary(doc, {
      actions: [{ action: "Recruit two surveyors", ownerId: "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f", due: "2026-12-01" }],
    });
    await writeDocument(name, doc);
    await expect(markCommentaryReady(database.db, target(), owner)).rejects.toThrow(
      "give every remedial action a description, an owner and a due date",
    );
  });

  it("changes nothing when it is already ready with the same words, and signs off new words", async () => {
    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    const first = await markCommentaryReady(database.db, target(), owner);
    expect((await markCommentaryReady(database.db, target(), owner)).changed).toBe(false);
    fillCommentary(doc, { sections: { reason: "Two contractors left the framework in August and September." } });
    await writeDocument(name, doc);
    const again = await markCommentaryReady(database.db, target(), owner);
    expect(again.changed).toBe(true);
    expect(again.row.readyFingerprint).not.toBe(first.row.readyFingerprint);
  });

  it("refuses a commentary whose document is frozen in a pack", async () => {
    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    await createPostgresStorage(database.db).freeze(name, organisationId, new Date());
    await expect(markCommentaryReady(database.db, target(), owner)).rejects.toThrow("frozen pack");
  });

  it("refuses another organisation's indicator and a malformed period", async () => {
    await expect(
      markCommentaryReady(database.db, { ...target(), organisationId: "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f" }, owner),
    ).rejects.toThrow(CommandError);
    await expect(markCommentaryReady(database.db, { ...target(), period: "2026-13" }, owner)).rejects.toThrow("YYYY-MM");
  });
});

describe("moveCommentaryToDraft", () => {
  it("takes a ready commentary back to draft, clears the sign-off and audits it", async () => {
    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    await markCommentaryReady(database.db, target(), owner);
    const result = await moveCommentaryToDraft(database.db, target(), owner);
    expect(result.changed).toBe(true);
    expect(await stateRow()).toMatchObject({ state: "draft", readyBy: null, readyAt: null, readyFingerprint: null });
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "commentary.draft"), eq(auditLog.subjectId, name)));
    expect(audit[0]).toMatchObject({ before: { state: "ready" }, after: { state: "draft", readyBy: null } });
  });

  it("changes nothing for a draft, and refuses a commentary never marked ready", async () => {
    await expect(moveCommentaryToDraft(database.db, target(), owner)).rejects.toThrow("has not been marked ready");
    await recordCommentaryEdit(database.db, target(), manager);
    expect((await moveCommentaryToDraft(database.db, target(), owner)).changed).toBe(false);
  });
});

describe("recordCommentaryEdit", () => {
  it("records the last person to edit and when, without touching the state", async () => {
    const at = new Date("2026-11-23T14:05:00Z");
    await recordCommentaryEdit(database.db, target(), manager, at);
    expect(await stateRow()).toMatchObject({ state: "draft", lastEditedBy: manager.userId, lastEditedAt: at });
    fillCommentary(doc, complete());
    await writeDocument(name, doc);
    await markCommentaryReady(database.db, target(), owner);
    const later = new Date("2026-11-23T15:00:00Z");
    await recordCommentaryEdit(database.db, target(), owner, later);
    expect(await stateRow()).toMatchObject({ state: "ready", lastEditedBy: owner.userId, lastEditedAt: later });
  });
});
