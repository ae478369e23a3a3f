/**
 * Issue 4's figures for the Yjs server. The server (HTTP, collab server, database) runs
 * in this process; the clients run in child processes on the same machine (this same
 * file, started with COLLAB_BENCH_CHILD=1). The 200 clients of the typing test are
 * spread over CLIENT_PROCESSES children, as 200 browsers each have their own: in one
 * process every delivery waited for the 199 others and for 50 stock providers'
 * presence work, and the figure measured that queue. Send and receive times are read
 * on the machine's monotonic clock, which every process shares.
 *
 * Typing latency is measured on the edits made after WARM_UP_SECONDS of the same
 * typing: in the first second the fresh processes, server and clients, compile Yjs and
 * the sync paths, which a server that has been up a while has long done (the p99 of
 * those first seconds is in the note).
 * Like the typers, whose starts are spread over one keystroke interval, the 200 carets
 * move at 4 Hz each at their own phase, as people's do, not all in the same millisecond.
 */
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
import { runCrashScenario } from "../support/crash-scenario";
import { createTestServices } from "../support/test-services";
import { startClientProcess } from "./client-process";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;
type Job =
  | {
      kind: "typing-connect";
      url: string;
      typers: number;
      watchers: number;
      firstTyper: number;
      firstWatcher: number;
      allTypers: number;
    }
  | { kind: "typing-run"; startAt: number; seconds: number }
  | { kind: "typing-late-reader"; url: string }
  | { kind: "typing-close" }
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
/** Milliseconds on CLOCK_MONOTONIC: the same clock in every process of the machine. */
const machineClock = () => Number(process.hrtime.bigint()) / 1e6;

/** One per core: with four, the server waited for a core about three times as long (event-loop delay p99). */
const CLIENT_PROCESSES = 2;
const TYPERS = 50;
const WATCHERS = 150;
const KEYSTROKE_MS = 200;
const CARET_MS = 250;
const WARM_UP_SECONDS = 2;
const MEASURED_SECONDS = 10;

/** What one client process saw of the typing test. */
type TypingRun = {
  /** Edit key ("clientID:clock") and the time its typer made it. */
  sent: [string, number][];
  /** Edit key and the times clients of this process received it. */
  received: [string, number[]][];
  texts: string[];
  cpuMs: number;
};

