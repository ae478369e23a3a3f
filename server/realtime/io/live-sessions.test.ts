import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as signOutAction } from "../../../app/routes/sign-out";
import { action as resetAction } from "../../../app/routes/reset.$token";
import { meetingDocumentName } from "../../../app/shared/collab/document-names";
import { CLOSE_CODES, DISCONNECT_NOTICE, type DisconnectNotice } from "../../../app/shared/realtime-events";
import { sessions } from "../../../db/schema/identity";
import { SYSTEM_ACTOR } from "../../audit";
import { readSessionToken } from "../../auth/session-cookie";
import { sessionIdOf } from "../../auth/sessions";
import { createPasswordReset } from "../../commands/one-time-links";
import { createHttpServer } from "../../http-server";
import { registerMeetingRecord } from "../../meetings/meeting-record-server";
import type { AppServices } from "../../services";
import { createCollabServer } from "../yjs/collab-server";
import { LiveSessions, SESSION_ENDED_MESSAGE } from "../live-sessions";
import { createMeetingFixture, type MeetingFixture } from "../../../tests/support/meeting-factory";
import { TEST_REDIS_URL } from "../../../tests/support/test-redis";
import { cookieFor, createTestServices, formRequest, loadContext } from "../../../tests/support/test-services";
import { LiveEvents } from "./live-events";
import { MeetingEvents } from "./meeting-events";

/*
 * Item 10: open socket.io and collab connections end with the session that opened
 * them: at sign-out, at a password reset, when the session expires or is deleted by
 * anyone (the periodic re-check), and on every instance when several share Redis.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let fx: MeetingFixture;
const stops: (() => Promise<void>)[] = [];
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  services = await createTestServices();
  fx = await createMeetingFixture(services.db);
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await services.cleanup();
});

type Instance = { host: string; services: AppServices };

/** One server process's worth: socket.io, collab and HTTP, with its own live-session registry, on the shared database. */
async function startInstance(liveSessions: LiveSessions): Promise<Instance> {
  const own: AppServices = { ...services, live: new LiveEvents(), meetingEvents: new MeetingEvents(), liveSessions };
  const collab = createCollabServer({
    db: services.db,
    sessionSecret: services.config.sessionSecret,
    logger: quiet,
    liveSessions,
  });
  registerMeetingRecord(collab, own);
  const http = await createHttpServer(own, { withRemix: false, collabUpgrade: collab.handleUpgrade });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  stops.push(async () => {
    await collab.shutdown();
    await http.close();
    await liveSessions.close();
  });
  return { host: `127.0.0.1:${(http.server.address() as AddressInfo).port}`, services: own };
}

type LiveSocket = { socket: ClientSocket; notices: DisconnectNotice[]; disconnected: Promise<string> };

async function socketIo(instance: Instance, cookie: string): Promise<LiveSocket> {
  const socket = connectClient(`http://${instance.host}`, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  stops.push(async () => void socket.close());
  const notices: DisconnectNotice[] = [];
  socket.on(DISCONNECT_NOTICE as never, (notice: DisconnectNotice) => void notices.push(notice));
  const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, notices, disconnected };
}

type LiveDocument = { ws: WebSocket; closed: Promise<{ code: number; reason: string }>; isOpen(): boolean };

/** A collab websocket on the meeting record, opened with the session cookie as the page does; resolves once the server has spoken. */
async function collabSocket(instance: Instance, cookie: string): Promise<LiveDocument> {
  const ws = new WebSocket(`ws://${instance.host}/collab/${meetingDocumentName(fx.meeting.id)}`, {
    headers: { Cookie: cookie, Origin: `http://${instance.host}` },
  });
  stops.push(async () => ws.terminate());
  ws.on("error", () => {});
  let open = true;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => {
      open = false;
      resolve({ code, reason: reason.toString() });
    }),
  );
  // The server's sync step 1 says the upgrade was accepted and the document loaded.
  await Promise.race([new Promise((resolve) => ws.once("message", resolve)), closed]);
  if (!open) throw new Error(`the collab connection was refused: ${JSON.stringify(await closed)}`);
  return { ws, closed, isOpen: () => open };
}

const within = <T>(promise: Promise<T>, what: string, ms = 5000) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)),
  ]);

/** The instances of these tests never re-check on their own: an ending must be reported to reach them. */
const NO_TIMER = { recheckMs: 3_600_000 };

async function expectEnded(live: LiveSocket, doc: LiveDocument) {
  expect(await within(live.disconnected, "socket.io disconnection")).toBe("io server disconnect");
  expect(live.notices).toEqual([{ reason: "session-ended", message: SESSION_ENDED_MESSAGE }]);
  expect(await within(doc.closed, "collab close")).toEqual({ code: CLOSE_CODES.unauthenticated, reason: SESSION_ENDED_MESSAGE });
}

