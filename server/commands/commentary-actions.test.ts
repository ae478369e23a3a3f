import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { fillCommentary } from "../../app/shared/commentary/commentary-fixture";
import { listCarriedCommentaryActions } from "../../db/queries/actions";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { actions, actionUpdates } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { writeDocument } from "../../tests/support/commentary-documents";
import { SYSTEM_ACTOR } from "../audit";
import { loadCarriedForward } from "../commentary/carried-forward";
import { updateAction } from "./action-log";
import { markCommentaryReady } from "./commentary-state";
import { createOrganisation } from "./organisation-creator";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let organisationId: string;
let indicatorId: string;
let owner: { userId: string; label: string };
let manager: { userId: string; label: string };

const write = (period: string, content: Parameters<typeof fillCommentary>[1]) => {
  const doc = new Y.Doc();
  fillCommentary(doc, content);
  return writeDocument(database.db, organisationId, exceptionDocumentName(indicatorId, period), doc, manager.userId);
};
const complete = (extra: Partial<Parameters<typeof fillCommentary>[1]> = {}) => ({
  sections: { reason: "Two contractors left the framework in August.", forecast: "98.9% at year end." },
  actions: [
    {
      id: "a-interim",
      action: "Appoint an interim contractor",
      ownerId: manager.userId,
      due: "2026-12-15",
      status: "on_track" as const,
    },
  ],
  recoveryDate: "2027-01-31",
  ...extra,
});
const ready = (period: string) => markCommentaryReady(database.db, { organisationId, indicatorId, period }, owner);
const logEntries = () =>
  database.db
    .select()
    .from(actions)
    .where(and(eq(actions.indicatorId, indicatorId), isNotNull(actions.raisedInPeriod)));

beforeAll(async () => {
  database = await createTestDatabase("demo");
  organisationId = (await findOrganisationBySlug(database.db, "northfield"))!.id;
  owner = { userId: (await findUserByEmail(database.db, "admin@northfield.example"))!.id, label: "admin" };
  manager = { userId: (await findUserByEmail(database.db, "officer@northfield.example"))!.id, label: "officer" };
});
afterAll(() => database.cleanup());

let count = 0;
beforeEach(async () => {
  const [row] = await database.db
    .insert(indicators)
    .values({
      organisationId,
      code: `CA${++count}`,
      title: "Gas safety",
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
});

describe("a commentary's remedial actions and the action log", () => {
  it("enter the log when the commentary is marked ready, linked to the indicator and the month", async () => {
    await write("2026-10", complete());
    await ready("2026-10");
    const [entry] = await logEntries();
    expect(entry).toMatchObject({
      organisationId,
      description: "Appoint an interim contractor",
      ownerUserId: manager.userId,
      dueDate: "2026-12-15",
      status: "on_track",
      raisedInPeriod: "2026-10",
      meetingId: null,
    });
    const notes = await database.db.select().from(actionUpdates).where(eq(actionUpdates.actionId, entry.id));
    expect(notes.map((n) => n.note)).toEqual(["Raised in the exception commentary for October 2026"]);
  });

  it("are updated, never duplicated, when the commentary is edited and marked ready again", async () => {
    await write("2026-10", complete());
    await ready("2026-10");
    const [first] = await logEntries();
    // The owner reports progress on the log in between: the commentary does not undo it.
    await updateAction(database.db, { actionId: first.id, organisationId, status: "at_risk", note: "Framework delayed" }, owner);
    await write(
      "2026-10",
      complete({
        actions: [{ id: "a-interim", action: "Appoint two interim contractors", ownerId: manager.userId, due: "2027-01-15" }],
      }),
    );
    await ready("2026-10");
    const entries = await logEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      description: "Appoint two interim contractors",
      dueDate: "2027-01-15",
      status: "at_risk",
    });
    const notes = await database.db.select().from(actionUpdates).where(eq(actionUpdates.actionId, first.id));
    expect(notes.map((n) => n.note)).toContain("Wording, due date changed in the exception commentary for October 2026");
  });

  it("are carried into next month's commentary with the log's status, with last time's reason and recovery date", async () => {
    await write("2026-10", complete());
    await ready("2026-10");
    const carried = await loadCarriedForward(database.db, organisationId, indicatorId, "2026-11", "2026-12-01");
    expect(carried.actions).toEqual([
      expect.objectContaining({
        description: "Appoint an interim contractor",
        statusText: "On track",
        raisedInText: "October 2026",
      }),
    ]);
    expect(carried.lastTime).toMatchObject({ periodText: "October 2026", recoveryDateText: "31 January 2027" });
    expect(carried.lastTime!.reasonHtml).toContain("Two contractors left the framework in August.");
    // Nothing is carried back into October itself.
    expect((await loadCarriedForward(database.db, organisationId, indicatorId, "2026-10", "2026-12-01")).actions).toEqual([]);
  });

  it("let next month's commentary go to committee without a new action while a carried one is open", async () => {
    await write("2026-10", complete());
    await ready("2026-10");
    await write("2026-11", complete({ actions: [] }));
    await expect(ready("2026-11")).resolves.toMatchObject({ changed: true });
    // Once it is complete, a new commentary needs an action of its own again.
    const [entry] = await logEntries();
    await updateAction(database.db, { actionId: entry.id, organisationId, status: "complete", note: "" }, owner);
    await write("2026-12", complete({ actions: [] }));
    await expect(ready("2026-12")).rejects.toThrow("add at least one remedial action");
  });

  it("are found only within their own organisation", async () => {
    await write("2026-10", complete());
    await ready("2026-10");
    const other = await createOrganisation(database.db, { slug: `other-${count}`, name: "Other Homes" }, SYSTEM_ACTOR);
    expect(await listCarriedCommentaryActions(database.db, other.id, indicatorId, "2026-11", new Date(0))).toEqual([]);
    expect(await listCarriedCommentaryActions(database.db, organisationId, indicatorId, "2026-11", new Date(0))).toHaveLength(1);
  });
});
