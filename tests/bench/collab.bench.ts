/**
 * Issue 4's figures for the Yjs server. The server (HTTP, collab server, database) runs
 * in this process; every client runs in one child process (this same file, started
 * with COLLAB_BENCH_CHILD=1), so on a 2-core machine each side has a core. Latencies
 * are measured in the child, where sender and receivers share one clock.
 */
import { fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createHttpServer } from "../../server/http-server";
import { createCollabServer } from "../../server/realtime/yjs/collab-server";
import { mintCollabToken } from "../../server/realtime/yjs/collab-token";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { createTestServices } from "../support/test-services";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;
type Job =
  | { kind: "typing"; url: string; typers: number; watchers: number; seconds: number }
  | { kind: "storm"; url: string; clients: number; spreadMs: number; stateVector: string; reply: string }
  | { kind: "first-sync"; url: string }
  | { kind: "hold"; urls: string[] }
  | { kind: "release" };

/** How late 20 ms timers fire: a blocked event loop delays every socket of the server. */
function monitorEventLoop() {
  const delays: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => (delays.push(Math.max(0, performance.now() - last - 20)), (last = performance.now())), 20);
  return {
    stop: () => (clearInterval(timer), { p99: percentile(Float64Array.from(delays).sort(), 0.99), max: Math.max(...delays) }),
  };
}

const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** COLLAB_BENCH_ONLY=typing,load runs only those parts (typing, storm, load, heap); unset, all of them. */
const onlyParts = process.env.COLLAB_BENCH_ONLY?.split(",").map((part) => part.trim());
const runs = (part: "typing" | "storm" | "load" | "heap") => !onlyParts || onlyParts.includes(part);

/** A document built by typing (many small items, some deletions), as real ones are, to about `bytes`. */
function typedDocument(bytes: number): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText("body");
  for (let i = 0; ; i++) {
    text.insert(Math.floor(Math.random() * (text.length + 1)), "rent arrears voids repairs ".slice(0, 1 + (i % 9)));
    if (i % 10 === 0 && text.length > 20) text.delete(Math.floor(Math.random() * (text.length - 5)), 3);
    if (i % 500 === 0 && Y.encodeStateAsUpdate(doc).byteLength >= bytes) return doc;
  }
}

