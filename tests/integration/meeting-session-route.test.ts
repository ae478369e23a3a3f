import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { action, loader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.session/route";
import { loader as projectorLoader } from "../../app/routes/o.$orgSlug_.meetings.$meetingId.present";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { actionsList } from "../../app/shared/meetings/meeting-record";
import { listAgendaItems } from "../../db/queries/meetings";
import { memberships } from "../../db/schema/identity";
import { actions, agendaItems, clinicReferrals, meetings } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

let services: Awaited<ReturnType<typeof createTestServices>>;
let fixture: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  fixture = await createMeetingFixture(services.db, { slug: "northfield", status: "agenda_published" });
  for (const [key, person] of Object.entries({
    ...fixture.seated,
    officer: fixture.officer,
    admin: fixture.admin,
    viewer: fixture.viewer,
  })) {
    cookies[key] = await cookieFor(services, person.id);
  }
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
});
afterAll(() => services.cleanup());

const url = () => `/o/northfield/meetings/${fixture.meeting.id}/session`;
const params = () => ({ orgSlug: "northfield", meetingId: fixture.meeting.id });
const post = (fields: Record<string, string>, cookie: string) =>
  action({ request: formRequest(url(), fields, cookie), context: loadContext(services), params: params() });
const load = (cookie: string, meetingId = fixture.meeting.id) =>
  loader({
    request: new Request(`http://localhost${url()}`, { headers: { Cookie: cookie } }),
    context: loadContext(services),
    params: { orgSlug: "northfield", meetingId },
  });
const meetingRow = async () => (await services.db.select().from(meetings).where(eq(meetings.id, fixture.meeting.id)))[0];

describe("the session page", () => {
  it("shows the meeting to anyone of the organisation, viewers included", async () => {
    expect(await statusOf(load(cookies.viewer))).toBe(200);
    expect(await statusOf(load(cookies.tenant1))).toBe(200);
  });
  it("answers 404 to another organisation and to a meeting that does not exist", async () => {
    expect(await statusOf(load(cookies.outsider))).toBe(404);
    expect(await statusOf(load(cookies.admin, "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f"))).toBe(404);
    expect(await statusOf(load(cookies.admin, "not-a-uuid"))).toBe(404);
  });
  it.each(["viewer", "tenant1", "chair"])("refuses opening and closing to a %s (403) and changes nothing", async (who) => {
    expect(await statusOf(post({ intent: "open" }, cookies[who]))).toBe(403);
    expect(await statusOf(post({ intent: "close" }, cookies[who]))).toBe(403);
    expect((await meetingRow()).status).toBe("agenda_published");
  });
  it("refuses a referral to a member without the chair (403) and to another organisation (404)", async () => {
    const fields = { intent: "refer", agendaItemId: fixture.items[0].id, indicatorId: "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f" };
    expect(await statusOf(post(fields, cookies.tenant1))).toBe(403);
    expect(await statusOf(post(fields, cookies.outsider))).toBe(404);
  });
  it("answers 400 to an unknown intent", async () => {
    expect(await statusOf(post({ intent: "explode" }, cookies.admin))).toBe(400);
  });
});

describe("the projector page", () => {
  it("carries no exempt item's papers, no members and no permissions, even signed in as the clerk", async () => {
    const exemptItem = fixture.items.find((item) => item.kind === "action_log")!;
    await services.db.update(agendaItems).set({ exempt: true }).where(eq(agendaItems.id, exemptItem.id));
    try {
      const request = new Request(`http://localhost${url()}/present`, { headers: { Cookie: cookies.admin } });
      const session = (await load(cookies.admin)) as unknown as { contents: Record<string, unknown> };
      expect(session.contents[exemptItem.id]).toBeDefined(); // the clerk's own session page has it
      const page = await projectorLoader({ request, context: loadContext(services), params: params() });
      expect(Object.keys(page.contents)).not.toContain(exemptItem.id);
      expect(Object.keys(page.contents).length).toBe(fixture.items.length - 1);
      expect(page.items.find((item) => item.id === exemptItem.id)).toMatchObject({ exempt: true, title: exemptItem.title });
      expect(Object.keys(page).sort()).toEqual(["contents", "items", "meeting", "organisationName", "orgSlug"].sort());
      expect(JSON.stringify(page)).not.toContain(fixture.seated.tenant1.name);
    } finally {
      await services.db.update(agendaItems).set({ exempt: false }).where(eq(agendaItems.id, exemptItem.id));
    }
  });
});

