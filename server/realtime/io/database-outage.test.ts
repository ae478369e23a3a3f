import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exceptionDocumentName } from "../../../app/shared/collab/document-names";
import { HANDSHAKE_UNAVAILABLE } from "../../../app/shared/realtime-events";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { indicators } from "../../../db/schema/performance";
import { sessionCookie } from "../../auth/session-cookie";
import { createSession } from "../../auth/sessions";
import { mintCollabToken } from "../yjs/collab-token";
import { createPostgresStorage } from "../yjs/document-storage";
import { SOMETHING_WENT_WRONG } from "./acked-handler";
import { createMeetingFixture, type MeetingFixture } from "../../../tests/support/meeting-factory";
import { startPrivatePostgres, type PrivatePostgres } from "../../../tests/support/private-postgres";
import { startServerProcess, type ServerProcess } from "../../../tests/support/server-process";
import { TEST_SESSION_SECRET } from "../../../tests/support/test-services";

/*
 * Item 4: while PostgreSQL is down, a socket.io handshake or an `org:join` crashed the
 * process, and the live edits it held in memory were lost with it. Here a real server
 * process runs on a PostgreSQL of the test's own, which is stopped while Yjs clients
 * type and socket.io clients connect and ask, then started again.
 */

let pg: PrivatePostgres;
let server: ServerProcess;
let db: DatabaseHandle;
let base: string;
let fx: MeetingFixture;
let documentName: string;
let dataDir: string;
const providers: WebsocketProvider[] = [];
const sockets: ClientSocket[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  pg = await startPrivatePostgres();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "minuted-outage-"));
  server = startServerProcess({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: pg.url,
    SESSION_SECRET: TEST_SESSION_SECRET,
    MINUTED_SEED_DEMO: "never",
    MINUTED_DATA_DIR: dataDir,
  });
  const { port } = await server.ready; // migrated
  base = `http://127.0.0.1:${port}`;
  db = await openDatabase({ kind: "postgres", url: pg.url, maxConnections: 2 });
  fx = await createMeetingFixture(db.db, { slug: "outage" });
  const [indicator] = await db.db
    .insert(indicators)
    .values({
      organisationId: fx.org.id,
      code: "OUT1",
      title: "Rent collected",
      category: "Income",
      unit: "%",
      polarity: "higher",
      frequency: "monthly",
      aggregation: "ratio",
      ownerUserId: fx.officer.id,
      managerUserId: fx.officer.id,
    })
    .returning({ id: indicators.id });
  documentName = exceptionDocumentName(indicator.id, "2025-04");
}, 120_000);

afterAll(async () => {
  providers.forEach((p) => (p.destroy(), p.awareness.destroy()));
  sockets.forEach((s) => s.close());
  await server?.stop();
  await db?.close().catch(() => {});
  await pg?.cleanup();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function cookieOf(userId: string): Promise<string> {
  const { token } = await createSession(db.db, userId);
  return (await sessionCookie(TEST_SESSION_SECRET).serialize(token)).split(";")[0];
}

/** A socket.io client; resolves once connected, or with the handshake's refusal. */
function handshake(cookie: string): Promise<{ socket: ClientSocket; refusal: string | null }> {
  const socket = connectClient(base, {
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket, refusal: null }));
    socket.once("connect_error", (error) => resolve({ socket, refusal: error.message }));
    // A server that died mid-handshake answers nothing.
    socket.once("disconnect", (reason) => resolve({ socket, refusal: `disconnected: ${reason}` }));
    setTimeout(() => resolve({ socket, refusal: "no answer" }), 10_000);
  });
}

function typist(): WebsocketProvider {
  const { token } = mintCollabToken(TEST_SESSION_SECRET, {
    document: documentName,
    access: "write",
    organisationId: fx.org.id,
    subject: { kind: "user", userId: fx.officer.id },
  });
  const provider = new WebsocketProvider(`${base.replace("http", "ws")}/collab`, documentName, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    maxBackoffTime: 500,
  });
  providers.push(provider);
  return provider;
}

