import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { action, loader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.reports.$itemId/route";
import { reportDocumentName } from "../../app/shared/collab/document-names";
import { checklistMap, coverReportFragment, reportDetailsMap } from "../../app/shared/packs/cover-report-content";
import { agendaItems, meetings } from "../../db/schema/meetings";
import { coverReports } from "../../db/schema/packs";
import { commentarySchema } from "../../server/commentary/render-commentary";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { NESTING_LIMIT } from "../../app/shared/commentary/nesting-limit";
import { nestDeeply } from "../support/deep-content";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The cover report page over HTTP: who reaches it, that opening it changes nothing, who
 * starts the report (with the page's button, a POST), who may write (as the page is told; the collab server enforces it besides), and
 * what a frozen report and a report of an opened meeting say.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let org: MeetingFixture;
let other: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  org = await createMeetingFixture(services.db, {
    slug: "northfield",
    status: "draft",
    items: ["apologies", "report", "report", "report", "scorecard_review"],
  });
  other = await createMeetingFixture(services.db, { slug: "southbank", status: "draft", items: ["report"] });
  cookies.officer = await cookieFor(services, org.officer.id);
  cookies.admin = await cookieFor(services, org.admin.id);
  cookies.member = await cookieFor(services, org.seated.tenant1.id);
  cookies.viewer = await cookieFor(services, org.viewer.id);
  cookies.outsider = await cookieFor(services, other.admin.id);
});
afterAll(() => services.cleanup());

const pathOf = (meetingId: string, itemId: string, orgSlug = "northfield") =>
  `/o/${orgSlug}/meetings/${meetingId}/reports/${itemId}`;
