import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findUserByEmail } from "../../db/queries/users";
import { meetingAttendance, meetings, motions, type AgendaItemKind } from "../../db/schema/meetings";
import { listAgendaItems, listAttendance } from "../../db/queries/meetings";
import { capturePapersAtOpening } from "../packs/capture-papers";
import { SharedDocuments } from "../realtime/yjs/shared-documents";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { commentaryExtensions } from "../../app/shared/commentary/commentary-extensions";
import { minutesFragment } from "../../app/shared/meetings/meeting-record";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { areas, indicators } from "../../db/schema/performance";
import type { Actor } from "../audit";
import { enterAgreedActions } from "./action-log";
import { addAgendaItem } from "./agenda-commands";
import { seedDemoCoverReport } from "./demo-cover-report";
import { createBody, setSeat } from "./body-commands";
import { createMeeting, publishAgenda } from "./meeting-commands";
import { openMeeting } from "./meeting-session-commands";
import { addMember } from "./user-creator";

/** The committee's and panel's members beyond the four demo people (member@ chairs the committee). */
export const DEMO_BOARD_MEMBERS = [
  { email: "cllr.osei@northfield.example", name: "Cllr David Osei", kind: "councillor" as const },
  { email: "sarah.lin@northfield.example", name: "Sarah Lin", kind: "independent" as const },
  { email: "mark.ellis@northfield.example", name: "Mark Ellis", kind: "independent" as const },
  { email: "joan.whitaker@northfield.example", name: "Joan Whitaker", kind: "tenant" as const },
  { email: "ravi.patel@northfield.example", name: "Ravi Patel", kind: "tenant" as const },
];

/**
 * The demo's meetings: a Performance Committee of six (two councillors, two
 * independents, two tenants; quorum four including a tenant) whose October meeting has
 * closed with actions in the log, whose November meeting has a published agenda and
 * whose December agenda is in draft;
 * and the North Area Panel.
 */
