/**
 * Issue 5's and issue 16's figures for the live session room: 300 and then 1,000
 * participants in one meeting on one server (a public board meeting or a large tenant
 * panel is watched by many). The server (HTTP, socket.io, database) runs in this
 * process; the clients run in child processes (this same file, started with
 * MEETING_BENCH_CHILD=1): one for 300, two for 1,000, so that receiving 1,000 copies of
 * every event is not itself the bottleneck being measured. Send and receive times are
 * read as absolute times (performance.timeOrigin + performance.now(), sub-millisecond
 * across processes on one machine), so the chair's send time in one child and a
 * receiver's time in another are on one clock.
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
import { LISTEN_BACKLOG, createHttpServer } from "../../server/http-server";
import { cookieFor, createTestServices } from "../support/test-services";
import { startClientProcess } from "./client-process";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;
type Setup = {
  url: string;
  meetingId: string;
  itemIds: string[];
  cookies: string[];
  holdsChair: boolean;
  participants: number;
};
type Move = { itemId: string; sentAt: number };
type Received = { itemId: string; at: number };
type Job =
  | { kind: "join"; setup: Setup }
  | { kind: "listen" }
  | { kind: "moves"; moves: number }
  | { kind: "received" }
  | { kind: "storm" }
  | { kind: "close" };

/** The sizes measured: seated members (every arrival written) and viewers following. */
const ROOMS = [
  { participants: 300, seated: 300, clientProcesses: 1, targetMoveP99: 100, targetStormMs: 5000 },
  { participants: 1000, seated: 300, clientProcesses: 2, targetMoveP99: 150, targetStormMs: 10_000 },
] as const;
type Room = (typeof ROOMS)[number];
const MOVES = 60;

const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

/** How late 20 ms timers fire: a blocked event loop delays every socket of the server. */
function monitorEventLoop() {
  const delays: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => (delays.push(Math.max(0, performance.now() - last - 20)), (last = performance.now())), 20);
  return { stop: () => (clearInterval(timer), percentile(Float64Array.from(delays).sort(), 0.99)) };
}

/**
 * A committee with `seated` members (all seated, so every arrival and departure is
 * written) and the rest of the participants as the organisation's viewers following the
 * meeting, with their sessions. The chair is the first participant.
 */