const load = (cookie: string | null, params: { orgSlug?: string; meetingId: string; itemId: string }) => {
  const orgSlug = params.orgSlug ?? "northfield";
  const request = new Request(`http://localhost${pathOf(params.meetingId, params.itemId, orgSlug)}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  return loader({ request, context: loadContext(services), params: { ...params, orgSlug } });
};
/** "Start the cover report", as the page's button posts it. */
const start = (cookie: string, params: { orgSlug?: string; meetingId: string; itemId: string }) => {
  const orgSlug = params.orgSlug ?? "northfield";
  const request = formRequest(pathOf(params.meetingId, params.itemId, orgSlug), { intent: "start" }, cookie);
  return action({ request, context: loadContext(services), params: { ...params, orgSlug } });
};
/** Starts the report as that person and opens the page. */
const startAndLoad = async (cookie: string, params: { orgSlug?: string; meetingId: string; itemId: string }) => {
  expect(await statusOf(start(cookie, params))).toBe(302);
  return load(cookie, params);
};
const item = (index: number) => ({ meetingId: org.meeting.id, itemId: org.items[index].id });
const reportOf = async (itemId: string) =>
  (await services.db.select().from(coverReports).where(eq(coverReports.agendaItemId, itemId)))[0] ?? null;

describe("who reaches the cover report page", () => {
  it("sends someone signed out to sign in, and back here afterwards", async () => {
    const response = await load(null, item(1)).catch((thrown: unknown) => thrown);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(
      `/sign-in?redirectTo=${encodeURIComponent(pathOf(org.meeting.id, org.items[1].id))}`,
    );
  });

  it("answers 404 to someone of another organisation, through either organisation's address", async () => {
    expect(await statusOf(load(cookies.outsider, item(1)))).toBe(404);
    expect(await statusOf(load(cookies.outsider, { ...item(1), orgSlug: "southbank" }))).toBe(404);
    expect(
      await statusOf(load(cookies.admin, { orgSlug: "northfield", meetingId: other.meeting.id, itemId: other.items[0].id })),
    ).toBe(404);
    expect(await reportOf(org.items[1].id)).toBeNull();
    expect(await reportOf(other.items[0].id)).toBeNull();
  });

  it.each([
    ["an item that is not a report", () => item(0)],
    ["a scorecard review", () => item(4)],
    ["an item of another meeting", () => ({ meetingId: org.meeting.id, itemId: other.items[0].id })],
    ["an item id that is not a UUID", () => ({ meetingId: org.meeting.id, itemId: "not-an-id" })],
    ["a meeting that does not exist", () => ({ meetingId: "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f", itemId: org.items[1].id })],
  ])("answers 404 for %s", async (_label, params) => {
    expect(await statusOf(load(cookies.admin, params()))).toBe(404);
  });
});

describe("starting a cover report", () => {
  it.each(["member", "viewer"])(
    "tells a %s that none has been written yet, offers no way to start one, and starts none",
    async (role) => {
      const page = await load(cookies[role], item(2));
      expect(page.report).toBeNull();
      expect(page.canStart).toBe(false);
      expect(page.meetingOpened).toBe(false);
      expect(page.item).toMatchObject({ id: org.items[2].id, title: org.items[2].title, number: 3 });
      expect(await reportOf(org.items[2].id)).toBeNull();
    },
  );

  it("changes nothing when an officer or admin only opens the page (GET), however often", async () => {
    for (const role of ["officer", "admin", "officer"]) {
      const page = await load(cookies[role], item(2));
      expect(page.report).toBeNull();
      expect(page.canStart).toBe(true);
    }
    expect(await reportOf(org.items[2].id)).toBeNull();
  });

  it.each(["member", "viewer"])("refuses a %s who posts the start form (403)", async (role) => {
    expect(await statusOf(start(cookies[role], item(2)))).toBe(403);
    expect(await reportOf(org.items[2].id)).toBeNull();
  });

  it("answers 404 to someone of another organisation who posts the start form", async () => {
    expect(await statusOf(start(cookies.outsider, item(2)))).toBe(404);
    expect(await reportOf(org.items[2].id)).toBeNull();
  });

  it("starts the report when an officer presses the button, and opens the same one afterwards for everyone", async () => {
    const response = (await start(cookies.officer, item(2))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(pathOf(org.meeting.id, org.items[2].id));
    const row = await reportOf(org.items[2].id);
    expect(row).toMatchObject({ organisationId: org.org.id, createdBy: org.officer.id });
    const first = await load(cookies.officer, item(2));
    expect(first.report).toMatchObject({ documentName: reportDocumentName(row!.id), canWrite: true, frozen: false });
    expect(first.report?.gaps.map((g) => g.key)).toEqual([
      "summary",
      "recommendation",
      "considerations",
      "equalities",
      "author",
      "contact",
    ]);

    expect(await statusOf(start(cookies.admin, item(2)))).toBe(302);
    const again = await load(cookies.admin, item(2));
    expect(again.report?.documentName).toBe(first.report?.documentName);
    expect(again.report?.canWrite).toBe(true);
    expect(await services.db.select().from(coverReports).where(eq(coverReports.agendaItemId, org.items[2].id))).toHaveLength(1);
  });

  it.each(["member", "viewer"])("gives a %s the started report read only", async (role) => {
    await start(cookies.officer, item(2));
    const page = await load(cookies[role], item(2));
    expect(page.report).toMatchObject({ canWrite: false, frozen: false });
  });
});

describe("what the page shows", () => {
  it("renders the stored report for the page before the editor loads, with what is still to write", async () => {
    const started = await startAndLoad(cookies.officer, item(3));
    const name = started.report!.documentName;
    const doc = new Y.Doc();
    const fragment = coverReportFragment(doc, "summary");
    prosemirrorJSONToYXmlFragment(
      commentarySchema(),
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Repairs <fell> behind." }] }] },
      fragment,
    );
    doc.transact(() => {
      checklistMap(doc).set("risk", true);
      reportDetailsMap(doc).set("author", "  Tom Okafor ");
      reportDetailsMap(doc).set("contact", "tom@example.org");
    });
    const storage = createPostgresStorage(services.db);
    await storage.ensure(name, org.org.id);
    await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: org.officer.id, at: new Date() }]);

    const page = await load(cookies.viewer, item(3));
    expect(page.report?.initial.sections.summary).toBe("<p>Repairs &lt;fell&gt; behind.</p>");
    expect(page.report?.initial.sections.recommendation).toBe("");
    expect(page.report?.initial.checklist.find((c) => c.key === "risk")).toEqual({
      key: "risk",
      label: "Risk",
      noImplications: true,
    });
    expect(page.report?.initial.details).toEqual({ author: "Tom Okafor", contact: "tom@example.org", backgroundPapers: "" });
    expect(page.report?.gaps.map((g) => g.message)).toEqual([
      "Recommendation is empty",
      "Matters for consideration is empty",
      "Equalities impact assessment is empty",
    ]);
  });

  it("renders a report stored nested 5,000 levels deep (before edits were limited) with a marker, and lists its gaps", async () => {
    const meeting = await createMeetingFixture(services.db, { status: "draft", items: ["report"] });
    const officer = await cookieFor(services, meeting.officer.id);
    const params = { orgSlug: meeting.org.slug, meetingId: meeting.meeting.id, itemId: meeting.items[0].id };
    const name = (await startAndLoad(officer, params)).report!.documentName;
    const doc = new Y.Doc();
    nestDeeply(coverReportFragment(doc, "summary"), 5000);
    // Straight into storage, as the collab server would now refuse it.
    const storage = createPostgresStorage(services.db);
    await storage.ensure(name, meeting.org.id);
    await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: meeting.officer.id, at: new Date() }]);

    const page = await load(officer, params);
    expect(page.report?.initial.sections.summary).toBe(`<p>${NESTING_LIMIT.marker}</p>`);
    expect(page.report?.gaps.map((g) => g.key)).not.toContain("summary");
  });

  it("makes a frozen report read only, even for an admin", async () => {
    const started = await startAndLoad(cookies.officer, item(1));
    await createPostgresStorage(services.db).freeze(started.report!.documentName, org.org.id, new Date());
    for (const role of ["officer", "admin", "viewer"]) {
      const page = await load(cookies[role], item(1));
      expect(page.report).toMatchObject({ canWrite: false, frozen: true });
    }
  });

  it("starts no report once the meeting has opened, and says so", async () => {
    const opened = await createMeetingFixture(services.db, { status: "in_session", items: ["report"] });
    const admin = await cookieFor(services, opened.admin.id);
    const params = { orgSlug: opened.org.slug, meetingId: opened.meeting.id, itemId: opened.items[0].id };
    const page = await load(admin, params);
    expect(page.report).toBeNull();
    expect(page.canStart).toBe(false);
    expect(page.meetingOpened).toBe(true);
    expect(await statusOf(start(admin, params))).toBe(403);
    expect(await reportOf(opened.items[0].id)).toBeNull();
  });

  it("still opens a report started before the meeting opened", async () => {
    const meeting = await createMeetingFixture(services.db, { status: "draft", items: ["report"] });
    const officer = await cookieFor(services, meeting.officer.id);
    const params = { orgSlug: meeting.org.slug, meetingId: meeting.meeting.id, itemId: meeting.items[0].id };
    const started = await startAndLoad(officer, params);
    await services.db.update(meetings).set({ status: "in_session" }).where(eq(meetings.id, meeting.meeting.id));
    const page = await load(officer, params);
    expect(page.report?.documentName).toBe(started.report?.documentName);
    expect(page.report?.canWrite).toBe(true);
  });

  it("names the item by its minute number once it has one, and says when it is exempt", async () => {
    await services.db
      .update(agendaItems)
      .set({ minuteNumber: "PC 26/14", exempt: true, exemptParagraph: 3 })
      .where(eq(agendaItems.id, org.items[3].id));
    const page = await load(cookies.viewer, item(3));
    expect(page.item).toMatchObject({ minuteNumber: "PC 26/14", exempt: true, exemptParagraph: 3 });
  });
});