/** COLLAB_BENCH_ONLY=typing,load runs only those parts (typing, storm, load, heap, crash); unset, all of them. */
const onlyParts = process.env.COLLAB_BENCH_ONLY?.split(",").map((part) => part.trim());
const runs = (part: "typing" | "storm" | "load" | "heap" | "crash") => !onlyParts || onlyParts.includes(part);

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
  const officer = await addMember(
    services.db,
    { organisationId: org.id, email: "officer@example.org", role: "officer" },
    SYSTEM_ACTOR,
  );
  const storage = createPostgresStorage(services.db);
  // The officer owns every bench indicator: the commentary rule lets only its owner or manager write.
  const newDocument = async () => {
    const [row] = await services.db
      .insert(indicators)
      .values({
        organisationId: org.id,
        code: `B${Math.random()}`,
        title: "Bench",
        category: "c",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "ratio",
        ownerUserId: officer.id,
      })
      .returning({ id: indicators.id });
    return exceptionDocumentName(row.id, "2025-04");
  };
  const urlOf = (name: string) => {
    const { token } = mintCollabToken(services.config.sessionSecret, {
      document: name,
      access: "write",
      organisationId: org.id,
      subject: { kind: "user", userId: officer.id },
    });
    return `${base}/${name}?token=${token}`;
  };
  const seed = async (name: string, doc: Y.Doc) => {
    await storage.ensure(name, org.id);
    await storage.compact(name, () => ({ state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) }));
  };

  const clientProcesses = Array.from({ length: CLIENT_PROCESSES }, () =>
    startClientProcess<Job>(fileURLToPath(import.meta.url), "COLLAB_BENCH_CHILD"),
  );
  const ask = clientProcesses[0].ask;
  try {
    // 1. One document, 200 connections: 50 typing at 5 edits/s, carets of all 200 at 4 Hz, 2 + 10 s.
    if (runs("typing")) {
      const url = urlOf(await newDocument());
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      const loopLag = monitorEventLoop();
      const share = (total: number, k: number) =>
        Math.floor((total * (k + 1)) / CLIENT_PROCESSES) - Math.floor((total * k) / CLIENT_PROCESSES);
      const first = (total: number, k: number) => Math.floor((total * k) / CLIENT_PROCESSES);
      await Promise.all(
        clientProcesses.map((clients, k) =>
          clients.ask({
            kind: "typing-connect",
            url,
            typers: share(TYPERS, k),
            watchers: share(WATCHERS, k),
            firstTyper: first(TYPERS, k),
            firstWatcher: first(WATCHERS, k),
            allTypers: TYPERS,
          }),
        ),
      );
      const startAt = machineClock() + 100;
      const clientRuns = await Promise.all(
        clientProcesses.map((clients) =>
          clients.ask<TypingRun>({ kind: "typing-run", startAt, seconds: WARM_UP_SECONDS + MEASURED_SECONDS }),
        ),
      );
      const lateText = await ask<string>({ kind: "typing-late-reader", url });
      const lag = loopLag.stop();
      const cpu = process.cpuUsage(cpuBefore);
      const wallSeconds = (performance.now() - wallBefore) / 1000;
      await Promise.all(clientProcesses.map((clients) => clients.ask({ kind: "typing-close" })));
      const { measured, warmUp, converged } = typingFigures(clientRuns, lateText, startAt + WARM_UP_SECONDS * 1000);
      const clientCpu = (clientRuns.reduce((sum, run) => sum + run.cpuMs, 0) / 1000 / wallSeconds) * 100;
      record(
        "typing: update latency to every other client, p50",
        measured.p50,
        "ms",
        `${measured.edits} edits × 199 receivers in ${MEASURED_SECONDS} s, 200 carets at 4 Hz`,
      );
      record(
        "typing: update latency to every other client, p99",
        measured.p99,
        "ms",
        `max ${measured.max.toFixed(1)} ms; in the ${WARM_UP_SECONDS} s of warm-up before, from cold processes: p99 ${warmUp.p99.toFixed(0)} ms`,
      );
      record("typing: deliveries received / expected", (measured.samples / measured.expected) * 100, "%");
      record("typing: all 50 editors and a late reader converge", converged ? 1 : 0, "yes=1");
      record(
        "typing: server CPU over the run",
        ((cpu.user + cpu.system) / 1e6 / wallSeconds) * 100,
        "% of one core",
        `clients ${clientCpu.toFixed(0)} % in ${CLIENT_PROCESSES} processes; ${wallSeconds.toFixed(1)} s wall with connecting and draining`,
      );
      record(
        "typing: server event-loop delay p99",
        lag.p99,
        "ms",
        `max ${lag.max.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      );
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
          kind: "storm",
          url: urlOf(bigName),
          clients: 300,
          spreadMs: 2000,
          stateVector: b64(stateVector),
          reply: b64(reply),
        });
        record(
          `reconnect storm, ${label}: time until all 300 synced`,
          storm.allSyncedMs,
          "ms",
          `${(Y.encodeStateAsUpdate(big).byteLength / 1024).toFixed(0)} KB document; ${storm.synced}/300 synced`,
        );
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
        await storage.store(
          logName,
          updates.slice(s, s + 1000).map((update) => ({ update, userId: null, at: new Date() })),
        );
      }
      record(
        "cold load of a 10,000-update log, to first sync",
        (await ask<{ ms: number }>({ kind: "first-sync", url: urlOf(logName) })).ms,
        "ms",
      );
      const compactName = await newDocument();
      await seed(compactName, typedDocument(100 * 1024));
      record(
        "cold load of a 100 KB compacted document, to first sync",
        (await ask<{ ms: number }>({ kind: "first-sync", url: urlOf(compactName) })).ms,
        "ms",
      );
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
      record(
        "heap of a loaded 70 KB document",
        (mediumHeap - emptyHeap) / 20 / 1024 / 1024,
        "MB",
        `encoded ${(Y.encodeStateAsUpdate(medium).byteLength / 1024).toFixed(0)} KB; built by typing`,
      );
    }
    // 5. kill -9 of a server process while 10 clients type; restart; reconnect.
    if (runs("crash")) await crashRecovery(record, services.config.sessionSecret);
    if (errors.length > 0) record("server errors logged", errors.length, "errors", errors[0]);
  } finally {
    clientProcesses.forEach((clients) => clients.child.kill());
    await collab.shutdown();
    await http.close();
    await services.cleanup();
  }
}

/**
 * `kill -9` of a server process while 10 clients type; it is started again on the same
 * database and port, and the clients reconnect (tests/support/crash-scenario.ts).
 */
async function crashRecovery(record: Record_, sessionSecret: string) {
  const outcome = await runCrashScenario({
    sessionSecret,
    clients: 10,
    typingMs: 4000,
    killAtMs: 2000,
    keystrokeMs: KEYSTROKE_MS,
  });
  const [killed, restarted] = outcome.longestUncommittedMs;
  record(
    "kill -9 while 10 clients type: edits missing from the stored document after restart",
    outcome.missing,
    "edits",
    `${outcome.typed} typed; ${outcome.pendingAtKill} held only in memory at the last report before the kill; stored text ${outcome.sameText ? "equals" : "differs from"} every client's`,
  );
  record(
    "kill -9: longest an edit was held only in the server's memory",
    Math.max(killed, restarted),
    "ms",
    `from its arrival to its group commit: ${killed.toFixed(0)} ms in the killed process, ${restarted.toFixed(0)} ms in the restarted one (the clients' resent edits first); target about 100 ms`,
  );
  record(
    "kill -9: from the restart until all 10 clients are synced again",
    outcome.allSyncedMs,
    "ms",
    "the clients retry at most 1 s apart",
  );
}

/**
 * Every delivery's latency (its receive time against its edit's send time, whichever
 * processes they were in), for the edits made from `measuredFrom` on and for those before.
 */
function typingFigures(runs: TypingRun[], lateText: string, measuredFrom: number) {
  const sentAt = new Map(runs.flatMap((run) => run.sent));
  const latencies = { measured: [] as number[], warmUp: [] as number[] };
  for (const run of runs) {
    for (const [key, times] of run.received) {
      const sent = sentAt.get(key);
      if (sent === undefined) continue;
      for (const time of times) (sent >= measuredFrom ? latencies.measured : latencies.warmUp).push(time - sent);
    }
  }
  const measuredEdits = [...sentAt.values()].filter((sent) => sent >= measuredFrom).length;
  const figures = (values: number[], edits: number) => {
    const sorted = Float64Array.from(values).sort();
    return {
      edits,
      samples: values.length,
      expected: edits * (TYPERS + WATCHERS - 1),
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1],
    };
  };
  const texts = new Set(runs.flatMap((run) => run.texts));
  return {
    measured: figures(latencies.measured, measuredEdits),
    warmUp: figures(latencies.warmUp, sentAt.size - measuredEdits),
    converged: texts.size === 1 && texts.has(lateText),
  };
}

