import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicJoinResult,
  type PublicServerToClientEvents,
} from "../../../app/components/public/public-channel";
import { roomPayloads } from "../../../app/shared/meetings/room-events";
import type { ClientToServerEvents, FiguresChangedEvent, ServerToClientEvents } from "../../../app/shared/realtime-events";
import { meetingAttendance, motions, speakingRequests } from "../../../db/schema/meetings";
import { indicators } from "../../../db/schema/performance";
import { createMeetingFixture, type MeetingFixture } from "../../../tests/support/meeting-factory";
import { cookieFor, createTestServices } from "../../../tests/support/test-services";
import { createHttpServer, type RunningHttpServer } from "../../http-server";

type PublicClient = ClientSocket<PublicServerToClientEvents, PublicClientToServerEvents>;

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;
let clients: ClientSocket[] = [];
let riverside: MeetingFixture;
let southbank: MeetingFixture;

const change = (codes: string[]): FiguresChangedEvent => ({ indicatorCodes: codes, periods: ["2026-10"], reason: "entry" });

async function addIndicator(fx: MeetingFixture, code: string, tenantTopTen: boolean) {
  await services.db.insert(indicators).values({
    organisationId: fx.org.id,
    code,
    title: `Indicator ${code}`,
    category: "Local indicator",
    unit: "%",
    polarity: "higher",
    frequency: "monthly",
    aggregation: "ratio",
    decimals: 1,
    tenantTopTen,
  });
}

beforeAll(async () => {
  services = await createTestServices();
  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  riverside = await createMeetingFixture(services.db, { slug: "riverside" });
  southbank = await createMeetingFixture(services.db, { slug: "southbank" });
  await addIndicator(riverside, "TT1", true);
  await addIndicator(riverside, "MGT9", false);
  await addIndicator(southbank, "TT1", true);
});
afterEach(() => {
  clients.forEach((c) => c.close());
  clients = [];
});
afterAll(async () => {
  await http.close();
  await services.cleanup();
});

/** A browser on the public page: no cookie at all. */
async function connectPublic(headers: Record<string, string> = {}): Promise<PublicClient> {
  const client: PublicClient = connectClient(`${base}${PUBLIC_NAMESPACE}`, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
  });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("connect_error", reject);
  });
  return client;
}

const join = (client: PublicClient, slug: unknown): Promise<PublicJoinResult> =>
  (client.timeout(3000).emitWithAck as (event: string, slug: unknown) => Promise<PublicJoinResult>)("public:join", slug);

