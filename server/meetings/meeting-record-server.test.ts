import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import {
  minutesFragment,
  readAgreedActions,
  actionsList,
  readSuggestions,
  suggestionsList,
} from "../../app/shared/meetings/meeting-record";
import { CLOSE_CODES } from "../../app/shared/realtime-events";
import { eq } from "drizzle-orm";
import { bodies, declarations } from "../../db/schema/meetings";
import { cookieFor } from "../../tests/support/test-services";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { AUTHOR_REFUSAL, CLERK_HOLDS_PEN_REFUSAL, DECLARED_INTEREST_REFUSAL, REMOVAL_REFUSAL } from "./minute-restrictions";
import { registerMeetingRecord } from "./meeting-record-server";
import {
  destroyProvider,
  startCollabTestServer,
  stockProvider,
  waitFor,
  whenClosed,
  whenSynced,
  type TestServer,
} from "../realtime/yjs/test-support";

let server: TestServer;
let fixture: MeetingFixture;
let name: string;
beforeAll(async () => {
  server = await startCollabTestServer({ unloadDelayMs: 50 });
  registerMeetingRecord(server.collab, server.services);
  fixture = await createMeetingFixture(server.services.db);
  name = meetingDocumentName(fixture.meeting.id);
});
afterAll(async () => {
  await server.close();
});

const setMinutesMode = (mode: "clerk" | "everyone") =>
  server.services.db.update(bodies).set({ minutesMode: mode }).where(eq(bodies.id, fixture.body.id));
const entry = (fields: Record<string, string>) => {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
};
const cookie = (userId: string) => cookieFor(server.services, userId);
const paragraph = (words: string) => {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(words)]);
  return element;
};

