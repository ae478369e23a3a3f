import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { parseDocumentName, reportDocumentName, type CollabDocumentName } from "../../app/shared/collab/document-names";
import { CLOSE_CODES } from "../../app/shared/realtime-events";
import { checklistMap, coverReportFragment, reportDetailsMap } from "../../app/shared/packs/cover-report-content";
import {
  findCoverReport,
  findItemWithCoverReport,
  listCoverReportsOfMeeting,
  listReportItemsOfMeeting,
} from "../../db/queries/cover-reports";
import { auditLog, type Role } from "../../db/schema/identity";
import { agendaItems, bodies, meetings, type AgendaItemKind, type MeetingStatus } from "../../db/schema/meetings";
import { coverReports } from "../../db/schema/packs";
import { commentarySchema } from "../commentary/render-commentary";
import { CommandError } from "../commands/errors";
import { ForbiddenError } from "../policies/authorize";
import type { Principal } from "../policies/principal";
import { processResolvers } from "../realtime/yjs/document-resolvers";
import {
  destroyProvider,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenClosed,
  whenSynced,
  type TestServer,
} from "../realtime/yjs/test-support";
import { ensureCoverReport, loadCoverReportContent, loadMeetingCoverReports, NOT_A_REPORT_ITEM } from "./cover-reports";

/*
 * Cover reports: starting one for a report item (who may, for which items, once only),
 * the queries, the document resolver, the shared document's rules on a real collab
 * server with real clients, and reading a report back for the pack.
 */

let server: TestServer;
let prefixCount = 0;

beforeAll(async () => {
  server = await startCollabTestServer({ unloadDelayMs: 50 });
});
afterAll(async () => {
  await server.close();
  expect(server.errors).toEqual([]);
});

const person = (role: Role, organisationId = server.org.id): Principal => ({
  kind: "user",
  userId: role === "admin" && organisationId !== server.org.id ? server.people.outsider.id : server.people[role].id,
  organisationId,
  role,
});

/** A meeting of its own for each test, with the items asked for. */
async function newMeeting(kinds: AgendaItemKind[], options: { status?: MeetingStatus; organisationId?: string } = {}) {
  const organisationId = options.organisationId ?? server.org.id;
  const prefix = `C${String.fromCharCode(65 + (prefixCount % 26))}${String.fromCharCode(65 + Math.floor(prefixCount / 26))}`;
  prefixCount += 1;
  const [body] = await server.services.db
    .insert(bodies)
    .values({ organisationId, name: `Committee ${prefix}`, kind: "committee", minutePrefix: prefix, quorumCount: 3 })
    .returning();
  const [meeting] = await server.services.db
    .insert(meetings)
    .values({
      organisationId,
      bodyId: body.id,
      kind: "committee",
      title: "Performance Committee",
      startsAt: new Date("2027-01-21T18:00:00Z"),
      status: options.status ?? "draft",
    })
    .returning();
  const items = await server.services.db
    .insert(agendaItems)
    .values(kinds.map((kind, index) => ({ meetingId: meeting.id, position: index + 1, kind, title: `Item ${index + 1}` })))
    .returning();
  return { meeting, items: items.sort((a, b) => a.position - b.position) };
}

const startsRecorded = async (reportId: string) =>
  (
    await server.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cover_report.start"), eq(auditLog.subjectId, reportId)))
  ).length;

const reportsOfItem = async (itemId: string) =>
  server.services.db.select().from(coverReports).where(eq(coverReports.agendaItemId, itemId));

