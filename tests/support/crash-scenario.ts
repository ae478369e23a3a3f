import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { openDatabase } from "../../db/client";
import { mintCollabToken } from "../../server/realtime/yjs/collab-token";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { startCrashServer } from "./crash-server-process";
import { createScratchDatabase } from "./test-database";

export type CrashScenario = {
  sessionSecret: string;
  clients: number;
  /** How long the clients type, from the first keystroke. */
  typingMs: number;
  /** When the server gets SIGKILL, from the first keystroke. */
  killAtMs: number;
  keystrokeMs: number;
};

export type CrashOutcome = {
  /** Edits the clients made, all told. */
  typed: number;
  /** Of those, how many the stored document lacks once everyone is synced again. */
  missing: number;
  /** Whether the stored text is every client's text. */
  sameText: boolean;
  /** Updates waiting for their group commit at the killed server's last report. */
  pendingAtKill: number;
  /** The longest an edit waited in memory for its commit: in the killed process, in the restarted one. */
  longestUncommittedMs: [number, number];
  /** From the restart until every client is connected and synced again. */
  allSyncedMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A collaboration server in its own process (crash-server-process.ts) on a database
 * that outlives it: the embedded one in a directory, or a scratch database on the
 * server at DATABASE_URL. The stock provider types from each client; at `killAtMs`
 * the server gets SIGKILL and is started again at once on the same port, while the
 * clients go on typing, as people do, and reconnect. Once all are synced again the
 * server is stopped and the stored document read back.
 */
export async function runCrashScenario(scenario: CrashScenario): Promise<CrashOutcome> {
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : null;
  const dataDir = scratch ? null : mkdtempSync(path.join(os.tmpdir(), "minuted-crash-"));
  const env: Record<string, string> = scratch ? { BENCH_DATABASE_URL: scratch.url } : { BENCH_DATA_DIR: dataDir! };
  const longestUncommittedMs: [number, number] = [0, 0];
  let pendingAtLastReport = 0;
  const onStats = (server: 0 | 1) => (stats: { longestUncommittedMs: number; pendingUpdates: number }) => {
    longestUncommittedMs[server] = Math.max(longestUncommittedMs[server], stats.longestUncommittedMs);
    pendingAtLastReport = stats.pendingUpdates;
  };
  process.setMaxListeners(Math.max(process.getMaxListeners(), scenario.clients + 10)); // each provider listens for the exit
  const first = startCrashServer({ ...env, BENCH_PORT: "0", BENCH_SETUP: "1" }, onStats(0));
  let second: ReturnType<typeof startCrashServer> | null = null;
  const providers: WebsocketProvider[] = [];
  try {
    const { port, setup } = await first.ready;
    const { documentName, organisationId, officerId } = setup!;
    const { token } = mintCollabToken(scenario.sessionSecret, {
      document: documentName,
      access: "write",
      organisationId,
      subject: { kind: "user", userId: officerId },
    });
    for (let i = 0; i < scenario.clients; i++) {
      providers.push(
        new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentName, new Y.Doc(), {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: { token },
          maxBackoffTime: 1000,
        }),
      );
    }
    while (providers.some((p) => !p.synced)) await sleep(20);
    const typing = providers.map((provider) =>
      setInterval(() => {
        const text = provider.doc.getText("body");
        text.insert(Math.floor(Math.random() * (text.length + 1)), "k");
      }, scenario.keystrokeMs),
    );
    await sleep(scenario.killAtMs);
    const pendingAtKill = pendingAtLastReport;
    first.child.kill("SIGKILL");
    await first.exited;
    const restartedAt = performance.now();
    second = startCrashServer({ ...env, BENCH_PORT: String(port) }, onStats(1));
    await second.ready;
    await sleep(Math.max(0, scenario.typingMs - scenario.killAtMs - (performance.now() - restartedAt)));
    typing.forEach(clearInterval);
    while (providers.some((p) => !p.wsconnected || !p.synced)) await sleep(20);
    const allSyncedMs = performance.now() - restartedAt;
    await sleep(1000); // the clients' last edits reach the server and its group commit
    second.child.kill("SIGTERM");
    await second.exited;

    const stored = await storedDocument(
      scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite", dataDir: dataDir! },
      documentName,
    );
    const own = (doc: Y.Doc, clientId: number) => Y.getState(doc.store, clientId);
    return {
      typed: providers.reduce((sum, p) => sum + own(p.doc, p.doc.clientID), 0),
      missing: providers.reduce((sum, p) => sum + Math.max(0, own(p.doc, p.doc.clientID) - own(stored, p.doc.clientID)), 0),
      sameText: providers.every((p) => p.doc.getText("body").toString() === stored.getText("body").toString()),
      pendingAtKill,
      longestUncommittedMs,
      allSyncedMs,
    };
  } finally {
    providers.forEach((p) => (p.destroy(), p.awareness.destroy()));
    first.child.kill("SIGKILL");
    second?.child.kill("SIGKILL");
    await scratch?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document as the database holds it, read by this process once the server has stopped. */
async function storedDocument(options: Parameters<typeof openDatabase>[0], name: string): Promise<Y.Doc> {
  const database = await openDatabase(options);
  try {
    const { snapshot, updates } = await createPostgresStorage(database.db).load(name);
    const doc = new Y.Doc();
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const { update } of updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    await database.close();
  }
}
