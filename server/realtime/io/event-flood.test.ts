import type { AddressInfo } from "node:net";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PUBLIC_NAMESPACE } from "../../../app/components/public/public-channel";
import { DISCONNECT_NOTICE, type DisconnectNotice } from "../../../app/shared/realtime-events";
import { createHttpServer, type RunningHttpServer } from "../../http-server";
import { createMeetingFixture, type MeetingFixture } from "../../../tests/support/meeting-factory";
import { cookieFor, createTestServices } from "../../../tests/support/test-services";
import { DEFAULT_EVENT_LIMITS, TOO_MANY_EVENTS } from "./event-rate-limit";

/*
 * Item 8: one viewer's 20,000 `meeting:join`s held up the chair's move for everyone.
 * Every socket's events now pass a token bucket; past it the socket is dropped with a
 * notice its page can show, and the room carries on.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;
let fx: MeetingFixture;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  services = await createTestServices();
  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  fx = await createMeetingFixture(services.db);
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  // Departures are recorded once the sockets have gone: let them finish before the database closes.
  while (http.io.of("/").sockets.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await http.close();
  await services.cleanup();
});

type Watched = { socket: ClientSocket; notices: DisconnectNotice[]; disconnected: Promise<string> };

async function connect(url: string, cookie?: string): Promise<Watched> {
  const socket = connectClient(url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  clients.push(socket);
  const notices: DisconnectNotice[] = [];
  socket.on(DISCONNECT_NOTICE as never, (notice: DisconnectNotice) => void notices.push(notice));
  const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, notices, disconnected };
}

async function joinMeeting(userId: string): Promise<Watched> {
  const client = await connect(base, await cookieFor(services, userId));
  const joined = await client.socket.timeout(5000).emitWithAck("meeting:join", { meetingId: fx.meeting.id });
  if (!joined.ok) throw new Error(`could not join: ${joined.error}`);
  return client;
}

const within = <T>(promise: Promise<T>, what: string, ms = 10_000) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);

it("drops a viewer who floods the room with 20,000 meeting:join events, and the chair's move still reaches the members", async () => {
  const chair = await joinMeeting(fx.seated.chair.id);
  const member = await joinMeeting(fx.seated.tenant1.id);
  const flooder = await joinMeeting(fx.viewer.id);

  let answered = 0;
  for (let i = 0; i < 20_000; i++) {
    flooder.socket.emit("meeting:join", { meetingId: fx.meeting.id }, () => void answered++);
  }
  const itemId = fx.items[2].id;
  const moved = new Promise<{ itemId: string }>((resolve) =>
    member.socket.on("meeting:moved", (event: { itemId: string }) => event.itemId === itemId && resolve(event)),
  );
  const move = await chair.socket.timeout(10_000).emitWithAck("meeting:move", { meetingId: fx.meeting.id, itemId });

  expect(move.ok).toBe(true);
  expect(await within(moved, "meeting:moved at the member")).toMatchObject({ itemId });
  expect(await within(flooder.disconnected, "the flooder's disconnection")).toBe("io server disconnect");
  expect(flooder.notices).toEqual([{ reason: "too-many-events", message: TOO_MANY_EVENTS }]);
  // About a burst's worth was handled (the bucket refills while the flood arrives): the rest never reached the database.
  expect(answered).toBeLessThan(2 * DEFAULT_EVENT_LIMITS.eventBurst);
  // The others stay connected.
  expect(chair.socket.connected && member.socket.connected).toBe(true);
}, 60_000);

it("drops a client flooding the public namespace too", async () => {
  const flooder = await connect(`${base}${PUBLIC_NAMESPACE}`);
  for (let i = 0; i < 5_000; i++) flooder.socket.emit("public:anything" as never);
  expect(await within(flooder.disconnected, "the flooder's disconnection")).toBe("io server disconnect");
  expect(flooder.notices).toEqual([{ reason: "too-many-events", message: TOO_MANY_EVENTS }]);
});