// ---- The clients (child processes) ----

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

/** This process's share of the typing test's clients, between connect and close. */
let typing: {
  typers: WebsocketProvider[];
  watchers: ReturnType<typeof lightClient>[];
  received: Map<string, number[]>;
  firstTyper: number;
  firstWatcher: number;
  allTypers: number;
  cpuBefore: NodeJS.CpuUsage;
} | null = null;

async function typingConnect(job: Extract<Job, { kind: "typing-connect" }>) {
  const received = new Map<string, number[]>();
  const measure = (update: Uint8Array) => {
    const now = machineClock();
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      const key = `${client}:${clock}`;
      const times = received.get(key);
      if (times) times.push(now);
      else received.set(key, [now]);
    }
  };
  const cpuBefore = process.cpuUsage();
  const emptySv = Y.encodeStateVector(new Y.Doc());
  const emptyReply = Y.encodeStateAsUpdate(new Y.Doc());
  const watchers = Array.from({ length: job.watchers }, () => lightClient(job.url, emptySv, emptyReply, measure));
  const typers = Array.from({ length: job.typers }, () => {
    const provider = stockProvider(job.url);
    provider.doc.on("update", (update: Uint8Array, origin: unknown) => origin === provider && measure(update));
    return provider;
  });
  while (typers.some((p) => !p.synced) || watchers.some((w) => !w.syncedAt)) await sleep(50);
  typing = {
    typers,
    watchers,
    received,
    firstTyper: job.firstTyper,
    firstWatcher: job.firstWatcher,
    allTypers: job.allTypers,
    cpuBefore,
  };
  return {};
}