export default async function run(record: Record_): Promise<void> {
  const services = await createTestServices();
  const errors: string[] = [];
  const collab = createCollabServer({
    db: services.db,
    sessionSecret: services.config.sessionSecret,
    logger: { info: () => {}, warn: () => {}, error: (message) => errors.push(message) },
  });
  const http = await createHttpServer(services, { withRemix: false, collabUpgrade: collab.handleUpgrade });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const base = `ws://127.0.0.1:${(http.server.address() as AddressInfo).port}/collab`;
  const org = await createOrganisation(services.db, { slug: "bench", name: "Bench Homes" }, SYSTEM_ACTOR);
  const officer = await addMember(services.db, { organisationId: org.id, email: "officer@example.org", role: "officer" }, SYSTEM_ACTOR);
  const storage = createPostgresStorage(services.db);
  // The officer owns every bench indicator: the commentary rule lets only its owner or manager write.
  const newDocument = async () => {
    const [row] = await services.db
      .insert(indicators)
      .values({ organisationId: org.id, code: `B${Math.random()}`, title: "Bench", category: "c", unit: "%", polarity: "higher", frequency: "monthly", aggregation: "ratio", ownerUserId: officer.id })
      .returning({ id: indicators.id });
    return exceptionDocumentName(row.id, "2025-04");
  };
  const urlOf = (name: string) => {
    const { token } = mintCollabToken(services.config.sessionSecret, { document: name, access: "write", organisationId: org.id, subject: { kind: "user", userId: officer.id } });
    return `${base}/${name}?token=${token}`;
  };
  const seed = async (name: string, doc: Y.Doc) => {
    await storage.ensure(name, org.id);
    await storage.compact(name, () => ({ state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }));
  };

  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ["--import", "tsx"], env: { ...process.env, COLLAB_BENCH_CHILD: "1" } });
  let failPending = (_error: Error) => {};
  child.on("exit", (code) => failPending(new Error(`the bench clients exited (${code})`)));
  const ask = <T>(job: Job) =>
    new Promise<T>((resolve, reject) => {
      failPending = reject;
      child.once("message", (answer) => resolve(answer as T));
      child.send(job);
    });
  try {
    // 1. One document, 200 connections: 50 typing at 5 edits/s, carets of all 200 at 4 Hz, 10 s.
    if (runs("typing")) {
      const typingDoc = await newDocument();
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const loopLag = monitorEventLoop();
      const typing = await ask<{ edits: number; samples: number; expected: number; p50: number; p99: number; max: number; converged: boolean; clientCpu: number }>({
        kind: "typing", url: urlOf(typingDoc), typers: 50, watchers: 150, seconds: 10,
      });
      const lag = loopLag.stop();
      const cpu = process.cpuUsage(cpuBefore);
      const wallSeconds = (performance.now() - wallBefore) / 1000;
      record("typing: update latency to every other client, p50", typing.p50, "ms", `${typing.edits} edits × 199 receivers, 200 carets at 4 Hz`);
      record("typing: update latency to every other client, p99", typing.p99, "ms", `max ${typing.max.toFixed(1)} ms`);
      record("typing: deliveries received / expected", (typing.samples / typing.expected) * 100, "%");
      record("typing: all 50 editors and a late reader converge", typing.converged ? 1 : 0, "yes=1");
      record("typing: server CPU over the run", ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100, "% of one core", `clients ${typing.clientCpu.toFixed(0)} %; ${wallSeconds.toFixed(1)} s wall with connecting and draining`);
      record("typing: server event-loop delay p99", lag.p99, "ms", `max ${lag.max.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
      await sleep(1500); // let it unload
    }

    // 2. 300 clients reconnecting within 2 s to a 1 MB document (after a restart: cold load first).
    if (runs("storm")) {
      const big = typedDocument(1024 * 1024);
      const bigName = await newDocument();
      await seed(bigName, big);
      const sv = Y.encodeStateVector(big);
      for (const [label, stateVector, reply] of [
        ["holding the document", sv, Y.encodeStateAsUpdate(big, sv)],
        ["fresh (downloads 1 MB each)", new Uint8Array([0]), Y.encodeStateAsUpdate(new Y.Doc())],
      ] as const) {
        const storm = await ask<{ allSyncedMs: number; p50: number; p99: number; synced: number }>({
          kind: "storm", url: urlOf(bigName), clients: 300, spreadMs: 2000, stateVector: b64(stateVector), reply: b64(reply),
        });
        record(`reconnect storm, ${label}: time until all 300 synced`, storm.allSyncedMs, "ms", `${(Y.encodeStateAsUpdate(big).byteLength / 1024).toFixed(0)} KB document; ${storm.synced}/300 synced`);
        record(`reconnect storm, ${label}: connect-to-sync p50 / p99`, storm.p50, "ms", `p99 ${storm.p99.toFixed(0)} ms`);
        await sleep(1500);
      }
    }

    // 3. Cold load of a 10,000-update log, and of a 100 KB compacted document.
    if (runs("load")) {
      const logName = await newDocument();
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on("update", (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 10_000; i++) source.getText("body").insert(Math.floor(Math.random() * (i + 1)), "x");
      await storage.ensure(logName, org.id);
      for (let s = 0; s < updates.length; s += 1000) {
        await storage.store(logName, updates.slice(s, s + 1000).map((update) => ({ update, userId: null, at: new Date() })));
      }
      record("cold load of a 10,000-update log, to first sync", (await ask<{ ms: number }>({ kind: "first-sync", url: urlOf(logName) })).ms, "ms");
      const compactName = await newDocument();
      await seed(compactName, typedDocument(100 * 1024));
      record("cold load of a 100 KB compacted document, to first sync", (await ask<{ ms: number }>({ kind: "first-sync", url: urlOf(compactName) })).ms, "ms");
    }

    // 4. Heap of a loaded 70 KB document: 20 of them against 20 empty ones, one client each.
    if (runs("heap")) {
      v8.setFlagsFromString("--expose-gc");
      const gc = vm.runInNewContext("gc") as () => void;
      const heapWith = async (names: string[]) => {
        gc();
        const before = process.memoryUsage().heapUsed;
        await ask({ kind: "hold", urls: names.map(urlOf) });
        await sleep(300);
        gc();
        const after = process.memoryUsage().heapUsed;
        await ask({ kind: "release" });
        await sleep(1500);
        return after - before;
      };
      const empties = await Promise.all(Array.from({ length: 20 }, newDocument));
      const medium = typedDocument(70 * 1024);
      const mediums = await Promise.all(Array.from({ length: 20 }, newDocument));
      for (const name of mediums) await seed(name, medium);
      const emptyHeap = await heapWith(empties);
      const mediumHeap = await heapWith(mediums);
      record("heap of a loaded 70 KB document", (mediumHeap - emptyHeap) / 20 / 1024 / 1024, "MB", `encoded ${(Y.encodeStateAsUpdate(medium).byteLength / 1024).toFixed(0)} KB; built by typing`);
    }
    if (errors.length > 0) record("server errors logged", errors.length, "errors", errors[0]);
  } finally {
    child.kill();
    await collab.shutdown();
    await http.close();
    await services.cleanup();
  }
}

// ---- The clients (child process) ----

/** A client that speaks the protocol by hand: cheap enough to run hundreds in one process. */
function lightClient(url: string, stateVector: Uint8Array, reply: Uint8Array, onUpdate: (update: Uint8Array) => void) {
  const ws = new WebSocket(url);
  const client = { ws, syncedAt: 0, openedAt: performance.now() };
  const step = (subtype: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    [0, subtype].forEach((n) => encoding.writeVarUint(e, n));
    encoding.writeVarUint8Array(e, payload);
    return encoding.toUint8Array(e);
  };
  ws.on("open", () => ws.send(step(0, stateVector)));
  ws.on("message", (data: Buffer) => {
    if (data[0] === 1) return ws.send(data); // echo presence, as the stock provider does
    if (data[0] !== 0) return;
    const decoder = decoding.createDecoder(data);
    decoding.readVarUint(decoder);
    const subtype = decoding.readVarUint(decoder);
    if (subtype === 0) return ws.send(step(1, reply));
    const payload = decoding.readVarUint8Array(decoder);
    if (subtype === 1 && !client.syncedAt) client.syncedAt = performance.now();
    if (subtype === 2) onUpdate(payload);
  });
  ws.on("error", () => {});
  return client;
}

/** The stock provider on the URL `urlOf` made: base, document name and token taken apart again. */
function stockProvider(url: string) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice("/collab/".length));
  return new WebsocketProvider(`ws://${parsed.host}/collab`, name, new Y.Doc(), {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: parsed.searchParams.get("token")! },
  });
}

