import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { fillCommentary } from "../../app/shared/commentary/commentary-fixture";
import type { PackAppendix, PackDocument } from "../../app/shared/packs/pack-document";
import { richTextPlain } from "../../app/shared/packs/rich-text-plain";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findBody } from "../../db/queries/meetings";
import { findPackVersion } from "../../db/queries/packs";
import { findUserByEmail } from "../../db/queries/users";
import { agendaItems, meetingAttendance, meetings, type Meeting } from "../../db/schema/meetings";
import { packs } from "../../db/schema/packs";
import { createTestServices } from "../../tests/support/test-services";
import { markCommentaryReady } from "../commands/commentary-state";
import { publishAgenda } from "../commands/meeting-commands";
import { closeMeeting, openMeeting } from "../commands/meeting-session-commands";
import { loadExceptions } from "../performance/exceptions";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { capturePapersAtOpening } from "./capture-papers";
import { freezePack } from "./freeze-pack";

/*
 * The minuted pack holds the papers as members received them: a commentary rewritten
 * after the meeting never reaches its minutes (issue 15, item 3).
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let clerk: { userId: string; label: string; name: string };
let owner: { userId: string; label: string };

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  const officer = (await findUserByEmail(services.db, "officer@northfield.example"))!;
  clerk = { userId: officer.id, label: officer.email, name: officer.name };
  const admin = (await findUserByEmail(services.db, "admin@northfield.example"))!;
  owner = { userId: admin.id, label: admin.email };
}, 180_000);
afterAll(() => services.cleanup());

async function writeCommentary(indicatorId: string, period: string, reason: string) {
  const name = exceptionDocumentName(indicatorId, period);
  const doc = await services.documents.read(name);
  const before = Y.encodeStateVector(doc);
  fillCommentary(doc, {
    sections: { reason, forecast: "On target by March." },
    actions: [{ action: "Weekly arrears surgeries", ownerId: clerk.userId, due: "2027-01-15", status: "on_track" }],
    recoveryDate: "2027-03-31",
  });
  const storage = createPostgresStorage(services.db);
  await storage.ensure(name, organisationId);
  await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc, before), userId: clerk.userId, at: new Date() }]);
}

/** Everyone present: the record is consistent, so freezing is about the papers alone. */
async function holdAndClose(meeting: Meeting) {
  await capturePapersAtOpening(services, meeting, clerk);
  await openMeeting(services.db, meeting, clerk);
  await services.db
    .update(meetingAttendance)
    .set({ attendance: "present" })
    .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.capacity, "member")));
  await closeMeeting(services.db, services.documents, meeting, clerk);
  const [closed] = await services.db.select().from(meetings).where(eq(meetings.id, meeting.id));
  return closed;
}

const exceptionAppendices = (pack: PackDocument) =>
  pack.items
    .flatMap((i) => i.appendices)
    .filter((a): a is Extract<PackAppendix, { kind: "exception" }> => a.kind === "exception");

const reasonOf = (appendix: Extract<PackAppendix, { kind: "exception" }>) => richTextPlain(appendix.commentary.sections[0].body);

async function packOf(result: { packId: string; version: number }) {
  return JSON.parse(
    (await findPackVersion(services.db, organisationId, result.packId, result.version))!.canonicalJson,
  ) as PackDocument;
}

describe("the papers as presented", () => {
  it("keeps the commentary members received in the minutes, though it was rewritten after the meeting", async () => {
    const [december] = await services.db
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.organisationId, organisationId),
          eq(meetings.title, "Performance Committee"),
          eq(meetings.status, "draft"),
        ),
      );
    const exceptions = await loadExceptions(services.db, organisationId, "2026-10");
    for (const exception of exceptions) {
      await writeCommentary(exception.indicator.id, exception.period, `As published: why ${exception.indicator.code} fell.`);
      await markCommentaryReady(
        services.db,
        { organisationId, indicatorId: exception.indicator.id, period: exception.period },
        owner,
      );
    }
    const agenda = await publishAgenda(services, { organisationId, meetingId: december.id }, clerk);
    const published = await packOf(agenda);

    const [first] = exceptions;
    const closed = await holdAndClose(december);
    // In a later month the officer rewrites the commentary, as happened to October's.
    await writeCommentary(first.indicator.id, first.period, "Rewritten afterwards: a different story.");

    const minutes = await packOf(await freezePack(services, { meeting: closed, kind: "minutes", reason: "", actor: clerk }));
    const presented = exceptionAppendices(published);
    expect(presented).toHaveLength(exceptions.length);
    expect(exceptionAppendices(minutes)).toEqual(presented);
    const code = first.indicator.code;
    expect(reasonOf(exceptionAppendices(minutes).find((a) => a.code === code)!)).toBe(`As published: why ${code} fell.`);
    expect(JSON.stringify(minutes)).not.toContain("Rewritten afterwards");
    // No second agenda pack version: the agenda was as published when the meeting opened.
    expect((await findPackVersion(services.db, organisationId, agenda.packId, 2)) ?? null).toBeNull();
  }, 180_000);

  it("captures the papers when the meeting opens where no agenda pack was published", async () => {
    const [panel] = await services.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.organisationId, organisationId), eq(meetings.title, "North Area Panel")));
    await services.db
      .insert(agendaItems)
      .values({ meetingId: panel.id, position: 5, kind: "exceptions", title: "Exceptions", options: { period: "2026-10" } });
    const closed = await holdAndClose(panel);
    // An area panel's exceptions item reports its own area's exceptions: one of them that is
    // also the organisation's has the commentary as it stood when the panel met.
    const body = await findBody(services.db, organisationId, panel.bodyId);
    const organisationWide = await loadExceptions(services.db, organisationId, "2026-10");
    const inArea = new Set(
      (await loadExceptions(services.db, organisationId, "2026-10", { areaId: body!.areaId })).map((e) => e.indicator.id),
    );
    const first = organisationWide.find((e) => inArea.has(e.indicator.id))!;
    const asMet =
      first.indicator.id === organisationWide[0].indicator.id
        ? "Rewritten afterwards: a different story."
        : `As published: why ${first.indicator.code} fell.`;
    await writeCommentary(first.indicator.id, first.period, "Written in January, after the panel met.");
    const { packId } = await freezePack(services, { meeting: closed, kind: "minutes", reason: "", actor: clerk });
    const [papers] = await services.db
      .select()
      .from(packs)
      .where(and(eq(packs.meetingId, panel.id), eq(packs.kind, "agenda")));
    const capturedVersion = (await findPackVersion(services.db, organisationId, papers.id, 1))!;
    expect(capturedVersion.reason).toMatch(/^Captured when the meeting opened: no agenda pack had been published/);
    const minutes = await packOf({ packId, version: 1 });
    const capturedPack = JSON.parse(capturedVersion.canonicalJson) as PackDocument;
    expect(exceptionAppendices(minutes)).toEqual(exceptionAppendices(capturedPack));
    expect(reasonOf(exceptionAppendices(minutes).find((a) => a.code === first.indicator.code)!)).toBe(asMet);
    expect(JSON.stringify(minutes)).not.toContain("Written in January");
  }, 180_000);
});
