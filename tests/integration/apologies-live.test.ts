import type { AddressInfo } from "node:net";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { action as apologiesAction } from "../../app/routes/o.$orgSlug.meetings.$meetingId.apologies";
import type { MeetingClientEvents, MeetingRoomSnapshot, MeetingServerEvents } from "../../app/shared/meetings/room-events";
import { createHttpServer, type RunningHttpServer } from "../../server/http-server";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext } from "../support/test-services";

/*
 * Apologies sent during the session reach the clerk's open room at once: the clerk's
 * socket is in the room, the member sends them over HTTP (their apologies page), and the
 * room's state arrives with them.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;
let fixture: MeetingFixture;
let clerk: ClientSocket<MeetingServerEvents, MeetingClientEvents>;

beforeAll(async () => {
  services = await createTestServices();
  fixture = await createMeetingFixture(services.db, { slug: "northfield", status: "in_session" });
  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  clerk?.close();
  await http?.close();
  await services.cleanup();
});

it("shows a member's apologies, sent in session, in the clerk's room at once", async () => {
  clerk = connectClient(base, {
    transports: ["websocket"],
    extraHeaders: { cookie: await cookieFor(services, fixture.officer.id) },
    reconnection: false,
    forceNew: true,
  });
  const joined = await clerk.timeout(5000).emitWithAck("meeting:join", { meetingId: fixture.meeting.id });
  if (!joined.ok) throw new Error(joined.error);
  expect(joined.state.apologies).toEqual([]);

  const arrived = new Promise<MeetingRoomSnapshot>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no meeting:state arrived")), 5000);
    clerk.on("meeting:state", (snapshot) => {
      if (snapshot.apologies.length === 0) return;
      clearTimeout(timer);
      resolve(snapshot);
    });
  });
  const member = fixture.seated.independent2;
  await apologiesAction({
    request: formRequest(
      `/o/northfield/meetings/${fixture.meeting.id}/apologies`,
      { intent: "send", reason: "Stuck on the M4 🚗" },
      await cookieFor(services, member.id),
    ),
    context: loadContext(services),
    params: { orgSlug: "northfield", meetingId: fixture.meeting.id },
  });
  const snapshot = await arrived;
  expect(snapshot.apologies).toEqual([{ userId: member.id, name: member.name }]);
  // The room state goes to everyone in the room: never the reason, which may be personal.
  expect(JSON.stringify(snapshot)).not.toContain("Stuck on the M4");
});