async function seedMeeting(services: Awaited<ReturnType<typeof createTestServices>>, room: Room) {
  const { db } = services;
  const [org] = await db
    .insert(organisations)
    .values({ slug: `bench-room-${room.participants}`, name: "Bench Homes" })
    .returning();
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
      Array.from({ length: room.participants }, (_, i) => ({
        email: `participant.${i}@bench-${room.participants}.example`,
        name: `Participant ${String(i).padStart(4, "0")}`,
      })),
    )
    .returning({ id: users.id });
  await db.insert(memberships).values(
    people.map((p, i) => ({
      organisationId: org.id,
      userId: p.id,
      role: i < room.seated ? ("member" as const) : ("viewer" as const),
    })),
  );
  await db.insert(bodyMembers).values(
    people.slice(0, room.seated).map((p, i) => ({
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

/** Each receipt is matched to the latest move of its item sent before it (items alternate, so never ambiguous). */
function latencies(moves: Move[], received: Received[]): number[] {
  const result: number[] = [];
  for (const r of received) {
    let sentAt = -Infinity;
    for (const m of moves) if (m.itemId === r.itemId && m.sentAt <= r.at && m.sentAt > sentAt) sentAt = m.sentAt;
    if (sentAt > -Infinity) result.push(r.at - sentAt);
  }
  return result;
}

async function measureRoom(services: Awaited<ReturnType<typeof createTestServices>>, url: string, room: Room, record: Record_) {
  const n = room.participants;
  const seeded = await seedMeeting(services, room);
  // The chair is in the first process; the participants are shared out in turn.
  const children = Array.from({ length: room.clientProcesses }, () =>
    startClientProcess<Job>(fileURLToPath(import.meta.url), "MEETING_BENCH_CHILD"),
  );
  const share = (i: number) => seeded.cookies.filter((_, k) => k % room.clientProcesses === i);
  const askAll = <T>(job: (i: number) => Job) => Promise.all(children.map((c, i) => c.ask<T>(job(i))));
  try {
    const joinStart = now();
    const joined = await askAll<{ end: number; joined: number }>((i) => ({
      kind: "join",
      setup: {
        url,
        meetingId: seeded.meetingId,
        itemIds: seeded.itemIds,
        cookies: share(i),
        holdsChair: i === 0,
        participants: n,
      },
    }));
    const joinedCount = joined.reduce((sum, j) => sum + j.joined, 0);
    record(
      `${n} participants connect and join`,
      Math.max(...joined.map((j) => j.end)) - joinStart,
      "ms",
      `${joinedCount}/${n} joined (${room.seated} seated members, ${n - room.seated} viewers; ${room.clientProcesses} client process${room.clientProcesses > 1 ? "es" : ""})`,
    );

    await askAll((_) => ({ kind: "listen" }));
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    let loop = monitorEventLoop();
    const chairSide = await children[0].ask<{ moves: Move[]; acks: number[] }>({ kind: "moves", moves: MOVES });
    await sleep(500);
    const moveLoopP99 = loop.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const receipts = (await askAll<Received[]>((_) => ({ kind: "received" }))).flat();
    const sorted = Float64Array.from(latencies(chairSide.moves, receipts)).sort();
    const expected = MOVES * (n - 1);
    record(
      `${n} participants: chair moves, latency to every other participant, p50`,
      percentile(sorted, 0.5),
      "ms",
      `${MOVES} moves × ${n - 1} receivers`,
    );
    record(`${n} participants: chair moves, latency to every other participant, p95`, percentile(sorted, 0.95), "ms");
    record(
      `${n} participants: chair moves, latency to every other participant, p99`,
      percentile(sorted, 0.99),
      "ms",
      `target ≤ ${room.targetMoveP99} ms; max ${sorted[sorted.length - 1]?.toFixed(1)} ms`,
    );
    record(`${n} participants: chair moves, deliveries received / expected`, (sorted.length / expected) * 100, "%");
    record(
      `${n} participants: chair moves, chair's acknowledgement p50`,
      percentile(Float64Array.from(chairSide.acks).sort(), 0.5),
      "ms",
    );
    record(
      `${n} participants: chair moves, server CPU`,
      ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100,
      "% of one core",
      `event-loop delay p99 ${moveLoopP99.toFixed(1)} ms`,
    );

    const lastItemId = chairSide.moves[chairSide.moves.length - 1].itemId;
    loop = monitorEventLoop();
    const stormStart = now();
    const stormCpu = process.cpuUsage();
    const storms = await askAll<{ cpu: number; finished: number[]; withState: number; onItem: Array<string | null> }>((_) => ({
      kind: "storm",
    }));
    const stormLoopP99 = loop.stop();
    const stormCpuUsed = process.cpuUsage(stormCpu);
    const finished = Float64Array.from(storms.flatMap((s) => s.finished.map((t) => t - stormStart))).sort();
    const withState = storms.reduce((sum, s) => sum + s.withState, 0);
    const onItem = storms.flatMap((s) => s.onItem).filter((id) => id === lastItemId).length;
    record(
      `${n} participants: all dropped and reconnected at once, until all have the current state`,
      finished[finished.length - 1],
      "ms",
      `target ≤ ${room.targetStormMs} ms; ${withState}/${n} got the state, ${onItem} on the chair's item`,
    );
    record(
      `${n} participants: reconnect, connect-to-state per participant, p50 / p99`,
      percentile(finished, 0.5),
      "ms",
      `p99 ${percentile(finished, 0.99).toFixed(0)} ms; server event-loop delay p99 ${stormLoopP99.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    // On a machine shared with other work the wall time varies; the CPU each side spent varies much less.
    record(
      `${n} participants: reconnect, CPU time of the server (with its PGlite thread)`,
      (stormCpuUsed.user + stormCpuUsed.system) / 1000,
      "ms",
      `client processes ${storms.map((s) => s.cpu.toFixed(0)).join(" + ")} ms`,
    );
    await askAll((_) => ({ kind: "close" }));
  } finally {
    for (const c of children) c.child.kill();
  }
}

export default async function run(record: Record_): Promise<void> {
  const services = await createTestServices();
  const errors: unknown[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  const http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen({ port: 0, host: "127.0.0.1", backlog: LISTEN_BACKLOG }, resolve));
  const url = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  try {
    // MEETING_BENCH_ROOM=1000 measures that room alone.
    const rooms = ROOMS.filter(
      (r) => !process.env.MEETING_BENCH_ROOM || String(r.participants) === process.env.MEETING_BENCH_ROOM,
    );
    for (const room of rooms) await measureRoom(services, url, room, record);
    if (errors.length > 0) record("server errors logged", errors.length, "errors", String(errors[0]));
  } finally {
    console.error = originalError;
    await http.close();
    await services.cleanup();
  }
}

// ---- The clients (child process) ----

type Client = Socket<MeetingServerEvents, MeetingClientEvents>;
let setup: Setup;
let clients: Client[] = [];
let received: Received[] = [];
/** How many people the chair's latest presence list named. */
let listed = 0;

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
  clients = setup.cookies.map(connect);
  if (setup.holdsChair) clients[0].on("meeting:presence", (event) => (listed = event.presence.length));
  const states = await Promise.all(clients.map(joinOne));
  return { end: now(), joined: states.filter(Boolean).length };
}

/**
 * Every client in this process records when each move reaches it (the chair's own copy
 * excluded). In the chair's process, waits first (up to 10 s) for the list of everyone
 * that follows the joins (in a room of 1,000 it goes out up to 5 s after them), so that
 * the moves are measured in a settled room rather than behind 1,000 copies of that list.
 */
async function listenJob() {
  received = [];
  clients.forEach((client, i) => {
    if (i === 0 && setup.holdsChair) return;
    client.on("meeting:moved", (event) => received.push({ itemId: event.itemId, at: now() }));
  });
  const deadline = performance.now() + 10_000;
  while (setup.holdsChair && listed < setup.participants && performance.now() < deadline) await sleep(20);
  // The other process parses its 500 copies meanwhile.
  await sleep(1000);
  return {};
}

/** The chair (first client of the first process) moves through the items, one move at a time. */
async function movesJob(job: Extract<Job, { kind: "moves" }>) {
  const chair = clients[0];
  const moves: Move[] = [];
  const acks: number[] = [];
  for (let i = 0; i < job.moves; i++) {
    const itemId = setup.itemIds[i % setup.itemIds.length];
    const before = received.length;
    const sentAt = now();
    moves.push({ itemId, sentAt });
    const ack = (await chair
      .timeout(5000)
      .emitWithAck("meeting:move", { meetingId: setup.meetingId, itemId })) as RoomResult<"meeting:move">;
    acks.push(now() - sentAt);
    if (!ack.ok) throw new Error(`move refused: ${ack.error}`);
    // Wait for this process's receivers (or 3 s), then a pause so the other process catches up.
    const deadline = performance.now() + 3000;
    while (received.length - before < clients.length - 1 && performance.now() < deadline) await sleep(2);
    await sleep(40);
  }
  return { moves, acks };
}

/**
 * Every connection drops at once (as when a venue's network fails), and every
 * participant comes straight back. Answers with this process's CPU time too.
 */
async function stormJob() {
  const cpu = process.cpuUsage();
  clients.forEach((c) => c.disconnect());
  clients = setup.cookies.map(connect);
  const finished: number[] = [];
  const states = await Promise.all(
    clients.map(async (client) => {
      const state = await joinOne(client);
      finished.push(now());
      return state;
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    cpu: (used.user + used.system) / 1000,
    finished,
    withState: states.filter(Boolean).length,
    onItem: states.map((s) => s?.currentItemId ?? null),
  };
}

async function childMain(job: Job) {
  if (job.kind === "join") return joinJob(job);
  if (job.kind === "listen") return listenJob();
  if (job.kind === "moves") return movesJob(job);
  if (job.kind === "received") return received;
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
