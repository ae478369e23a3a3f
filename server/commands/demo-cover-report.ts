import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { reportDocumentName } from "../../app/shared/collab/document-names";
import { commentaryExtensions } from "../../app/shared/commentary/commentary-extensions";
import { checklistMap, coverReportFragment, reportDetailsMap } from "../../app/shared/packs/cover-report-content";
import type { Database } from "../../db/client";
import type { Actor } from "../audit";
import { ensureCoverReport } from "../packs/cover-reports";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { addAgendaItem } from "./agenda-commands";

/*
 * The North Area Panel's December meeting decides on a report whose cover report is
 * written: the item a member reads (summary and recommendation) in the live session
 * and on the projector. Made through the same commands an officer uses (add the item,
 * start the report), its words written into the report's shared document as the
 * editor writes them.
 */

export const DEMO_REPORT_TITLE = "Empty homes in the North: letting homes before major works";

const SECTIONS: Record<string, string[]> = {
  summary: [
    "Empty homes in the North took 31 days on average to relet in October 2026, against a target of 25 days.",
    "Eight of the twelve homes empty for more than eight weeks are waiting for major works (kitchens and roofs) booked for spring.",
  ],
  recommendation: [
    "That the panel supports letting the eight homes before their major works where the new tenant agrees, with the works done after the tenancy starts.",
  ],
  considerations: [
    "Each home is safe and meets the lettings standard now; the works are programmed replacements, not repairs.",
    "Lost rent on the eight homes is about £1,150 a week.",
  ],
  equalities: ["Offers will say plainly which works are to come; applicants who need adaptations keep their priority."],
  policy: ["The lettings standard is unchanged; the voids procedure gains a note on letting before programmed works."],
};

export async function seedDemoCoverReport(
  db: Database,
  input: { organisationId: string; meetingId: string; officer: { id: string; name: string } },
  actor: Actor,
) {
  const item = await addAgendaItem(
    db,
    {
      organisationId: input.organisationId,
      meetingId: input.meetingId,
      item: { kind: "report", title: DEMO_REPORT_TITLE, presenter: input.officer.name, minutesAllowed: "15" },
    },
    actor,
  );
  const { reportId } = await ensureCoverReport(
    db,
    { kind: "user", userId: input.officer.id, organisationId: input.organisationId, role: "officer" },
    { meetingId: input.meetingId, itemId: item.id },
    actor,
  );
  const doc = new Y.Doc();
  const schema = getSchema(commentaryExtensions());
  doc.transact(() => {
    for (const [key, paragraphs] of Object.entries(SECTIONS))
      prosemirrorJSONToYXmlFragment(
        schema,
        { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
        coverReportFragment(doc, key),
      );
    for (const area of ["legal", "personnel", "environmental", "health_and_safety"]) checklistMap(doc).set(area, true);
    reportDetailsMap(doc).set("author", `${input.officer.name}, Lettings Manager`);
    reportDetailsMap(doc).set("contact", "lettings@northfield.example, 0161 496 0123");
    reportDetailsMap(doc).set("backgroundPapers", "None");
  });
  const name = reportDocumentName(reportId);
  const storage = createPostgresStorage(db);
  await storage.ensure(name, input.organisationId);
  await storage.store(name, [
    { update: Y.encodeStateAsUpdate(doc), userId: input.officer.id, at: new Date("2026-11-30T10:00:00Z") },
  ]);
  doc.destroy();
  return { itemId: item.id, reportId };
}
