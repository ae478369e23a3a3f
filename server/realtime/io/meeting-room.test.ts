import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { io as connectClient, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "../../../db/schema/identity";
import { declarations, meetingAttendance, meetings, motions } from "../../../db/schema/meetings";
import type {
  MeetingClientEvents,
  MeetingServerEvents,
  RoomCommand,
  RoomPayload,
  RoomResult,
} from "../../../app/shared/meetings/room-events";
import { readSessionToken } from "../../auth/session-cookie";
import { findSessionUser } from "../../auth/sessions";
import { createHttpServer, type RunningHttpServer } from "../../http-server";
import { createMeetingFixture, type MeetingFixture } from "../../../tests/support/meeting-factory";
import { TEST_REDIS_URL } from "../../../tests/support/test-redis";
import { cookieFor, createTestServices } from "../../../tests/support/test-services";
import { waitFor } from "../yjs/test-support";
import { loadMinuteRestrictions, type DeclarationMade } from "./meeting-events";
import { registerMeetingRoom } from "./meeting-room";

type Client = ClientSocket<MeetingServerEvents, MeetingClientEvents>;

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;
let clients: Client[] = [];

beforeAll(async () => {
  services = await createTestServices();
  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
});
afterEach(() => {
  clients.forEach((c) => c.close());
  clients = [];
});
afterAll(async () => {
  await http.close();
  await services.cleanup();
});

async function connect(userId: string, url = base): Promise<Client> {
  const client: Client = connectClient(url, {
    transports: ["websocket"],
    extraHeaders: { cookie: await cookieFor(services, userId) },
    reconnection: false,
    forceNew: true,
  });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once("connect", resolve);
    client.once("connect_error", reject);
  });
  return client;
}

function ask<K extends RoomCommand>(client: Client, event: K, payload: RoomPayload<K>): Promise<RoomResult<K>> {
  return (client.timeout(5000).emitWithAck as (event: K, payload: RoomPayload<K>) => Promise<RoomResult<K>>)(event, payload);
}

/** Answers `{ ok: true, ... }` or fails the test with the server's error. */
async function must<K extends RoomCommand>(client: Client, event: K, payload: RoomPayload<K>) {
  const result = await ask(client, event, payload);
  if (!result.ok) throw new Error(`${event} refused: ${result.error}`);
  return result;
}

async function refusal<K extends RoomCommand>(client: Client, event: K, payload: RoomPayload<K>) {
  const result = await ask(client, event, payload);
  if (result.ok) throw new Error(`${event} was allowed`);
  return result.error;
}

async function join(userId: string, meetingId: string) {
  const client = await connect(userId);
  const { state } = await must(client, "meeting:join", { meetingId });
  return { client, state };
}