describe("a live connection ends with its session", () => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startInstance(new LiveSessions(services.db, NO_TIMER));
  });

  it("signing out disconnects that session's socket.io client and closes its collab websocket, and no other session's", async () => {
    const person = fx.seated.tenant1;
    const cookie = await cookieFor(services, person.id);
    const otherDevice = await cookieFor(services, person.id);
    const live = await socketIo(instance, cookie);
    const doc = await collabSocket(instance, cookie);
    const stays = await socketIo(instance, otherDevice);
    const staysDoc = await collabSocket(instance, otherDevice);

    const response = (await signOutAction({
      request: formRequest("/sign-out", {}, cookie),
      context: loadContext(instance.services),
      params: {},
    })) as Response;
    expect(response.status).toBe(302);

    await expectEnded(live, doc);
    // The same person signed in elsewhere stays connected and can still act.
    expect(stays.socket.connected).toBe(true);
    expect(staysDoc.isOpen()).toBe(true);
    const joined = await stays.socket.timeout(5000).emitWithAck("meeting:join", { meetingId: fx.meeting.id });
    expect(joined.ok).toBe(true);
  });

  it("a password reset ends every connection of that person's old sessions", async () => {
    const person = fx.seated.tenant2;
    const [laptop, phone] = [await cookieFor(services, person.id), await cookieFor(services, person.id)];
    const onLaptop = await socketIo(instance, laptop);
    const laptopDoc = await collabSocket(instance, laptop);
    const onPhone = await socketIo(instance, phone);
    const phoneDoc = await collabSocket(instance, phone);

    const { token } = await createPasswordReset(services.db, { email: person.email, organisationId: fx.org.id }, SYSTEM_ACTOR);
    const response = (await resetAction({
      request: formRequest(`/reset/${token}`, { password: "a-brand-new-password", confirm: "a-brand-new-password" }),
      context: loadContext(instance.services),
      params: { token },
    })) as Response;
    expect(response.status).toBe(302);

    await expectEnded(onLaptop, laptopDoc);
    await expectEnded(onPhone, phoneDoc);
    // Signed in again by the reset: the new session connects.
    const fresh = response.headers.get("Set-Cookie")!.split(";")[0];
    expect((await socketIo(instance, fresh)).socket.connected).toBe(true);
  });

  it("the periodic re-check ends connections of sessions deleted without telling anyone, or expired", async () => {
    const deletedCookie = await cookieFor(services, fx.seated.independent1.id);
    const expiringCookie = await cookieFor(services, fx.seated.independent2.id);
    const keptCookie = await cookieFor(services, fx.seated.vice.id);
    const deleted = { live: await socketIo(instance, deletedCookie), doc: await collabSocket(instance, deletedCookie) };
    const expiring = { live: await socketIo(instance, expiringCookie), doc: await collabSocket(instance, expiringCookie) };
    const kept = await socketIo(instance, keptCookie);

    const tokenOf = async (cookie: string) => sessionIdOf((await readSessionToken(services.config.sessionSecret, cookie))!);
    // As the operator's command line or another helper's code might: straight in the database.
    await services.db.delete(sessions).where(eq(sessions.tokenHash, await tokenOf(deletedCookie)));
    await services.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, await tokenOf(expiringCookie)));
    await instance.services.liveSessions.recheck();

    await expectEnded(deleted.live, deleted.doc);
    await expectEnded(expiring.live, expiring.doc);
    expect(kept.socket.connected).toBe(true);
  });
});

describe("with several instances sharing Redis", () => {
  it("signing out on one instance ends the session's connections on another", async () => {
    const channel = `minuted-test:${randomBytes(6).toString("hex")}:sessions-ended`;
    const redisA = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const redisB = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    stops.push(async () => {
      redisA.disconnect();
      redisB.disconnect();
    });
    const sessionsA = new LiveSessions(services.db, { ...NO_TIMER, redis: redisA, channel });
    const sessionsB = new LiveSessions(services.db, { ...NO_TIMER, redis: redisB, channel });
    await Promise.all([sessionsA.listen(), sessionsB.listen()]);
    const a = await startInstance(sessionsA);
    const b = await startInstance(sessionsB);

    const cookie = await cookieFor(services, fx.seated.chair.id);
    const live = await socketIo(b, cookie);
    const doc = await collabSocket(b, cookie);
    const other = await socketIo(b, await cookieFor(services, fx.officer.id));

    await signOutAction({ request: formRequest("/sign-out", {}, cookie), context: loadContext(a.services), params: {} });

    await expectEnded(live, doc);
    expect(other.socket.connected).toBe(true);
  });
});

describe("the registry", () => {
  it("ends a connection whose session ended while its handshake was under way, as soon as it is registered", async () => {
    const registry = new LiveSessions(services.db, NO_TIMER);
    stops.push(() => registry.close());
    const session = { sessionId: "ended-during-handshake", userId: fx.seated.chair.id, expiresAt: new Date(Date.now() + 60_000) };
    await registry.ended([session.sessionId]);
    const ended = new Promise<string>((resolve) => registry.hold(session, resolve));
    expect(await within(ended, "the ending")).toBe(SESSION_ENDED_MESSAGE);
    expect(registry.size).toBe(0);
  });
});
