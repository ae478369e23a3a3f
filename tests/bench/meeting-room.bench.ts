/**
 * Issue 5's figures for the live session room: 300 participants in one meeting on one
 * server. The server (HTTP, socket.io, database) runs in this process; every client
 * runs in one child process (this same file, started with MEETING_BENCH_CHILD=1), so on
 * a 2-core machine each side has a core, and the chair's send time and every
 * participant's receive time are read on one clock.
 */
import type { AddressInfo } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { io as connectClient, type Socket } from "socket.io-client";
import { memberships, organisations, users } from "../../db/schema/identity";
import { agendaItems, bodies, bodyMembers, meetings } from "../../db/schema/meetings";
import type {
  MeetingClientEvents,
  MeetingRoomState,
  MeetingServerEvents,
  RoomResult,
} from "../../app/shared/meetings/room-events";
import { createHttpServer } from "../../server/http-server";
import { cookieFor, createTestServices } from "../support/test-services";
import { startClientProcess } from "./client-process";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;
type Setup = { url: string; meetingId: string; itemIds: string[]; cookies: string[] };
type Job = { kind: "join"; setup: Setup } | { kind: "moves"; moves: number } | { kind: "storm" } | { kind: "close" };

const PARTICIPANTS = 300;
const MOVES = 60;

const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How late 20 ms timers fire: a blocked event loop delays every socket of the server. */
function monitorEventLoop() {
  const delays: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => (delays.push(Math.max(0, performance.now() - last - 20)), (last = performance.now())), 20);
  return { stop: () => (clearInterval(timer), percentile(Float64Array.from(delays).sort(), 0.99)) };
}

/** A committee of 300 (all seated, so every arrival and departure is written), with their sessions. */
async function seedMeeting(services: Awaited<ReturnType<typeof createTestServices>>) {
  const { db } = services;
  const [org] = await db.insert(organisations).values({ slug: "bench-room", name: "Bench Homes" }).returning();
  const [body] = await db
    .insert(bodies)
    .values({
      organisationId: org.id,
      name: "Bench Panel",
      kind: "area_panel",
      minutePrefix: "BP",
      quorumCount: 100,
      quorumRequiresKind: "tenant",
    })
    .returning();
  const people = await db
    .insert(users)
    .values(
      Array.from({ length: PARTICIPANTS }, (_, i) => ({
        email: `participant.${i}@bench.example`,
        name: `Participant ${String(i).padStart(3, "0")}`,
      })),
    )
    .returning({ id: users.id });
  await db.insert(memberships).values(people.map((p) => ({ organisationId: org.id, userId: p.id, role: "member" as const })));
  await db.insert(bodyMembers).values(
    people.map((p, i) => ({
      bodyId: body.id,
      userId: p.id,
      position: i === 0 ? ("chair" as const) : ("member" as const),
      memberKind: i % 3 === 0 ? ("tenant" as const) : ("independent" as const),
    })),
  );
  const [meeting] = await db
    .insert(meetings)
    .values({
      organisationId: org.id,
      bodyId: body.id,
      kind: "area_panel",
      title: "Bench Panel",
      startsAt: new Date(),
      status: "in_session",
    })
    .returning();
  const items = await db
    .insert(agendaItems)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        meetingId: meeting.id,
        position: i + 1,
        kind: "report" as const,
        title: `Item ${i + 1}`,
      })),
    )
    .returning({ id: agendaItems.id });
  const cookies: string[] = [];
  for (const person of people) cookies.push(await cookieFor(services, person.id));
  return { meetingId: meeting.id, itemIds: items.map((i) => i.id), cookies };
}