describe("the meeting record", () => {
  it("is written together by the clerk and a member, item by item", async () => {
    const [first, second] = fixture.items;
    const clerk = stockProvider(server, name, { cookie: await cookie(fixture.officer.id) });
    const member = stockProvider(server, name, { cookie: await cookie(fixture.seated.tenant1.id) });
    await Promise.all([whenSynced(clerk), whenSynced(member)]);
    minutesFragment(clerk.doc, first.id).insert(0, [paragraph("Apologies were received from Dev Independent.")]);
    const action = new Y.Map<unknown>();
    member.doc.transact(() => {
      action.set("id", "a1");
      action.set("action", "Report back on voids");
      action.set("ownerId", fixture.officer.id);
      action.set("due", "2027-01-31");
      actionsList(member.doc, second.id).push([action]);
    });
    await waitFor(
      () => readAgreedActions(clerk.doc, second.id).length === 1 && minutesFragment(member.doc, first.id).length === 1,
    );
    expect(readAgreedActions(clerk.doc, second.id)[0]).toMatchObject({ action: "Report back on voids", due: "2027-01-31" });
    destroyProvider(clerk);
    destroyProvider(member);
  });

  it("refuses another organisation's people with 4403", async () => {
    const outsider = stockProvider(server, name, { cookie: server.people.outsider.cookie });
    expect((await whenClosed(outsider)).code).toBe(CLOSE_CODES.forbidden);
    destroyProvider(outsider);
  });

  it("keeps a member who declared an interest out of that item's minutes, not the others'", async () => {
    const [, second, third] = fixture.items;
    await setMinutesMode("everyone");
    const member = fixture.seated.independent1;
    await server.services.db.insert(declarations).values({
      meetingId: fixture.meeting.id,
      agendaItemId: third.id,
      userId: member.id,
      kind: "prejudicial",
      note: "Tenant of the estate",
    });

    const provider = stockProvider(server, name, { cookie: await cookie(member.id) });
    const observer = stockProvider(server, name, { cookie: await cookie(fixture.officer.id) });
    await Promise.all([whenSynced(provider), whenSynced(observer)]);
    minutesFragment(provider.doc, second.id).insert(0, [paragraph("Members noted the report.")]);
    await waitFor(() => minutesFragment(observer.doc, second.id).length === 1, 5000, "the allowed edit");

    const closed = whenClosed(provider);
    minutesFragment(provider.doc, third.id).insert(0, [paragraph("I support the contract award.")]);
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: DECLARED_INTEREST_REFUSAL });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(minutesFragment(observer.doc, third.id).length).toBe(0);
    destroyProvider(provider);
    destroyProvider(observer);
  });

  it("where the clerk holds the pen, refuses a member's edit of the minutes but takes their suggestion, which the clerk accepts", async () => {
    await setMinutesMode("clerk");
    const item = fixture.items[3];
    const member = stockProvider(server, name, { cookie: await cookie(fixture.seated.tenant1.id) });
    const clerk = stockProvider(server, name, { cookie: await cookie(fixture.officer.id) });
    await Promise.all([whenSynced(member), whenSynced(clerk)]);

    // The member suggests wording beside the minutes: it reaches the clerk.
    suggestionsList(member.doc, item.id).push([
      entry({ id: "s1", text: "Members asked for repairs by ward.", by: fixture.seated.tenant1.id, byName: "Tenant" }),
    ]);
    await waitFor(() => readSuggestions(clerk.doc, item.id).length === 1, 5000, "the suggestion");
    // The clerk accepts it: appended to the minutes, taken off the list, and the member sees both.
    clerk.doc.transact(() => {
      minutesFragment(clerk.doc, item.id).push([paragraph("Members asked for repairs by ward.")]);
      suggestionsList(clerk.doc, item.id).delete(0, 1);
    });
    await waitFor(
      () => minutesFragment(member.doc, item.id).length === 1 && readSuggestions(member.doc, item.id).length === 0,
      5000,
      "the accepted suggestion",
    );

    // Writing the minutes directly is refused by the server, and nothing of it is kept.
    const closed = whenClosed(member);
    minutesFragment(member.doc, item.id).push([paragraph("I rewrite the minutes myself.")]);
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: CLERK_HOLDS_PEN_REFUSAL });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(minutesFragment(clerk.doc, item.id).toString()).not.toContain("I rewrite");
    destroyProvider(member);
    destroyProvider(clerk);
  });

  it("lets a member change an agreed action but only the clerk or the chair remove it", async () => {
    const item = fixture.items[4];
    const member = stockProvider(server, name, { cookie: await cookie(fixture.seated.tenant1.id) });
    const clerk = stockProvider(server, name, { cookie: await cookie(fixture.officer.id) });
    await Promise.all([whenSynced(member), whenSynced(clerk)]);
    member.doc.transact(() => {
      actionsList(member.doc, item.id).push([
        entry({ id: "a1", action: "Report on voids", ownerId: fixture.officer.id, due: "2027-01-31" }),
        entry({ id: "a2", action: "Report on arrears", ownerId: fixture.officer.id, due: "2027-01-31" }),
      ]);
    });
    await waitFor(() => readAgreedActions(clerk.doc, item.id).length === 2, 5000, "the actions");
    // Changing a field of an action is an edit, not a removal.
    (actionsList(member.doc, item.id).get(0) as Y.Map<unknown>).set("action", "Report on voids by area");
    await waitFor(() => readAgreedActions(clerk.doc, item.id)[0]?.action === "Report on voids by area", 5000, "the change");

    const closed = whenClosed(member);
    actionsList(member.doc, item.id).delete(1, 1);
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: REMOVAL_REFUSAL });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readAgreedActions(clerk.doc, item.id)).toHaveLength(2);

    // The clerk may remove it.
    const chair = stockProvider(server, name, { cookie: await cookie(fixture.seated.chair.id) });
    await whenSynced(chair);
    actionsList(clerk.doc, item.id).delete(1, 1);
    await waitFor(() => readAgreedActions(chair.doc, item.id).length === 1, 5000, "the clerk's removal");
    // And so may the chair.
    actionsList(chair.doc, item.id).delete(0, 1);
    await waitFor(() => readAgreedActions(clerk.doc, item.id).length === 0, 5000, "the chair's removal");
    destroyProvider(member);
    destroyProvider(clerk);
    destroyProvider(chair);
  });

  it("refuses a suggestion made in another member's name", async () => {
    const item = fixture.items[3];
    const member = stockProvider(server, name, { cookie: await cookie(fixture.seated.tenant2.id) });
    await whenSynced(member);
    const closed = whenClosed(member);
    suggestionsList(member.doc, item.id).push([
      entry({ id: "s9", text: "Put words in her mouth.", by: fixture.seated.tenant1.id, byName: "Erin Tenant" }),
    ]);
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: AUTHOR_REFUSAL });
    destroyProvider(member);
  });
});
