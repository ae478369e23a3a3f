import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { minutesFragment, readAgreedActions, actionsList } from "../../app/shared/meetings/meeting-record";
import { CLOSE_CODES } from "../../app/shared/realtime-events";
import { declarations } from "../../db/schema/meetings";
import { cookieFor } from "../../tests/support/test-services";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { DECLARED_INTEREST_REFUSAL } from "./minute-restrictions";
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
});