/** Every event the client receives, with its arguments. */
function record(client: ClientSocket) {
  const received: { event: string; args: unknown[] }[] = [];
  client.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
  return received;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function nextChange(client: PublicClient, ms = 3000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no public:figures-changed arrived")), ms);
    client.once("public:figures-changed", (...args: unknown[]) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

describe("the public channel", () => {
  it("lets a browser with no cookie join an organisation's public room by slug and tells it, with no content, that a tenant top ten figure changed", async () => {
    const client = await connectPublic();
    expect(await join(client, "riverside")).toEqual({ ok: true });
    const arrived = nextChange(client);
    services.live.figuresChanged(riverside.org.id, change(["TT1"]));
    expect(await arrived).toEqual([]);
  });

  it("two screens of the same organisation are both told", async () => {
    const [one, two] = [await connectPublic(), await connectPublic()];
    await join(one, "riverside");
    await join(two, "riverside");
    const both = Promise.all([nextChange(one), nextChange(two)]);
    services.live.figuresChanged(riverside.org.id, change(["MGT9", "TT1"]));
    await both;
  });

  it("says nothing when the change is not to a tenant top ten indicator, nor to another organisation's room", async () => {
    const client = await connectPublic();
    await join(client, "riverside");
    const received = record(client);
    services.live.figuresChanged(riverside.org.id, change(["MGT9"]));
    services.live.figuresChanged(southbank.org.id, change(["TT1"]));
    services.live.figuresChanged(riverside.org.id, change([]));
    await sleep(300);
    expect(received).toEqual([]);
  });

  it("refuses an organisation that does not exist and a malformed slug", async () => {
    const client = await connectPublic();
    expect(await join(client, "nowhere")).toEqual({ ok: false, error: "not found" });
    expect(await join(client, { $ne: "x" })).toEqual({ ok: false, error: "bad organisation" });
    expect(await join(client, "x".repeat(200))).toEqual({ ok: false, error: "bad organisation" });
  });

  it("keeps one organisation per socket: joining another leaves the first", async () => {
    const client = await connectPublic();
    await join(client, "riverside");
    await join(client, "southbank");
    const received = record(client);
    services.live.figuresChanged(riverside.org.id, change(["TT1"]));
    await sleep(300);
    expect(received).toEqual([]);
    const arrived = nextChange(client);
    services.live.figuresChanged(southbank.org.id, change(["TT1"]));
    await arrived;
  });

  it("cannot join an organisation's signed-in room: figures:changed with its content never reaches it", async () => {
    const client = await connectPublic();
    const received = record(client);
    const asked = (client.timeout(500).emitWithAck as (event: string, slug: string) => Promise<unknown>)("org:join", "riverside");
    await expect(asked).rejects.toThrow(); // no such event here: never answered
    await join(client, "riverside");
    services.live.figuresChanged(riverside.org.id, change(["TT1"]));
    await sleep(300);
    expect(received.map((r) => r.event)).toEqual(["public:figures-changed"]);
    expect(received[0].args).toEqual([]);
  });

  it("cannot change anything: the meeting room's commands are not heard on it", async () => {
    const client = await connectPublic();
    const meetingId = riverside.meeting.id;
    const itemId = riverside.items[0].id;
    const payloads: Record<string, unknown> = {
      "meeting:join": { meetingId },
      "meeting:move": { meetingId, itemId },
      "hand:raise": { meetingId },
      "interest:declare": { meetingId, itemId, kind: "personal", note: "" },
      "motion:propose": { meetingId, itemId, wording: "the report be noted.", method: "show_of_hands" },
    };
    for (const event of Object.keys(roomPayloads)) {
      const answer = (client.timeout(300).emitWithAck as (event: string, payload: unknown) => Promise<unknown>)(
        event,
        payloads[event] ?? { meetingId },
      );
      await expect(answer).rejects.toThrow();
    }
    expect(await services.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId))).toEqual([]);
    expect(await services.db.select().from(speakingRequests).where(eq(speakingRequests.meetingId, meetingId))).toEqual([]);
    expect(await services.db.select().from(motions).where(eq(motions.meetingId, meetingId))).toEqual([]);
  });

  it("refuses a page of another site", async () => {
    await expect(connectPublic({ origin: "https://evil.example" })).rejects.toThrow(/forbidden origin/);
  });

  it("leaves the signed-in namespace as it was: no cookie, no connection; a member still gets figures:changed with its content", async () => {
    const anonymous = connectClient(base, { transports: ["websocket"], reconnection: false, forceNew: true });
    clients.push(anonymous);
    await expect(
      new Promise<void>((resolve, reject) => {
        anonymous.once("connect", () => resolve());
        anonymous.once("connect_error", reject);
      }),
    ).rejects.toThrow(/unauthenticated/);

    const member: ClientSocket<ServerToClientEvents, ClientToServerEvents> = connectClient(base, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: await cookieFor(services, riverside.seated.chair.id) },
    });
    clients.push(member);
    await new Promise<void>((resolve, reject) => {
      member.once("connect", resolve);
      member.once("connect_error", reject);
    });
    expect(await member.timeout(3000).emitWithAck("org:join", "riverside")).toEqual({ ok: true });
    const arrived = new Promise<FiguresChangedEvent>((resolve) => member.once("figures:changed", resolve));
    services.live.figuresChanged(riverside.org.id, change(["TT1"]));
    expect(await arrived).toEqual(change(["TT1"]));
  });
});