/** An upgrade to /collab while the database is down: refused, with the HTTP status, or closed with a code. */
function collabAttempt(cookie: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace("http", "ws")}/collab/${documentName}`, { headers: { Cookie: cookie } });
    ws.on("unexpected-response", (_request, response) => {
      resolve(`HTTP ${response.statusCode}`);
      ws.terminate();
    });
    ws.on("close", (code) => resolve(`close ${code}`));
    ws.on("error", (error) => resolve(`error ${error.message}`));
  });
}

async function storedDocument(): Promise<Y.Doc> {
  const { snapshot, updates } = await createPostgresStorage(db.db).load(documentName);
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot);
  for (const { update } of updates) Y.applyUpdate(doc, update);
  return doc;
}

const own = (doc: Y.Doc, clientId: number) => Y.getState(doc.store, clientId);

it("stays up through a PostgreSQL outage, answers errors meanwhile, and stores every edit made once the database is back", async () => {
  try {
    await outage();
  } catch (error) {
    // The server logs every failed query meanwhile: its last lines say how it ended.
    const exit = server.child.exitCode ?? server.child.signalCode;
    throw new Error(
      `${String(error)}\n--- server ${exit === null ? "running" : `exited (${exit})`}; its last output:\n${server.output().slice(-3000)}`,
    );
  }
}, 120_000);

async function outage() {
  let exited: unknown = null;
  void server.exited.then((how) => (exited = how));
  const chairCookie = await cookieOf(fx.seated.chair.id);
  const memberCookie = await cookieOf(fx.seated.tenant1.id);

  // Before: everyone connected; three people type into the commentary.
  const chair = await handshake(chairCookie);
  const member = await handshake(memberCookie);
  expect([chair.refusal, member.refusal]).toEqual([null, null]);
  expect(await member.socket.timeout(5000).emitWithAck("org:join", "outage")).toEqual({ ok: true });
  const typists = [typist(), typist(), typist()];
  while (typists.some((p) => !p.synced)) await sleep(20);
  const typing = typists.map((provider, i) =>
    setInterval(() => {
      const text = provider.doc.getText("body");
      text.insert(text.length, String(i));
    }, 40),
  );
  await sleep(800);

  // The outage.
  await pg.stop();
  const duringOutage = {
    handshakes: await Promise.all([1, 2, 3, 4, 5].map(() => handshake(chairCookie).then((h) => h.refusal))),
    orgJoins: await Promise.all([1, 2, 3].map(() => member.socket.timeout(10_000).emitWithAck("org:join", "outage"))),
    meetingJoin: await chair.socket.timeout(10_000).emitWithAck("meeting:join", { meetingId: fx.meeting.id }),
    collab: await collabAttempt(chairCookie),
    health: (await fetch(`${base}/healthz`)).status,
  };
  await sleep(1500); // the group commit fails and retries meanwhile, the typists go on
  expect(exited).toBeNull();
  expect(duringOutage).toEqual({
    handshakes: Array(5).fill(HANDSHAKE_UNAVAILABLE),
    orgJoins: Array(3).fill({ ok: false, error: SOMETHING_WENT_WRONG }),
    meetingJoin: { ok: false, error: SOMETHING_WENT_WRONG },
    collab: "HTTP 503",
    health: 503,
  });
  expect(server.lastStats()?.pendingUpdates).toBeGreaterThan(0);

  // Back again.
  await pg.start();
  await sleep(800);
  typing.forEach(clearInterval);
  const typed = typists.reduce((sum, p) => sum + own(p.doc, p.doc.clientID), 0);
  expect(typed).toBeGreaterThan(50);

  // Every edit made reaches the database, through the group commit's retries.
  const deadline = Date.now() + 30_000;
  let missing = typed;
  while (Date.now() < deadline) {
    const stored = await storedDocument().catch(() => null);
    if (stored) {
      missing = typists.reduce((sum, p) => sum + Math.max(0, own(p.doc, p.doc.clientID) - own(stored, p.doc.clientID)), 0);
      if (missing === 0) break;
    }
    await sleep(200);
  }
  expect(missing).toBe(0);

  // New handshakes, joins and collab connections work again.
  const again = await handshake(memberCookie);
  expect(again.refusal).toBeNull();
  expect(await again.socket.timeout(5000).emitWithAck("org:join", "outage")).toEqual({ ok: true });
  // A pooled connection opened before the outage fails its first query once ("terminating
  // connection due to administrator command") and is replaced: the room answers that one
  // join with an error, as a client retries it.
  let joined = false;
  for (let attempt = 0; attempt < 5 && !joined; attempt++) {
    joined = (await chair.socket.timeout(5000).emitWithAck("meeting:join", { meetingId: fx.meeting.id })).ok === true;
    if (!joined) await sleep(200);
  }
  expect(joined).toBe(true);
  const late = typist();
  while (!late.synced) await sleep(20);
  expect(late.doc.getText("body").toString()).toBe(typists[0].doc.getText("body").toString());

  expect(exited).toBeNull();
}