describe("ensureCoverReport", () => {
  it.each(["officer", "admin"] as const)("lets an %s start the cover report of a report item, once", async (role) => {
    const { meeting, items } = await newMeeting(["apologies", "report"]);
    const first = await ensureCoverReport(server.services.db, person(role), { meetingId: meeting.id, itemId: items[1].id });
    expect(first.created).toBe(true);
    const again = await ensureCoverReport(server.services.db, person(role === "admin" ? "officer" : "admin"), {
      meetingId: meeting.id,
      itemId: items[1].id,
    });
    expect(again).toEqual({ reportId: first.reportId, created: false });
    const rows = await reportsOfItem(items[1].id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.reportId, organisationId: server.org.id, createdBy: server.people[role].id });
    expect(await startsRecorded(first.reportId)).toBe(1);
  });

  it("gives two people asking at once the same report", async () => {
    const { meeting, items } = await newMeeting(["report"]);
    const ref = { meetingId: meeting.id, itemId: items[0].id };
    const [a, b] = await Promise.all([
      ensureCoverReport(server.services.db, person("officer"), ref),
      ensureCoverReport(server.services.db, person("admin"), ref),
    ]);
    expect(a.reportId).toBe(b.reportId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await reportsOfItem(items[0].id)).toHaveLength(1);
  });

  it.each(["member", "viewer"] as const)("refuses a %s, and starts nothing", async (role) => {
    const { meeting, items } = await newMeeting(["report"]);
    await expect(
      ensureCoverReport(server.services.db, person(role), { meetingId: meeting.id, itemId: items[0].id }),
    ).rejects.toThrow(ForbiddenError);
    expect(await reportsOfItem(items[0].id)).toHaveLength(0);
  });

  it("refuses an organisation API token", async () => {
    const { meeting, items } = await newMeeting(["report"]);
    const token: Principal = { kind: "api-token", tokenId: "t", organisationId: server.org.id };
    await expect(ensureCoverReport(server.services.db, token, { meetingId: meeting.id, itemId: items[0].id })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("refuses an admin of another organisation", async () => {
    const { meeting, items } = await newMeeting(["report"]);
    await expect(
      ensureCoverReport(server.services.db, person("admin", server.other.id), { meetingId: meeting.id, itemId: items[0].id }),
    ).rejects.toThrow(ForbiddenError);
    expect(await reportsOfItem(items[0].id)).toHaveLength(0);
  });

  it.each(["in_session", "closed", "minutes_approved"] as const)(
    "refuses even an admin once the meeting is %s",
    async (status) => {
      const { meeting, items } = await newMeeting(["report"], { status });
      await expect(
        ensureCoverReport(server.services.db, person("admin"), { meetingId: meeting.id, itemId: items[0].id }),
      ).rejects.toThrow(ForbiddenError);
    },
  );

  it("lets an officer start one while the agenda is published", async () => {
    const { meeting, items } = await newMeeting(["report"], { status: "agenda_published" });
    expect(
      (await ensureCoverReport(server.services.db, person("officer"), { meetingId: meeting.id, itemId: items[0].id })).created,
    ).toBe(true);
  });

  it.each(["apologies", "scorecard_review", "exceptions", "any_other_business"] as const)(
    "refuses a %s item: only report items have cover reports",
    async (kind) => {
      const { meeting, items } = await newMeeting([kind]);
      const attempt = ensureCoverReport(server.services.db, person("admin"), { meetingId: meeting.id, itemId: items[0].id });
      await expect(attempt).rejects.toThrow(CommandError);
      await expect(attempt).rejects.toThrow(NOT_A_REPORT_ITEM);
      expect(await reportsOfItem(items[0].id)).toHaveLength(0);
    },
  );

  it("refuses an item of another meeting", async () => {
    const a = await newMeeting(["report"]);
    const b = await newMeeting(["report"]);
    await expect(
      ensureCoverReport(server.services.db, person("admin"), { meetingId: a.meeting.id, itemId: b.items[0].id }),
    ).rejects.toThrow("That item is not on this meeting's agenda");
  });
});

describe("the cover report queries", () => {
  it("list a meeting's report items in agenda order, each with its report or none", async () => {
    const { meeting, items } = await newMeeting(["apologies", "report", "scorecard_review", "report"]);
    const { reportId } = await ensureCoverReport(server.services.db, person("officer"), {
      meetingId: meeting.id,
      itemId: items[3].id,
    });
    expect(await listReportItemsOfMeeting(server.services.db, server.org.id, meeting.id)).toEqual([
      { itemId: items[1].id, position: 2, title: "Item 2", reportId: null },
      { itemId: items[3].id, position: 4, title: "Item 4", reportId },
    ]);
    expect(
      (await listCoverReportsOfMeeting(server.services.db, server.org.id, meeting.id)).map((r) => [r.itemId, r.reportId]),
    ).toEqual([[items[3].id, reportId]]);
    expect(await findItemWithCoverReport(server.services.db, server.org.id, meeting.id, items[3].id)).toMatchObject({
      kind: "report",
      reportId,
    });
    expect(await findItemWithCoverReport(server.services.db, server.org.id, meeting.id, items[1].id)).toMatchObject({
      kind: "report",
      reportId: null,
    });
    expect(await findCoverReport(server.services.db, server.org.id, reportId)).toMatchObject({
      id: reportId,
      agendaItemId: items[3].id,
      meetingId: meeting.id,
    });
  });

  it("find nothing of another organisation", async () => {
    const { meeting, items } = await newMeeting(["report"]);
    const { reportId } = await ensureCoverReport(server.services.db, person("officer"), {
      meetingId: meeting.id,
      itemId: items[0].id,
    });
    expect(await listReportItemsOfMeeting(server.services.db, server.other.id, meeting.id)).toEqual([]);
    expect(await listCoverReportsOfMeeting(server.services.db, server.other.id, meeting.id)).toEqual([]);
    expect(await findItemWithCoverReport(server.services.db, server.other.id, meeting.id, items[0].id)).toBeNull();
    expect(await findCoverReport(server.services.db, server.other.id, reportId)).toBeNull();
  });
});

describe("the report document resolver", () => {
  const resolve = (name: string) => processResolvers.resolve(server.services.db, parseDocumentName(name) as CollabDocumentName);

  it("gives a cover report's document the organisation of the report", async () => {
    const { meeting, items } = await newMeeting(["report"]);
    const { reportId } = await ensureCoverReport(server.services.db, person("officer"), {
      meetingId: meeting.id,
      itemId: items[0].id,
    });
    expect(await resolve(reportDocumentName(reportId))).toEqual({ organisationId: server.org.id });
  });

  it("finds no owner for a report that does not exist", async () => {
    expect(await resolve(reportDocumentName("0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f"))).toBeNull();
  });
});

/** Writes a section the way the editor does. */
function writeSection(doc: Y.Doc, key: string, text: string) {
  const fragment = coverReportFragment(doc, key);
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(
      commentarySchema(),
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
      fragment,
    );
  });
}