function presence(clientId: number, clock: number, state: object) {
  const inner = encoding.createEncoder();
  [1, clientId, clock].forEach((n) => encoding.writeVarUint(inner, n));
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

async function typingJob(job: Extract<Job, { kind: "typing" }>) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const measure = (update: Uint8Array) => {
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      const t = sentAt.get(`${client}:${clock}`);
      if (t !== undefined) latencies.push(performance.now() - t);
    }
  };
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const emptySv = Y.encodeStateVector(new Y.Doc());
  const emptyReply = Y.encodeStateAsUpdate(new Y.Doc());
  const watchers = Array.from({ length: job.watchers }, () => lightClient(job.url, emptySv, emptyReply, measure));
  const typers = Array.from({ length: job.typers }, () => {
    const provider = stockProvider(job.url);
    provider.doc.on("update", (update: Uint8Array, origin: unknown) => origin === provider && measure(update));
    return provider;
  });
  while (typers.some((p) => !p.synced) || watchers.some((w) => !w.syncedAt)) await sleep(50);
  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  typers.forEach((provider, i) => {
    const text = provider.doc.getText("body");
    timers.push(setTimeout(() => timers.push(setInterval(() => {
      const key = `${provider.doc.clientID}:${Y.getState(provider.doc.store, provider.doc.clientID)}`;
      sentAt.set(key, performance.now());
      text.insert(Math.floor(Math.random() * (text.length + 1)), "abcdefghij"[edits++ % 10]);
    }, 200)), (i * 200) / job.typers));
  });
  watchers.forEach((watcher, i) => {
    const clientId = 1_000_000 + i;
    let clock = 0;
    timers.push(setInterval(() => watcher.ws.send(presence(clientId, ++clock, { user: { color: "#1d4ed8" }, cursor: { anchor: clock, head: clock + 3 } })), 250));
  });
  typers.forEach((provider, i) => timers.push(setInterval(() => provider.awareness.setLocalStateField("cursor", { anchor: i, head: Math.random() }), 250)));
  await sleep(job.seconds * 1000);
  timers.forEach((t) => clearInterval(t));
  await sleep(2000);
  const texts = new Set(typers.map((p) => p.doc.getText("body").toString()));
  const late = stockProvider(job.url);
  while (!late.synced) await sleep(20);
  const converged = texts.size === 1 && texts.has(late.doc.getText("body").toString());
  for (const p of [...typers, late]) (p.destroy(), p.awareness.destroy());
  watchers.forEach((w) => w.ws.close());
  const sorted = Float64Array.from(latencies).sort();
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpu = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
  return { edits, samples: latencies.length, expected: edits * (job.typers + job.watchers - 1), p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1], converged, clientCpu };
}