export default async function run(record: Record_): Promise<void> {
  const services = await createTestServices();
  const errors: unknown[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  const http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;

  const { child, ask } = startClientProcess<Job>(fileURLToPath(import.meta.url), "MEETING_BENCH_CHILD");
  try {
    const setup: Setup = { url, ...(await seedMeeting(services)) };
    const joined = await ask<{ ms: number; joined: number }>({ kind: "join", setup });
    record(`${PARTICIPANTS} participants connect and join`, joined.ms, "ms", `${joined.joined}/${PARTICIPANTS} joined`);

    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    let loop = monitorEventLoop();
    const moves = await ask<{
      p50: number;
      p95: number;
      p99: number;
      max: number;
      samples: number;
      expected: number;
      ackP50: number;
    }>({ kind: "moves", moves: MOVES });
    const moveLoopP99 = loop.stop();
    const cpu = process.cpuUsage(cpuBefore);
    record(
      "chair moves: latency to every other participant, p50",
      moves.p50,
      "ms",
      `${MOVES} moves × ${PARTICIPANTS - 1} receivers`,
    );
    record("chair moves: latency to every other participant, p95", moves.p95, "ms");
    record(
      "chair moves: latency to every other participant, p99",
      moves.p99,
      "ms",
      `target ≤ 100 ms; max ${moves.max.toFixed(1)} ms`,
    );
    record("chair moves: deliveries received / expected", (moves.samples / moves.expected) * 100, "%");
    record("chair moves: chair's acknowledgement, p50", moves.ackP50, "ms");
    record(
      "chair moves: server CPU",
      ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100,
      "% of one core",
      `event-loop delay p99 ${moveLoopP99.toFixed(1)} ms`,
    );

    loop = monitorEventLoop();
    const storm = await ask<{ allMs: number; p50: number; p99: number; withState: number; currentItemRight: number }>({
      kind: "storm",
    });
    const stormLoopP99 = loop.stop();
    record(
      `reconnect: all ${PARTICIPANTS} dropped and reconnected at once, until all have the current state`,
      storm.allMs,
      "ms",
      `target ≤ 5000 ms; ${storm.withState}/${PARTICIPANTS} got the state, ${storm.currentItemRight} on the chair's item`,
    );
    record(
      "reconnect: connect-to-state per participant, p50 / p99",
      storm.p50,
      "ms",
      `p99 ${storm.p99.toFixed(0)} ms; server event-loop delay p99 ${stormLoopP99.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    await ask({ kind: "close" });
    if (errors.length > 0) record("server errors logged", errors.length, "errors", String(errors[0]));
  } finally {
    console.error = originalError;
    child.kill();
    await http.close();
    await services.cleanup();
  }
}

// ---- The clients (child process) ----

type Client = Socket<MeetingServerEvents, MeetingClientEvents>;
let setup: Setup;
let clients: Client[] = [];
let lastItemId: string | null = null;

function connect(cookie: string): Client {
  return connectClient(setup.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, forceNew: true });
}

/** Connects one participant and joins; resolves with the server's state, or null. */
function joinOne(client: Client): Promise<MeetingRoomState | null> {
  return new Promise((resolve) => {
    client.once("connect_error", () => resolve(null));
    client.once("connect", async () => {
      const result = (await client
        .timeout(30_000)
        .emitWithAck("meeting:join", { meetingId: setup.meetingId })
        .catch(() => null)) as RoomResult<"meeting:join"> | null;
      resolve(result?.ok ? result.state : null);
    });
  });
}

async function joinJob(job: Extract<Job, { kind: "join" }>) {
  setup = job.setup;
  const start = performance.now();
  clients = setup.cookies.map(connect);
  const states = await Promise.all(clients.map(joinOne));
  return { ms: performance.now() - start, joined: states.filter(Boolean).length };
}

async function movesJob(job: Extract<Job, { kind: "moves" }>) {
  const [chair, ...others] = clients;
  const latencies: number[] = [];
  const acks: number[] = [];
  for (let i = 0; i < job.moves; i++) {
    const itemId = setup.itemIds[i % setup.itemIds.length];
    let pending = others.length;
    let sentAt = 0;
    const allReceived = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      for (const client of others) {
        client.once("meeting:moved", (event) => {
          if (event.itemId === itemId) latencies.push(performance.now() - sentAt);
          if (--pending === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
      }
    });
    sentAt = performance.now();
    const ack = (await chair
      .timeout(5000)
      .emitWithAck("meeting:move", { meetingId: setup.meetingId, itemId })) as RoomResult<"meeting:move">;
    acks.push(performance.now() - sentAt);
    if (!ack.ok) throw new Error(`move refused: ${ack.error}`);
    await allReceived;
    lastItemId = itemId;
    await sleep(20);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1],
    samples: latencies.length,
    expected: job.moves * others.length,
    ackP50: percentile(Float64Array.from(acks).sort(), 0.5),
  };
}

/** Every connection drops at once (as when a venue's network fails), and every participant comes straight back. */
async function stormJob() {
  clients.forEach((c) => c.disconnect());
  const start = performance.now();
  clients = setup.cookies.map(connect);
  const finished: number[] = [];
  const states = await Promise.all(
    clients.map(async (client) => {
      const state = await joinOne(client);
      finished.push(performance.now() - start);
      return state;
    }),
  );
  const allMs = performance.now() - start;
  const sorted = Float64Array.from(finished).sort();
  return {
    allMs,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    withState: states.filter(Boolean).length,
    currentItemRight: states.filter((s) => s?.currentItemId === lastItemId).length,
  };
}

async function childMain(job: Job) {
  if (job.kind === "join") return joinJob(job);
  if (job.kind === "moves") return movesJob(job);
  if (job.kind === "storm") return stormJob();
  clients.forEach((c) => c.close());
  clients = [];
  return {};
}

if (process.env.MEETING_BENCH_CHILD === "1" && process.send) {
  const send = process.send.bind(process);
  process.on("message", (job: Job) => void childMain(job).then(send, (error: Error) => (console.error(error), process.exit(1))));
  process.on("disconnect", () => process.exit(0));
}