function nextEvent<E extends keyof MeetingServerEvents>(
  client: Client,
  event: E,
  accept: (payload: Parameters<MeetingServerEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<MeetingServerEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} arrived`)), 3000);
    const listener = (payload: Parameters<MeetingServerEvents[E]>[0]) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      (client.off as (e: string, l: unknown) => void)(event, listener);
      resolve(payload);
    };
    (client.on as (e: string, l: unknown) => void)(event, listener);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attendanceOf(fx: MeetingFixture, userId: string) {
  const [row] = await services.db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, fx.meeting.id), eq(meetingAttendance.userId, userId)));
  return row ?? null;
}

async function currentItemOf(fx: MeetingFixture) {
  const [row] = await services.db
    .select({ currentItemId: meetings.currentItemId })
    .from(meetings)
    .where(eq(meetings.id, fx.meeting.id));
  return row.currentItemId;
}

describe("joining a meeting's room", () => {
  it("answers with the state and the person's permissions, and records a seated member's arrival", async () => {
    const fx = await createMeetingFixture(services.db);
    const { state } = await join(fx.seated.chair.id, fx.meeting.id);
    expect(state).toMatchObject({ meetingId: fx.meeting.id, status: "in_session", currentItemId: null, queue: [], motions: [] });
    expect(state.presence).toEqual([
      expect.objectContaining({ userId: fx.seated.chair.id, capacity: "member", position: "chair", memberKind: "councillor" }),
    ]);
    expect(state.quorum).toMatchObject({ quorate: false, present: 1, members: 6, required: 4 });
    // The committee keeps the pen with the clerk: the chair suggests wording, and may remove an agreed action.
    expect(state.you.permissions).toEqual({
      manage: false,
      chair: true,
      participate: true,
      vote: true,
      writeMinutes: false,
      suggestMinutes: true,
      removeRecordEntries: true,
    });
    // Each item's quorum is counted on the page from who is present, by kind.
    expect(state.quorumBasis).toEqual({
      rule: { quorumCount: 4, quorumRequiresKind: "tenant" },
      members: 6,
      present: [{ userId: fx.seated.chair.id, memberKind: "councillor" }],
    });
    const attendance = await attendanceOf(fx, fx.seated.chair.id);
    expect(attendance).toMatchObject({ attendance: "present", capacity: "member", leftAt: null });
    expect(attendance?.arrivedAt).toBeInstanceOf(Date);
  });

  it("adds an officer as an officer attendee and lets a viewer watch without recording them", async () => {
    const fx = await createMeetingFixture(services.db);
    const officer = await join(fx.officer.id, fx.meeting.id);
    expect(officer.state.you.permissions).toMatchObject({
      manage: true,
      chair: false,
      vote: false,
      writeMinutes: true,
      suggestMinutes: false,
      removeRecordEntries: true,
    });
    expect(await attendanceOf(fx, fx.officer.id)).toMatchObject({ capacity: "officer", attendance: "present" });
    const viewer = await join(fx.viewer.id, fx.meeting.id);
    expect(viewer.state.presence.find((p) => p.userId === fx.viewer.id)).toMatchObject({ capacity: "observer", role: "viewer" });
    expect(viewer.state.you.permissions).toEqual({
      manage: false,
      chair: false,
      participate: false,
      vote: false,
      writeMinutes: false,
      suggestMinutes: false,
      removeRecordEntries: false,
    });
    expect(await attendanceOf(fx, fx.viewer.id)).toBeNull();
  });

  it("refuses a member of another organisation as if the meeting did not exist", async () => {
    const fx = await createMeetingFixture(services.db);
    const other = await createMeetingFixture(services.db);
    const client = await connect(other.seated.chair.id);
    expect(await refusal(client, "meeting:join", { meetingId: fx.meeting.id })).toBe("not found");
    expect(await refusal(client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[1].id })).toBe("not found");
    expect(await attendanceOf(fx, other.seated.chair.id)).toBeNull();
  });

  it("does not record arrivals before the meeting opens", async () => {
    const fx = await createMeetingFixture(services.db, { status: "agenda_published" });
    const { state } = await join(fx.seated.vice.id, fx.meeting.id);
    expect(state.presence).toHaveLength(1);
    expect(await attendanceOf(fx, fx.seated.vice.id)).toBeNull();
  });

  it("joining twice is one person present, with one attendance row", async () => {
    const fx = await createMeetingFixture(services.db);
    const first = await join(fx.seated.tenant1.id, fx.meeting.id);
    await must(first.client, "meeting:join", { meetingId: fx.meeting.id });
    const second = await join(fx.seated.tenant1.id, fx.meeting.id);
    expect(second.state.presence.filter((p) => p.userId === fx.seated.tenant1.id)).toHaveLength(1);
    const rows = await services.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, fx.meeting.id));
    expect(rows).toHaveLength(1);
  });
});

describe("following the chair", () => {
  it("refuses a member's move and sends the chair's move to everyone else", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const member = await join(fx.seated.independent1.id, fx.meeting.id);
    const officer = await join(fx.officer.id, fx.meeting.id);
    expect(await refusal(member.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[2].id })).toBe(
      "Only the chair or vice-chair can do that",
    );
    expect(await currentItemOf(fx)).toBeNull();

    const heardByMember = nextEvent(member.client, "meeting:moved");
    const heardByOfficer = nextEvent(officer.client, "meeting:moved");
    const moved = await must(chair.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[2].id });
    expect(await heardByMember).toEqual({ meetingId: fx.meeting.id, itemId: fx.items[2].id, seq: moved.seq });
    expect((await heardByOfficer).itemId).toBe(fx.items[2].id);
    expect(await currentItemOf(fx)).toBe(fx.items[2].id);

    // Again to the same item: harmless.
    const again = await must(chair.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[2].id });
    expect(again.seq).toBeGreaterThan(moved.seq);
    expect(await currentItemOf(fx)).toBe(fx.items[2].id);
  });

  it("refuses an item of another meeting", async () => {
    const fx = await createMeetingFixture(services.db);
    const other = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    expect(await refusal(chair.client, "meeting:move", { meetingId: fx.meeting.id, itemId: other.items[0].id })).toBe(
      "That item is not on this meeting's agenda",
    );
    expect(await currentItemOf(fx)).toBeNull();
  });

  it("refuses a viewer every chair's event, and nothing changes", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const viewer = await join(fx.viewer.id, fx.meeting.id);
    const { motion } = await must(chair.client, "motion:propose", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      wording: "the report be noted.",
      method: "named",
    });
    expect(await refusal(viewer.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[1].id })).toMatch(/chair/);
    expect(
      await refusal(viewer.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[4].id,
        wording: "x",
        method: "named",
      }),
    ).toMatch(/chair/);
    expect(await refusal(viewer.client, "motion:close", { motionId: motion.id })).toMatch(/chair/);
    expect(await refusal(viewer.client, "motion:withdraw", { motionId: motion.id })).toMatch(/chair/);
    expect(await refusal(viewer.client, "hand:call-next", { meetingId: fx.meeting.id })).toMatch(/chair/);
    expect(await refusal(viewer.client, "hand:raise", { meetingId: fx.meeting.id })).toMatch(/follow the meeting/);
    expect(await currentItemOf(fx)).toBeNull();
    const rows = await services.db.select().from(motions).where(eq(motions.meetingId, fx.meeting.id));
    expect(rows.map((m) => m.status)).toEqual(["open"]);
  });

  it("gives someone who reconnects the current state from the server", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const officer = await join(fx.officer.id, fx.meeting.id);
    const firstArrival = (await attendanceOf(fx, fx.officer.id))?.arrivedAt;
    officer.client.close();
    await must(chair.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[3].id });
    await must(chair.client, "hand:raise", { meetingId: fx.meeting.id });
    const back = await join(fx.officer.id, fx.meeting.id);
    expect(back.state.currentItemId).toBe(fx.items[3].id);
    expect(back.state.queue.map((q) => q.userId)).toEqual([fx.seated.chair.id]);
    expect(await attendanceOf(fx, fx.officer.id)).toMatchObject({ attendance: "present", leftAt: null, arrivedAt: firstArrival });
  });
});

describe("presence and quorum", () => {
  it("loses quorum when the only tenant member disconnects, and records their departure", async () => {
    const fx = await createMeetingFixture(services.db);
    const watcher = await join(fx.officer.id, fx.meeting.id);
    const quorate = nextEvent(watcher.client, "meeting:presence", (e) => e.quorum.quorate);
    await join(fx.seated.chair.id, fx.meeting.id);
    await join(fx.seated.vice.id, fx.meeting.id);
    await join(fx.seated.independent1.id, fx.meeting.id);
    const tenant = await join(fx.seated.tenant1.id, fx.meeting.id);
    expect((await quorate).quorum.message).toBe("Quorate: 4 of 6 members, including a tenant member");

    const lost = nextEvent(watcher.client, "meeting:presence", (e) => !e.quorum.quorate);
    tenant.client.close();
    const event = await lost;
    expect(event.quorum.message).toMatch(/^Not quorate: 3 of 6 members present/);
    expect(event.presence.map((p) => p.userId)).not.toContain(fx.seated.tenant1.id);
    expect((await attendanceOf(fx, fx.seated.tenant1.id))?.leftAt).toBeInstanceOf(Date);
  });

  it("never leaves present someone who dropped while their arrival waited or was being recorded", async () => {
    const fx = await createMeetingFixture(services.db);
    const watcher = await join(fx.officer.id, fx.meeting.id);
    const people = Object.values(fx.seated);
    const staying = people.filter((_, i) => i % 2 === 0);
    const dropping = people.filter((_, i) => i % 2 === 1);
    // Everyone asks to join at once, so arrivals gather behind each other; half drop at
    // once after asking, while their arrival waits in the gathering or is being written.
    const sockets = await Promise.all(people.map((person) => connect(person.id)));
    sockets.forEach((client) => client.emit("meeting:join", { meetingId: fx.meeting.id }, () => {}));
    sockets.filter((_, i) => i % 2 === 1).forEach((client) => client.close());
    await waitFor(
      async () => {
        const rows = await Promise.all(people.map((person) => attendanceOf(fx, person.id)));
        const stayed = rows.filter((_, i) => i % 2 === 0);
        const dropped = rows.filter((_, i) => i % 2 === 1);
        return (
          stayed.every((row) => row?.attendance === "present" && row.leftAt === null) &&
          dropped.every((row) => !row || row.leftAt !== null)
        );
      },
      10_000,
      "the arrivals and departures to settle",
    );
    const { state } = await must(watcher.client, "meeting:join", { meetingId: fx.meeting.id });
    const inRoom = state.presence.map((p) => p.userId);
    for (const person of staying) expect(inRoom).toContain(person.id);
    for (const person of dropping) expect(inRoom).not.toContain(person.id);
  });

  it("keeps a person present while another of their tabs is still open", async () => {
    const fx = await createMeetingFixture(services.db);
    const first = await join(fx.seated.tenant2.id, fx.meeting.id);
    const second = await join(fx.seated.tenant2.id, fx.meeting.id);
    first.client.close();
    await sleep(300);
    expect(await attendanceOf(fx, fx.seated.tenant2.id)).toMatchObject({ leftAt: null });
    await must(second.client, "meeting:leave", { meetingId: fx.meeting.id });
    expect((await attendanceOf(fx, fx.seated.tenant2.id))?.leftAt).toBeInstanceOf(Date);
  });
});

describe("the speaking queue", () => {
  it("keeps hands in the order raised, one per person, and the chair calls the first", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const carol = await join(fx.seated.independent1.id, fx.meeting.id);
    const erin = await join(fx.seated.tenant1.id, fx.meeting.id);
    await must(carol.client, "hand:raise", { meetingId: fx.meeting.id });
    await must(erin.client, "hand:raise", { meetingId: fx.meeting.id });
    const twice = await must(carol.client, "hand:raise", { meetingId: fx.meeting.id });
    expect(twice.queue.map((q) => q.userId)).toEqual([fx.seated.independent1.id, fx.seated.tenant1.id]);

    expect((await must(erin.client, "hand:lower", { meetingId: fx.meeting.id })).queue.map((q) => q.userId)).toEqual([
      fx.seated.independent1.id,
    ]);
    await must(erin.client, "hand:raise", { meetingId: fx.meeting.id });
    expect(await refusal(erin.client, "hand:call-next", { meetingId: fx.meeting.id })).toMatch(/chair/);
    expect(await refusal(erin.client, "hand:lower", { meetingId: fx.meeting.id, userId: fx.seated.independent1.id })).toMatch(
      /chair/,
    );

    const heard = nextEvent(erin.client, "meeting:queue");
    const carolHears = nextEvent(carol.client, "meeting:queue");
    const called = await must(chair.client, "hand:call-next", { meetingId: fx.meeting.id });
    expect(called.called?.userId).toBe(fx.seated.independent1.id);
    expect((await heard).queue.map((q) => q.userId)).toEqual([fx.seated.tenant1.id]);
    // The room hears who was given the floor, so that Carol's screen reader can tell her.
    expect((await carolHears).called?.userId).toBe(fx.seated.independent1.id);
    await must(chair.client, "hand:call-next", { meetingId: fx.meeting.id });
    expect(await must(chair.client, "hand:call-next", { meetingId: fx.meeting.id })).toMatchObject({ called: null, queue: [] });
  });
});

describe("declarations of interest and votes", () => {
  it("stops a member voting on the item they declared on, but not on another", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const femi = await join(fx.seated.tenant2.id, fx.meeting.id);
    const onItem5 = (
      await must(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[4].id,
        wording: "the scorecard be noted.",
        method: "named",
      })
    ).motion;
    const onItem6 = (
      await must(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[5].id,
        wording: "the update be noted.",
        method: "named",
      })
    ).motion;
    await must(femi.client, "vote:cast", { motionId: onItem5.id, choice: "for" });

    const you = nextEvent(femi.client, "meeting:you");
    const heard = nextEvent(chair.client, "meeting:motion", (e) => e.motion.id === onItem5.id);
    await must(femi.client, "interest:declare", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      kind: "personal",
      note: "I live on the estate",
    });
    expect((await you).you).toMatchObject({
      declaredOn: [fx.items[4].id],
      cannotVoteOn: [fx.items[4].id],
      cannotWriteMinutesFor: [fx.items[4].id],
    });
    // The vote cast before declaring no longer counts.
    expect((await heard).motion.votes).toEqual([]);

    expect(await refusal(femi.client, "vote:cast", { motionId: onItem5.id, choice: "against" })).toBe(
      "You declared an interest in this item, so you cannot vote on it",
    );
    expect((await must(femi.client, "vote:cast", { motionId: onItem6.id, choice: "for" })).motion.tally).toEqual({
      for: 1,
      against: 0,
      abstain: 0,
    });
  });

  it("updates a repeated declaration, refuses an item of another meeting, and tells the minutes side", async () => {
    const fx = await createMeetingFixture(services.db);
    const other = await createMeetingFixture(services.db);
    const femi = await join(fx.seated.tenant2.id, fx.meeting.id);
    const viewer = await join(fx.viewer.id, fx.meeting.id);
    await must(femi.client, "interest:declare", { meetingId: fx.meeting.id, itemId: fx.items[4].id, kind: "personal", note: "" });
    const again = await must(femi.client, "interest:declare", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      kind: "prejudicial",
      note: "  My landlord  ",
    });
    expect(again.declaration).toMatchObject({ kind: "prejudicial", note: "My landlord" });
    const rows = await services.db.select().from(declarations).where(eq(declarations.meetingId, fx.meeting.id));
    expect(rows).toHaveLength(1);
    expect(
      await refusal(femi.client, "interest:declare", {
        meetingId: fx.meeting.id,
        itemId: other.items[4].id,
        kind: "other",
        note: "",
      }),
    ).toBe("That item is not on this meeting's agenda");
    expect(
      await refusal(viewer.client, "interest:declare", {
        meetingId: fx.meeting.id,
        itemId: fx.items[4].id,
        kind: "other",
        note: "",
      }),
    ).toMatch(/follow/);
    expect(await loadMinuteRestrictions(services.db, fx.meeting.id)).toEqual(
      new Map([[fx.seated.tenant2.id, new Set([fx.items[4].id])]]),
    );
  });

  it("counts named votes, lets a member change theirs while open, and closes carried or lost", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const voters = await Promise.all(
      (["vice", "independent1", "tenant1"] as const).map((key) => join(fx.seated[key].id, fx.meeting.id)),
    );
    const outsider = await join(fx.officer.id, fx.meeting.id);
    const { motion } = await must(chair.client, "motion:propose", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      wording: "  the report be noted.  ",
      method: "named",
    });
    expect(motion).toMatchObject({ wording: "the report be noted.", status: "open", tally: { for: 0, against: 0, abstain: 0 } });
    // A retried proposal is the same motion.
    expect(
      (
        await must(chair.client, "motion:propose", {
          meetingId: fx.meeting.id,
          itemId: fx.items[4].id,
          wording: "the report be noted.",
          method: "named",
        })
      ).motion.id,
    ).toBe(motion.id);

    await must(voters[0].client, "vote:cast", { motionId: motion.id, choice: "for" });
    await must(voters[1].client, "vote:cast", { motionId: motion.id, choice: "for" });
    await must(voters[2].client, "vote:cast", { motionId: motion.id, choice: "for" });
    const changed = await must(voters[2].client, "vote:cast", { motionId: motion.id, choice: "against" });
    expect(changed.motion.tally).toEqual({ for: 2, against: 1, abstain: 0 });
    expect(changed.motion.votes).toContainEqual({ userId: fx.seated.tenant1.id, name: "Erin Tenant", choice: "against" });
    expect(await refusal(outsider.client, "vote:cast", { motionId: motion.id, choice: "for" })).toBe(
      "Only members of the body can vote",
    );
    expect(await refusal(voters[1].client, "motion:close", { motionId: motion.id })).toMatch(/chair/);

    const heard = nextEvent(voters[1].client, "meeting:motion", (e) => e.motion.status !== "open");
    const closed = await must(chair.client, "motion:close", { motionId: motion.id });
    expect(closed.motion).toMatchObject({ status: "carried", tally: { for: 2, against: 1, abstain: 0 } });
    expect((await heard).motion.status).toBe("carried");
    expect((await must(chair.client, "motion:close", { motionId: motion.id })).motion.status).toBe("carried");
    expect(await refusal(voters[0].client, "vote:cast", { motionId: motion.id, choice: "against" })).toBe(
      "Voting on this motion has closed",
    );
    expect(await refusal(chair.client, "motion:withdraw", { motionId: motion.id })).toMatch(/cannot be withdrawn/);

    const tie = (
      await must(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[5].id,
        wording: "an action be agreed.",
        method: "named",
      })
    ).motion;
    await must(voters[0].client, "vote:cast", { motionId: tie.id, choice: "for" });
    await must(voters[1].client, "vote:cast", { motionId: tie.id, choice: "against" });
    expect((await must(chair.client, "motion:close", { motionId: tie.id })).motion.status).toBe("lost");

    const withdrawn = (
      await must(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[5].id,
        wording: "the item be deferred.",
        method: "named",
      })
    ).motion;
    await must(chair.client, "motion:withdraw", { motionId: withdrawn.id });
    expect((await must(chair.client, "motion:withdraw", { motionId: withdrawn.id })).motion.status).toBe("withdrawn");
  });

  it("carries a tie on the chair's casting vote", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const [a, b] = await Promise.all([join(fx.seated.vice.id, fx.meeting.id), join(fx.seated.tenant1.id, fx.meeting.id)]);
    const { motion } = await must(chair.client, "motion:propose", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      wording: "the plan be approved.",
      method: "named",
    });
    await must(a.client, "vote:cast", { motionId: motion.id, choice: "for" });
    await must(b.client, "vote:cast", { motionId: motion.id, choice: "against" });
    expect((await must(chair.client, "motion:close", { motionId: motion.id, castingVote: "for" })).motion.status).toBe("carried");
  });

  it("takes a show-of-hands count from an officer, not from a member", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const member = await join(fx.seated.independent2.id, fx.meeting.id);
    const officer = await join(fx.officer.id, fx.meeting.id);
    const { motion } = await must(chair.client, "motion:propose", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      wording: "the report be noted.",
      method: "show_of_hands",
    });
    expect(motion.tally).toBeNull();
    expect(await refusal(member.client, "vote:cast", { motionId: motion.id, choice: "for" })).toMatch(/show of hands/);
    expect(await refusal(chair.client, "motion:close", { motionId: motion.id })).toBe(
      "Enter the show-of-hands count before closing the vote",
    );
    expect(await refusal(member.client, "motion:count", { motionId: motion.id, for: 3, against: 1, abstain: 0 })).toMatch(
      /clerk/,
    );
    expect(await refusal(officer.client, "motion:count", { motionId: motion.id, for: 5, against: 2, abstain: 0 })).toBe(
      "The count adds up to 7, more than the 6 members of the body",
    );
    await must(officer.client, "motion:count", { motionId: motion.id, for: 1, against: 3, abstain: 1 });
    const counted = await must(officer.client, "motion:count", { motionId: motion.id, for: 4, against: 1, abstain: 1 });
    expect(counted.motion.tally).toEqual({ for: 4, against: 1, abstain: 1 });
    expect((await must(chair.client, "motion:close", { motionId: motion.id })).motion).toMatchObject({
      status: "carried",
      tally: { for: 4, against: 1, abstain: 1 },
    });
  });
});

describe("roles checked on every event", () => {
  it("refuses an officer's count once their role has become viewer, without reconnecting", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const officer = await join(fx.officer.id, fx.meeting.id);
    const { motion } = await must(chair.client, "motion:propose", {
      meetingId: fx.meeting.id,
      itemId: fx.items[4].id,
      wording: "the report be noted.",
      method: "show_of_hands",
    });
    await services.db.update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, fx.officer.id));
    expect(await refusal(officer.client, "motion:count", { motionId: motion.id, for: 4, against: 0, abstain: 0 })).toMatch(
      /clerk/,
    );
  });
});

describe("a misbehaving client", () => {
  it("gets errors for malformed payloads, and the server keeps serving everyone else", async () => {
    const fx = await createMeetingFixture(services.db);
    const chair = await join(fx.seated.chair.id, fx.meeting.id);
    const bad = await connect(fx.seated.vice.id);
    const raw = bad as unknown as {
      timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<RoomResult<"meeting:join">> };
    };
    for (const payload of ["x", null, 42, { meetingId: "not-a-uuid" }, {}]) {
      expect(await raw.timeout(2000).emitWithAck("meeting:join", payload)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Invalid request/),
      });
    }
    expect(
      await refusal(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[4].id,
        wording: "   ",
        method: "named",
      }),
    ).toMatch(/wording/);
    expect(
      await refusal(chair.client, "motion:propose", {
        meetingId: fx.meeting.id,
        itemId: fx.items[4].id,
        wording: "x".repeat(2001),
        method: "named",
      }),
    ).toMatch(/Invalid request/);
    expect(
      await raw.timeout(2000).emitWithAck("motion:count", { motionId: fx.meeting.id, for: -1, against: 0, abstain: 0 }),
    ).toMatchObject({ ok: false });
    expect(
      await raw.timeout(2000).emitWithAck("motion:count", { motionId: fx.meeting.id, for: 1.5, against: 0, abstain: 0 }),
    ).toMatchObject({ ok: false });
    expect(await raw.timeout(2000).emitWithAck("vote:cast", { motionId: fx.meeting.id, choice: "maybe" })).toMatchObject({
      ok: false,
    });
    // An id that parses but is no motion.
    expect(await refusal(chair.client, "motion:close", { motionId: fx.meeting.id })).toBe("not found");

    const dropped = new Promise<string>((resolve) => bad.once("disconnect", resolve));
    (bad as unknown as { emit(event: string, payload: unknown): void }).emit("meeting:join", { meetingId: fx.meeting.id });
    expect(await dropped).toBe("io server disconnect");

    const moved = await must(chair.client, "meeting:move", { meetingId: fx.meeting.id, itemId: fx.items[1].id });
    expect(moved.itemId).toBe(fx.items[1].id);
    await join(fx.seated.vice.id, fx.meeting.id);
  });
});

describe("MeetingEvents", () => {
  /** A bare socket.io server with the same session handshake, so the test holds the room's MeetingEvents. */
  async function bareServer(options: { redis?: Redis } = {}) {
    const server = createServer();
    const io = new Server(server, { path: "/socket.io/" });
    if (options.redis) io.adapter(createAdapter(options.redis, options.redis.duplicate()));
    io.use(async (socket, next) => {
      const token = await readSessionToken(services.config.sessionSecret, socket.request.headers.cookie);
      const user = token ? await findSessionUser(services.db, token) : null;
      if (!user) return next(new Error("unauthenticated"));
      socket.data.user = user;
      next();
    });
    const logged: string[] = [];
    const events = registerMeetingRoom(io, services, {
      logger: { error: (message) => logged.push(message) },
      sharedAcrossInstances: Boolean(options.redis),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, io, events, logged, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
  }

  it("sends the fresh state when the meeting opens and marks the people already in the room present", async () => {
    const bare = await bareServer();
    try {
      const fx = await createMeetingFixture(services.db, { status: "agenda_published" });
      const client = await connect(fx.seated.tenant1.id, bare.url);
      await must(client, "meeting:join", { meetingId: fx.meeting.id });
      expect(await attendanceOf(fx, fx.seated.tenant1.id)).toBeNull();
      await services.db.update(meetings).set({ status: "in_session" }).where(eq(meetings.id, fx.meeting.id));
      const state = nextEvent(client, "meeting:state");
      const you = nextEvent(client, "meeting:you");
      await bare.events.meetingChanged(fx.meeting.id);
      expect((await state).status).toBe("in_session");
      expect((await you).you.permissions.vote).toBe(true);
      expect(await attendanceOf(fx, fx.seated.tenant1.id)).toMatchObject({ attendance: "present" });
    } finally {
      await bare.close();
    }
  });

  it("tells declaration listeners, and a failing listener does not fail the declaration", async () => {
    const bare = await bareServer();
    try {
      const fx = await createMeetingFixture(services.db);
      const heard: DeclarationMade[] = [];
      bare.events.onDeclaration(() => {
        throw new Error("listener broke");
      });
      const heardOne = new Promise<void>((resolve) => bare.events.onDeclaration((event) => (heard.push(event), resolve())));
      const client = await connect(fx.seated.tenant1.id, bare.url);
      await must(client, "interest:declare", { meetingId: fx.meeting.id, itemId: fx.items[4].id, kind: "other", note: "" });
      await heardOne;
      expect(heard).toEqual([{ meetingId: fx.meeting.id, itemId: fx.items[4].id, userId: fx.seated.tenant1.id, kind: "other" }]);
      expect(bare.logged).toEqual(["meeting room: declaration listener"]);
    } finally {
      await bare.close();
    }
  });

  it("tells the declaration listeners of the other instances too (Redis adapter), once each", async () => {
    const connections = [new Redis(TEST_REDIS_URL), new Redis(TEST_REDIS_URL)];
    const [first, second] = [await bareServer({ redis: connections[0] }), await bareServer({ redis: connections[1] })];
    try {
      const fx = await createMeetingFixture(services.db);
      // Both adapters subscribed: a message published before that would reach nobody.
      await waitFor(async () => (await first.io.of("/").adapter.serverCount()) === 2, 3000, "both instances on Redis");
      const heard = { first: [] as DeclarationMade[], second: [] as DeclarationMade[] };
      first.events.onDeclaration((event) => void heard.first.push(event));
      second.events.onDeclaration((event) => void heard.second.push(event));
      const client = await connect(fx.seated.tenant1.id, first.url);
      await must(client, "interest:declare", { meetingId: fx.meeting.id, itemId: fx.items[4].id, kind: "personal", note: "" });
      const declared = { meetingId: fx.meeting.id, itemId: fx.items[4].id, userId: fx.seated.tenant1.id, kind: "personal" };
      await waitFor(() => heard.second.length > 0, 3000, "the other instance hearing it");
      await sleep(100);
      expect(heard).toEqual({ first: [declared], second: [declared] });
    } finally {
      await first.close();
      await second.close();
      connections.forEach((connection) => connection.disconnect());
    }
  });
});
