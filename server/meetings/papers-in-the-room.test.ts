import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { RichText } from "../../app/shared/packs/pack-document";
import { listAgendaItems } from "../../db/queries/meetings";
import { meetings } from "../../db/schema/meetings";
import { createMeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { seedDemoCoverReport } from "../commands/demo-cover-report";
import { capturePapersAtOpening } from "../packs/capture-papers";
import { SharedDocuments } from "../realtime/yjs/shared-documents";
import { papersInTheRoom } from "./papers-in-the-room";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.cleanup());

const words = (node: RichText | null): string => (node ? (node.text ?? "") + (node.content ?? []).map(words).join(" ") : "");

describe("a report's paper in the room", () => {
  it("reads the draft before the meeting opens, then the papers captured at opening; nothing of another organisation", async () => {
    const { db } = database;
    const documents = new SharedDocuments(db);
    const fx = await createMeetingFixture(db, { status: "draft", items: ["apologies"] });
    const actor = { userId: fx.officer.id, label: fx.officer.email };
    const { itemId } = await seedDemoCoverReport(
      db,
      { organisationId: fx.org.id, meetingId: fx.meeting.id, officer: { id: fx.officer.id, name: fx.officer.name } },
      actor,
    );
    const items = await listAgendaItems(db, fx.meeting.id);

    const draft = (await papersInTheRoom(db, documents, fx.meeting, items)).get(itemId);
    expect(draft?.source).toEqual({ kind: "draft" });
    expect(draft?.lead.map((s) => s.title)).toEqual(["Summary", "Recommendation"]);
    expect(words(draft!.lead[0].body)).toContain("31 days on average");
    expect(words(draft!.rest[0].body)).toContain("£1,150 a week");

    // Another organisation's meeting id with this organisation's items finds no cover report.
    const other = await createMeetingFixture(db, { status: "draft", items: ["apologies"] });
    expect((await papersInTheRoom(db, documents, other.meeting, items)).get(itemId)).toBeUndefined();

    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, fx.meeting.id));
    await capturePapersAtOpening({ db, documents }, meeting, { ...actor, name: fx.officer.name });
    const presented = (await papersInTheRoom(db, documents, fx.meeting, items)).get(itemId);
    expect(presented?.source).toMatchObject({ kind: "presented", version: 1, captured: true });
    expect(words(presented!.lead[1].body)).toContain("supports letting the eight homes");
  });
});