export async function seedDemoMeetings(db: Database, organisationId: string, password: string, actor: Actor) {
  const chair = await findUserByEmail(db, "member@northfield.example");
  const officer = await findUserByEmail(db, "officer@northfield.example");
  if (!chair || !officer) throw new Error("The demo people must be seeded before the demo meetings");
  const people: Record<string, string> = {};
  for (const member of DEMO_BOARD_MEMBERS) {
    const user = await addMember(db, { organisationId, email: member.email, name: member.name, role: "member", password }, actor);
    people[member.email] = user.id;
  }

  const committee = await createBody(
    db,
    {
      organisationId,
      name: "Performance Committee",
      kind: "committee",
      minutePrefix: "PC",
      termsOfReference:
        "Delegated by the Board to scrutinise the performance of the company's services against its targets and the tenants' top ten.",
      quorumCount: "4",
      quorumRequiresKind: "tenant",
      areaId: "",
    },
    actor,
  );
  await setSeat(
    db,
    { organisationId, bodyId: committee.id, userId: chair.id, position: "chair", memberKind: "councillor" },
    actor,
  );
  await setSeat(
    db,
    {
      organisationId,
      bodyId: committee.id,
      userId: people["cllr.osei@northfield.example"],
      position: "vice_chair",
      memberKind: "councillor",
    },
    actor,
  );
  for (const member of DEMO_BOARD_MEMBERS.slice(1)) {
    await setSeat(
      db,
      { organisationId, bodyId: committee.id, userId: people[member.email], position: "member", memberKind: member.kind },
      actor,
    );
  }

  const [north] = await db
    .select({ id: areas.id })
    .from(areas)
    .where(and(eq(areas.organisationId, organisationId), eq(areas.name, "North")));
  const panel = await createBody(
    db,
    {
      organisationId,
      name: "North Area Panel",
      kind: "area_panel",
      minutePrefix: "NAP",
      termsOfReference: "Tenants and ward councillors review the North area's services.",
      quorumCount: "3",
      quorumRequiresKind: "tenant",
      areaId: north?.id ?? "",
    },
    actor,
  );
  await setSeat(
    db,
    {
      organisationId,
      bodyId: panel.id,
      userId: people["joan.whitaker@northfield.example"],
      position: "chair",
      memberKind: "tenant",
    },
    actor,
  );
  await setSeat(
    db,
    {
      organisationId,
      bodyId: panel.id,
      userId: people["ravi.patel@northfield.example"],
      position: "member",
      memberKind: "tenant",
    },
    actor,
  );
  await setSeat(
    db,
    {
      organisationId,
      bodyId: panel.id,
      userId: people["cllr.osei@northfield.example"],
      position: "member",
      memberKind: "councillor",
    },
    actor,
  );

  // October: held and closed, its actions in the log.
  const october = await createMeeting(
    db,
    {
      organisationId,
      bodyId: committee.id,
      kind: "",
      title: "",
      date: "2026-10-19",
      time: "18:00",
      place: "Committee Room 1, Northfield House",
      onlineLink: "",
    },
    actor,
  );
  await addAgendaItem(
    db,
    {
      organisationId,
      meetingId: october.id,
      item: { kind: "exceptions", title: "", presenter: "Priya Shah", period: "2026-09" },
    },
    actor,
  );
  await addAgendaItem(
    db,
    {
      organisationId,
      meetingId: october.id,
      item: {
        kind: "report",
        title: "Responsive repairs contract: award",
        presenter: "Priya Shah",
        exempt: "on",
        exemptParagraph: "3",
        exemptReason: "The tender prices of the bidders are commercially confidential.",
      },
    },
    actor,
  );
  // No agenda pack was published for October: its papers are captured as the meeting opens.
  const services = { db, documents: new SharedDocuments(db) };
  const clerk = { userId: officer.id, label: officer.email, name: officer.name };
  await capturePapersAtOpening(services, october, clerk);
  await openMeeting(db, october, actor);
  await takeOctoberAttendance(db, october.id);
  await writeOctoberRecord(db, organisationId, october.id, officer.id);
  const [rent] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, "BV66a")));
  await enterAgreedActions(
    db,
    {
      meeting: { id: october.id, organisationId, bodyId: committee.id },
      agreedAt: new Date("2026-10-19T19:30:00Z"),
      actions: [
        {
          sourceKey: "demo-1",
          agendaItemId: null,
          minuteNumber: "PC 26/5",
          description: "Report the effect of Universal Credit migration on rent collection, by area",
          ownerUserId: officer.id,
          dueDate: "2026-11-30",
          indicatorId: rent?.id ?? null,
        },
        {
          sourceKey: "demo-2",
          agendaItemId: null,
          minuteNumber: "PC 26/5",
          description: "Bring the voids improvement plan to the next meeting",
          ownerUserId: officer.id,
          dueDate: "2026-11-16",
          indicatorId: null,
        },
      ],
    },
    actor,
  );
  await db
    .update(meetings)
    .set({ status: "closed", closedAt: new Date("2026-10-19T20:00:00Z"), currentItemId: null })
    .where(eq(meetings.id, october.id));

  // November: the agenda is published; the meeting opens when the clerk opens it.
  const november = await createMeeting(
    db,
    {
      organisationId,
      bodyId: committee.id,
      kind: "",
      title: "",
      date: "2026-11-30",
      time: "18:00",
      place: "Committee Room 1, Northfield House",
      onlineLink: "https://meet.northfield.example/pc",
    },
    actor,
  );
  await addAgendaItem(
    db,
    {
      organisationId,
      meetingId: november.id,
      item: {
        kind: "scorecard_review",
        title: "Corporate scorecard",
        presenter: "Priya Shah",
        minutesAllowed: "20",
        period: "2026-10",
      },
    },
    actor,
  );
  await addAgendaItem(db, { organisationId, meetingId: november.id, item: { kind: "any_other_business", title: "" } }, actor);
  await publishAgenda(services, { organisationId, meetingId: november.id }, clerk);

  // December: a draft agenda, where November's actions come up for review and October's
  // exceptions wait for their commentaries (the Packs page lists them).
  const december = await createMeeting(
    db,
    {
      organisationId,
      bodyId: committee.id,
      kind: "",
      title: "",
      date: "2026-12-14",
      time: "18:00",
      place: "Committee Room 1, Northfield House",
      onlineLink: "",
    },
    actor,
  );
  await addAgendaItem(
    db,
    {
      organisationId,
      meetingId: december.id,
      item: { kind: "exceptions", title: "", presenter: "Tom Okafor", period: "2026-10" },
    },
    actor,
  );

  const panelDecember = await createMeeting(
    db,
    {
      organisationId,
      bodyId: panel.id,
      kind: "",
      title: "",
      date: "2026-12-07",
      time: "18:30",
      place: "North Community Centre",
      onlineLink: "",
    },
    actor,
  );
  // A report with its cover report written, for the panel to decide in the room.
  await seedDemoCoverReport(db, { organisationId, meetingId: panelDecember.id, officer }, actor);
}