const summaryOf = async (name: string) => (await storedDocument(server, name)).getXmlFragment("summary").toString();

describe("a cover report's shared document", () => {
  async function newReport() {
    const { meeting, items } = await newMeeting(["report"]);
    const { reportId } = await ensureCoverReport(server.services.db, person("officer"), {
      meetingId: meeting.id,
      itemId: items[0].id,
    });
    return { meeting, items, reportId, name: reportDocumentName(reportId) };
  }

  it("is written by an officer and an admin together, and read by a member and a viewer whose edits are dropped", async () => {
    const { name } = await newReport();
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const admin = stockProvider(server, name, { cookie: server.people.admin.cookie });
    const member = stockProvider(server, name, { cookie: server.people.member.cookie });
    const viewer = stockProvider(server, name, { cookie: server.people.viewer.cookie });
    await Promise.all([officer, admin, member, viewer].map((p) => whenSynced(p)));

    writeSection(officer.doc, "summary", "Repairs fell behind in October.");
    admin.doc.transact(() => {
      checklistMap(admin.doc).set("risk", true);
      reportDetailsMap(admin.doc).set("author", "Priya Shah");
    });
    await waitFor(
      () =>
        viewer.doc.getXmlFragment("summary").toString().includes("Repairs fell behind") &&
        checklistMap(officer.doc).get("risk") === true,
    );
    expect(reportDetailsMap(member.doc).get("author")).toBe("Priya Shah");

    writeSection(viewer.doc, "summary", "A viewer's words.");
    reportDetailsMap(member.doc).set("contact", "a member's contact");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(officer.doc.getXmlFragment("summary").toString()).toContain("Repairs fell behind in October.");
    expect(reportDetailsMap(admin.doc).get("contact")).toBeUndefined();

    for (const p of [officer, admin, member, viewer]) destroyProvider(p);
    await waitFor(() => server.collab.stats().documents === 0, 5000, "unload");
    const stored = await storedDocument(server, name);
    expect(stored.getXmlFragment("summary").toString()).toContain("Repairs fell behind in October.");
    expect(stored.getXmlFragment("summary").toString()).not.toContain("A viewer's words.");
    expect(reportDetailsMap(stored).get("contact")).toBeUndefined();
  });

  it("is closed (4403) to someone of another organisation", async () => {
    const { name } = await newReport();
    const provider = stockProvider(server, name, { cookie: server.people.outsider.cookie });
    expect((await whenClosed(provider)).code).toBe(CLOSE_CODES.forbidden);
    destroyProvider(provider);
  });

  it("takes no more changes once frozen, even from an admin", async () => {
    const { name } = await newReport();
    const admin = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(admin);
    writeSection(admin.doc, "summary", "Final words.");
    await waitFor(async () => (await summaryOf(name)).includes("Final words."), 5000, "commit");
    await server.collab.freezeDocument(name);
    writeSection(admin.doc, "summary", "Late words.");
    await new Promise((resolve) => setTimeout(resolve, 300));
    destroyProvider(admin);
    await waitFor(() => server.collab.stats().documents === 0, 5000, "unload");
    expect(await summaryOf(name)).toContain("Final words.");
    expect(await summaryOf(name)).not.toContain("Late words.");
  });
});