/**
 * From `startAt` on, each typer types 5 characters a second and every client moves its
 * caret 4 times a second, each at its own phase of the interval.
 */
async function typingRun(job: Extract<Job, { kind: "typing-run" }>): Promise<TypingRun> {
  const { typers, watchers, received, firstTyper, firstWatcher, allTypers, cpuBefore } = typing!;
  await sleep(job.startAt - machineClock());
  const sent: [string, number][] = [];
  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  const every = (intervalMs: number, phaseMs: number, action: () => void) =>
    timers.push(setTimeout(() => timers.push(setInterval(action, intervalMs)), phaseMs));
  typers.forEach((provider, i) => {
    const text = provider.doc.getText("body");
    every(KEYSTROKE_MS, ((firstTyper + i) * KEYSTROKE_MS) / allTypers, () => {
      sent.push([`${provider.doc.clientID}:${Y.getState(provider.doc.store, provider.doc.clientID)}`, machineClock()]);
      text.insert(Math.floor(Math.random() * (text.length + 1)), "abcdefghij"[edits++ % 10]);
    });
  });
  watchers.forEach((watcher, i) => {
    const clientId = 1_000_000 + firstWatcher + i;
    let clock = 0;
    every(CARET_MS, ((firstWatcher + i) * CARET_MS) / WATCHERS, () =>
      watcher.ws.send(presence(clientId, ++clock, { user: { color: "#1d4ed8" }, cursor: { anchor: clock, head: clock + 3 } })),
    );
  });
  typers.forEach((provider, i) =>
    every(CARET_MS, ((firstTyper + i) * CARET_MS) / allTypers, () =>
      provider.awareness.setLocalStateField("cursor", { anchor: firstTyper + i, head: Math.random() }),
    ),
  );
  await sleep(job.seconds * 1000);
  timers.forEach((t) => clearInterval(t));
  await sleep(2000);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    sent,
    received: [...received],
    texts: typers.map((p) => p.doc.getText("body").toString()),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function typingLateReader(url: string) {
  const late = stockProvider(url);
  while (!late.synced) await sleep(20);
  const text = late.doc.getText("body").toString();
  late.destroy();
  late.awareness.destroy();
  return text;
}

function typingClose() {
  for (const p of typing?.typers ?? []) {
    p.destroy();
    p.awareness.destroy();
  }
  typing?.watchers.forEach((w) => w.ws.close());
  typing = null;
  return {};
}

async function stormJob(job: Extract<Job, { kind: "storm" }>) {
  const sv = Buffer.from(job.stateVector, "base64");
  const reply = Buffer.from(job.reply, "base64");
  const start = performance.now();
  const clients: ReturnType<typeof lightClient>[] = [];
  for (let i = 0; i < job.clients; i++)
    setTimeout(() => clients.push(lightClient(job.url, sv, reply, () => {})), Math.random() * job.spreadMs);
  while ((clients.length < job.clients || clients.some((c) => !c.syncedAt)) && performance.now() - start < 60_000)
    await sleep(10);
  const synced = clients.filter((c) => c.syncedAt);
  const waits = Float64Array.from(synced.map((c) => c.syncedAt - c.openedAt)).sort();
  clients.forEach((c) => c.ws.close());
  return {
    allSyncedMs: Math.max(...synced.map((c) => c.syncedAt)) - start,
    p50: percentile(waits, 0.5),
    p99: percentile(waits, 0.99),
    synced: synced.length,
  };
}

let held: ReturnType<typeof lightClient>[] = [];
async function childMain(job: Job) {
  const empty = [Y.encodeStateVector(new Y.Doc()), Y.encodeStateAsUpdate(new Y.Doc())] as const;
  if (job.kind === "typing-connect") return typingConnect(job);
  if (job.kind === "typing-run") return typingRun(job);
  if (job.kind === "typing-late-reader") return typingLateReader(job.url);
  if (job.kind === "typing-close") return typingClose();
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