/**
 * October's attendance as the clerk took it: five members present from before the start
 * until the close, Mark Ellis's apologies. Quorate (both tenant members came) when the
 * committee resolved on the exceptions, five votes for.
 */
async function takeOctoberAttendance(db: Database, meetingId: string) {
  const rows = await listAttendance(db, meetingId);
  for (const row of rows.filter((r) => r.capacity === "member")) {
    const apologies = row.name === "Mark Ellis";
    await db
      .update(meetingAttendance)
      .set(
        apologies
          ? { attendance: "apologies" }
          : {
              attendance: "present",
              arrivedAt: new Date("2026-10-19T16:55:00Z"),
              leftAt: new Date("2026-10-19T20:00:00Z"),
            },
      )
      .where(eq(meetingAttendance.id, row.id));
  }
}

/** What the clerk wrote at October's meeting: minutes of its items and the resolution on the exceptions. */
async function writeOctoberRecord(db: Database, organisationId: string, meetingId: string, clerkId: string) {
  const items = await listAgendaItems(db, meetingId);
  const minutes: Partial<Record<AgendaItemKind, string>> = {
    apologies: "Apologies were received from Mark Ellis.",
    declarations: "No interests were declared.",
    previous_minutes: "This was the committee's first meeting in Minuted: there were no earlier minutes to approve.",
    action_log: "The committee reviewed the open actions; none was overdue.",
    exceptions:
      "Priya Shah presented the exception reports for September. Members asked why rent collection had fallen in the North; officers explained the effect of Universal Credit migration.",
    report:
      "The committee considered the tenders received and agreed the award of the responsive repairs contract to the preferred bidder at the price set out in the confidential report.",
  };
  const doc = new Y.Doc();
  const schema = getSchema(commentaryExtensions());
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  const cell = (type: "tableHeader" | "tableCell", text: string) => ({ type, content: [paragraph(text)] });
  // The report's minutes carry a table, as a clerk pastes one from the tender evaluation.
  const tenders = {
    type: "table",
    content: [
      ["Bidder", "Quality score", "Social value"],
      ["Cymru Repairs Ltd", "81", "Apprenticeships for 6 tenants"],
      ["Northfield Property Care", "78", "Local supply chain"],
    ].map((row, index) => ({
      type: "tableRow",
      content: row.map((text) => cell(index === 0 ? "tableHeader" : "tableCell", text)),
    })),
  };
  doc.transact(() => {
    for (const item of items) {
      const text = minutes[item.kind];
      if (text)
        prosemirrorJSONToYXmlFragment(
          schema,
          { type: "doc", content: item.kind === "report" ? [paragraph(text), tenders] : [paragraph(text)] },
          minutesFragment(doc, item.id),
        );
    }
  });
  const name = meetingDocumentName(meetingId);
  const storage = createPostgresStorage(db);
  await storage.ensure(name, organisationId);
  await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: clerkId, at: new Date("2026-10-19T19:45:00Z") }]);
  const exceptions = items.find((item) => item.kind === "exceptions");
  if (exceptions) {
    await db.insert(motions).values({
      meetingId,
      agendaItemId: exceptions.id,
      wording:
        "the exception reports for September 2026 be noted, and officers report the rent collection recovery plan to the next meeting.",
      method: "show_of_hands",
      status: "carried",
      votesFor: 5,
      votesAgainst: 0,
      abstentions: 0,
      proposedAt: new Date("2026-10-19T19:20:00Z"),
      closedAt: new Date("2026-10-19T19:22:00Z"),
    });
  }
}