describe("reading cover reports back", () => {
  it("gives a report's content as the pack holds it, and what is still to write", async () => {
    const { meeting, items } = await newMeeting(["report", "report"]);
    const { reportId } = await ensureCoverReport(server.services.db, person("officer"), {
      meetingId: meeting.id,
      itemId: items[1].id,
    });
    const name = reportDocumentName(reportId);
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(officer);
    writeSection(officer.doc, "summary", "Repairs fell behind in October.");
    officer.doc.transact(() => {
      checklistMap(officer.doc).set("legal", true);
      reportDetailsMap(officer.doc).set("author", " Tom Okafor ");
    });
    await waitFor(
      async () => reportDetailsMap(await storedDocument(server, name)).get("author") === " Tom Okafor ",
      5000,
      "commit",
    );
    destroyProvider(officer);

    const { content, gaps } = await loadCoverReportContent(server.services.documents, reportId);
    expect(content.sections[0]).toEqual({
      key: "summary",
      title: "Summary",
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Repairs fell behind in October." }] }],
      },
    });
    expect(content.sections.slice(1).every((s) => s.body === null)).toBe(true);
    expect(content.checklist.find((c) => c.area === "Legal and confidentiality")).toEqual({
      area: "Legal and confidentiality",
      noImplications: true,
    });
    expect(content.author).toBe("Tom Okafor");
    expect(gaps.map((g) => g.message)).toEqual([
      "Recommendation is empty",
      "Matters for consideration is empty",
      "Equalities impact assessment is empty",
      "No contact is given",
    ]);

    const all = await loadMeetingCoverReports(server.services.db, server.services.documents, server.org.id, meeting.id);
    expect(all.map((r) => [r.itemId, r.reportId, r.documentName])).toEqual([
      [items[0].id, null, null],
      [items[1].id, reportId, name],
    ]);
    expect(all[0]).toMatchObject({ content: null, gaps: [{ key: "report", message: "No cover report has been written" }] });
    expect(all[1].content).toEqual(content);
    expect(all[1].gaps).toEqual(gaps);
  });
});