describe("a meeting from opening to closing", () => {
  it("opens: every item numbered in the body's scheme, the first item open", async () => {
    expect(await statusOf(post({ intent: "open" }, cookies.officer))).toBe(200);
    const items = await listAgendaItems(services.db, fixture.meeting.id);
    expect(items.map((i) => i.minuteNumber)).toEqual(items.map((_, index) => `PC 26/${index + 1}`));
    expect(await meetingRow()).toMatchObject({ status: "in_session", currentItemId: items[0].id });
    // Opening twice changes nothing.
    expect(await statusOf(post({ intent: "open" }, cookies.officer))).toBe(200);
    expect((await listAgendaItems(services.db, fixture.meeting.id)).map((i) => i.minuteNumber)).toEqual(
      items.map((i) => i.minuteNumber),
    );
  });

  it("refuses to let a viewer who holds the vice-chair's seat sign the minutes (403), as it refuses them the chair", async () => {
    const item = fixture.items.find((i) => i.kind === "previous_minutes")!;
    const vice = fixture.seated.vice;
    await services.db.update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, vice.id));
    try {
      expect(await statusOf(post({ intent: "sign-minutes", itemId: item.id }, cookies.vice))).toBe(403);
    } finally {
      await services.db.update(memberships).set({ role: "member" }).where(eq(memberships.userId, vice.id));
    }
    // A member in the same seat gets past the rule, to the command's own refusal (nothing to approve yet).
    expect(await statusOf(post({ intent: "sign-minutes", itemId: item.id }, cookies.vice))).toBe(409);
  });

  it("refers an indicator to a clinic from the chair's seat", async () => {
    const [indicator] = await services.db
      .insert(indicators)
      .values({
        organisationId: fixture.org.id,
        code: "VOIDS",
        title: "Average relet time",
        category: "Local",
        unit: "days",
        polarity: "lower",
        frequency: "monthly",
        aggregation: "mean",
      })
      .returning();
    const fields = {
      intent: "refer",
      agendaItemId: fixture.items[4].id,
      indicatorId: indicator.id,
      reason: "Relets have been slow for six months",
    };
    expect(await statusOf(post(fields, cookies.chair))).toBe(200);
    const referrals = await services.db
      .select()
      .from(clinicReferrals)
      .where(eq(clinicReferrals.fromMeetingId, fixture.meeting.id));
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toMatchObject({ indicatorId: indicator.id, reason: "Relets have been slow for six months" });
  });

  it("refuses to close while an agreed action lacks its owner, then closes and enters the actions in the log once", async () => {
    const name = meetingDocumentName(fixture.meeting.id);
    const storage = createPostgresStorage(services.db);
    await storage.ensure(name, fixture.org.id);
    const doc = new Y.Doc();
    const item = fixture.items[4];
    const entry = new Y.Map<unknown>();
    doc.transact(() => {
      entry.set("id", "a1");
      entry.set("action", "Report relets by area");
      entry.set("due", "2027-01-15");
      actionsList(doc, item.id).push([entry]);
    });
    await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: null, at: new Date() }]);

    const refused = await post({ intent: "close" }, cookies.officer);
    expect(await statusOf(Promise.resolve(refused))).toBe(409);
    expect((await meetingRow()).status).toBe("in_session");

    const before = Y.encodeStateVector(doc);
    entry.set("ownerId", fixture.officer.id);
    await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc, before), userId: null, at: new Date() }]);
    expect(await statusOf(post({ intent: "close" }, cookies.officer))).toBe(200);
    expect(await statusOf(post({ intent: "close" }, cookies.officer))).toBe(200);
    const logged = await services.db.select().from(actions).where(eq(actions.meetingId, fixture.meeting.id));
    const [numbered] = await services.db.select().from(agendaItems).where(eq(agendaItems.id, item.id));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      description: "Report relets by area",
      ownerUserId: fixture.officer.id,
      dueDate: "2027-01-15",
      minuteNumber: numbered.minuteNumber,
    });
    expect((await meetingRow()).status).toBe("closed");
  });
});

describe("what the items show", () => {
  it("gives a clinic item its indicator's trend, areas and exception commentary", async () => {
    const [indicator] = await services.db.select().from(indicators).where(eq(indicators.organisationId, fixture.org.id));
    const [clinic] = await services.db
      .insert(agendaItems)
      .values({
        meetingId: fixture.meeting.id,
        position: 99,
        kind: "performance_clinic",
        title: "Clinic: relets",
        options: { indicatorIds: [indicator.id] },
      })
      .returning();
    const page = (await load(cookies.viewer)) as Awaited<ReturnType<typeof loader>>;
    const content = page.contents[clinic.id];
    expect(content.kind).toBe("clinic");
    if (content.kind !== "clinic") return;
    expect(content.indicators.map((i) => i.indicator.code)).toEqual([indicator.code]);
    expect(content.indicators[0].chart.points.length).toBeGreaterThan(0);
    expect(content.indicators[0].commentary.actions).toEqual([]);
  });
});