async function stormJob(job: Extract<Job, { kind: "storm" }>) {
  const sv = Buffer.from(job.stateVector, "base64");
  const reply = Buffer.from(job.reply, "base64");
  const start = performance.now();
  const clients: ReturnType<typeof lightClient>[] = [];
  for (let i = 0; i < job.clients; i++) setTimeout(() => clients.push(lightClient(job.url, sv, reply, () => {})), Math.random() * job.spreadMs);
  while ((clients.length < job.clients || clients.some((c) => !c.syncedAt)) && performance.now() - start < 60_000) await sleep(10);
  const synced = clients.filter((c) => c.syncedAt);
  const waits = Float64Array.from(synced.map((c) => c.syncedAt - c.openedAt)).sort();
  clients.forEach((c) => c.ws.close());
  return { allSyncedMs: Math.max(...synced.map((c) => c.syncedAt)) - start, p50: percentile(waits, 0.5), p99: percentile(waits, 0.99), synced: synced.length };
}

let held: ReturnType<typeof lightClient>[] = [];
async function childMain(job: Job) {
  const empty = [Y.encodeStateVector(new Y.Doc()), Y.encodeStateAsUpdate(new Y.Doc())] as const;
  if (job.kind === "typing") return typingJob(job);
  if (job.kind === "storm") return stormJob(job);
  if (job.kind === "first-sync") {
    const client = lightClient(job.url, ...empty, () => {});
    while (!client.syncedAt) await sleep(1);
    client.ws.close();
    return { ms: client.syncedAt - client.openedAt };
  }
  if (job.kind === "hold") {
    held = job.urls.map((url) => lightClient(url, ...empty, () => {}));
    while (held.some((c) => !c.syncedAt)) await sleep(10);
    return {};
  }
  held.forEach((c) => c.ws.close());
  held = [];
  return {};
}

if (process.env.COLLAB_BENCH_CHILD === "1" && process.send) {
  process.setMaxListeners(0); // each stock provider listens for the process's exit
  const send = process.send.bind(process);
  process.on("message", (job: Job) => void childMain(job).then((answer) => send(answer)));
  process.on("disconnect", () => process.exit(0));
}
