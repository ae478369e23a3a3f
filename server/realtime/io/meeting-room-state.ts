import type { Server } from "socket.io";
import type { Database } from "../../../db/client";
import {
  countSeats,
  findBody,
  listDeclarations,
  listMotionsWithVotes,
  listPresentMembers,
  listSpeakingQueue,
} from "../../../db/queries/meetings";
import { listApologies } from "../../../db/queries/members";
import type { AttendanceCapacity, Meeting } from "../../../db/schema/meetings";
import { computeQuorum, type Quorum } from "../../../app/shared/meetings/quorum";
import type { QuorumBasis } from "../../../app/shared/meetings/quorum-for-item";
import {
  MEETING_ROOM,
  type MeetingClientEvents,
  type MeetingRoomSnapshot,
  type MeetingServerEvents,
  type QueuedSpeaker,
  type RoomCapacity,
  type RoomApology,
  type RoomDeclaration,
  type RoomMotion,
  type RoomPerson,
  type YourPlace,
} from "../../../app/shared/meetings/room-events";
import { tallyVotes } from "../../../app/shared/meetings/votes";
import type { SessionUser } from "../../auth/sessions";
import { meetingPolicy } from "../../policies/meeting-policy";
import type { RoomActor } from "./meeting-room-access";

/*
 * The room's state, always read from the database and the room's sockets: a client
 * that reconnects (to this instance or another) gets it afresh, and nothing a client
 * says about the state is ever taken as it.
 */

/** Each socket in a meeting room carries who it is there, so presence can be listed from the sockets themselves. */
export type RoomSocketData = { user: SessionUser; meetingPresence?: Record<string, RoomPerson> };
export type MeetingIo = Server<MeetingClientEvents, MeetingServerEvents, Record<string, never>, RoomSocketData>;

/**
 * Numbers moves in order: later than the last number given here and than the clock.
 * Across instances it follows the clock, which keeps a client from going back to an
 * older item when two moves cross (the chair's moves come through one socket).
 */
export function createSeqClock() {
  let last = 0;
  return () => (last = Math.max(last + 1, Date.now()));
}

export function roomCapacity(
  role: RoomActor["role"],
  attendeeCapacity: AttendanceCapacity | null,
  seated: boolean,
): RoomCapacity {
  if (role === "viewer") return "observer";
  if (attendeeCapacity) return attendeeCapacity;
  if (seated) return "member";
  return role === "officer" || role === "admin" ? "officer" : "observer";
}

const CAPACITY_ORDER: Record<RoomCapacity, number> = { member: 0, officer: 1, guest: 2, observer: 3 };
// One collator: `localeCompare` with a locale builds one per call, too slow for 300 names on every join.
const byName = new Intl.Collator("en-GB").compare;
const POSITION_ORDER = { chair: 0, vice_chair: 1, member: 2 } as const;

/**
 * Who is connected now: one entry per person, from the sockets in the room on every
 * instance (`fetchSockets` asks the others through the Redis adapter).
 */
export async function listPresence(io: MeetingIo, meetingId: string): Promise<RoomPerson[]> {
  const sockets = await io.in(MEETING_ROOM(meetingId)).fetchSockets();
  const people = new Map<string, RoomPerson>();
  for (const socket of sockets) {
    const person = socket.data.meetingPresence?.[meetingId];
    if (person) people.set(person.userId, person);
  }
  return [...people.values()].sort(
    (a, b) =>
      CAPACITY_ORDER[a.capacity] - CAPACITY_ORDER[b.capacity] ||
      (a.position ? POSITION_ORDER[a.position] : 3) - (b.position ? POSITION_ORDER[b.position] : 3) ||
      byName(a.name, b.name),
  );
}

/**
 * Quorum over the body's members marked present who have not since left, with what it
 * is counted from: the page counts each item's quorum from the basis (whoever declared
 * a prejudicial interest left for that item) by the same rule.
 */
export async function loadQuorum(db: Database, meeting: Meeting): Promise<{ quorum: Quorum; quorumBasis: QuorumBasis }> {
  const [body, seats, present] = await Promise.all([
    findBody(db, meeting.organisationId, meeting.bodyId),
    countSeats(db, meeting.bodyId),
    listPresentMembers(db, meeting.id),
  ]);
  const rule = { quorumCount: body?.quorumCount ?? 1, quorumRequiresKind: body?.quorumRequiresKind ?? null };
  const quorum = computeQuorum(
    rule,
    seats,
    present.map((p) => p.memberKind),
  );
  return { quorum, quorumBasis: { rule, members: seats, present } };
}

export async function loadQueue(db: Database, meetingId: string): Promise<QueuedSpeaker[]> {
  const rows = await listSpeakingQueue(db, meetingId);
  return rows.map((r) => ({ ...r, raisedAt: r.raisedAt.toISOString() }));
}

export async function loadDeclarations(db: Database, meetingId: string): Promise<RoomDeclaration[]> {
  const rows = await listDeclarations(db, meetingId);
  return rows.map((d) => ({ ...d, declaredAt: d.declaredAt.toISOString() }));
}

/**
 * Guests have no account and never send apologies themselves: only people with one are
 * listed. Names only: the room state goes to everyone in the room, viewers and the public
 * gallery included, and a reason may be personal (the clerk reads it on the meeting page).
 */
export async function loadApologies(db: Database, meetingId: string): Promise<RoomApology[]> {
  const rows = await listApologies(db, meetingId);
  return rows.flatMap((r) => (r.userId ? [{ userId: r.userId, name: r.name }] : []));
}

export async function loadMotions(db: Database, meetingId: string, onlyMotionId?: string): Promise<RoomMotion[]> {
  const rows = await listMotionsWithVotes(db, meetingId, onlyMotionId);
  return rows.map(({ motion, votes }) => {
    const counted = motion.votesFor !== null && motion.votesAgainst !== null && motion.abstentions !== null;
    const tally =
      motion.method === "named" && motion.status === "open"
        ? tallyVotes(votes.map((v) => v.choice))
        : counted
          ? { for: motion.votesFor!, against: motion.votesAgainst!, abstain: motion.abstentions! }
          : null;
    return {
      id: motion.id,
      agendaItemId: motion.agendaItemId,
      wording: motion.wording,
      method: motion.method,
      status: motion.status,
      tally,
      votes: votes.map(({ userId, name, choice }) => ({ userId, name, choice })),
      proposedAt: motion.proposedAt.toISOString(),
      closedAt: motion.closedAt?.toISOString() ?? null,
    };
  });
}

export async function loadSnapshot(db: Database, io: MeetingIo, meeting: Meeting, seq: number): Promise<MeetingRoomSnapshot> {
  const [presence, { quorum, quorumBasis }, queue, declarations, motions, apologies] = await Promise.all([
    listPresence(io, meeting.id),
    loadQuorum(db, meeting),
    loadQueue(db, meeting.id),
    loadDeclarations(db, meeting.id),
    loadMotions(db, meeting.id),
    loadApologies(db, meeting.id),
  ]);
  return {
    meetingId: meeting.id,
    status: meeting.status,
    currentItemId: meeting.currentItemId,
    seq,
    presence,
    quorum,
    quorumBasis,
    queue,
    declarations,
    apologies,
    motions,
  };
}

/** What this person may do, by the policies, given their declarations and whether they are present. */
export function yourPlace(
  actor: RoomActor,
  present: boolean,
  declarations: Pick<RoomDeclaration, "agendaItemId" | "userId" | "kind">[],
): YourPlace {
  const { principal, meeting, seat, minutesMode } = actor;
  const mine = declarations.filter((d) => d.userId === actor.user.id);
  return {
    userId: actor.user.id,
    permissions: {
      manage: meetingPolicy.manage(principal, meeting),
      chair: meetingPolicy.chair(principal, meeting, seat),
      participate: meetingPolicy.participate(principal, meeting),
      vote: meetingPolicy.vote(principal, meeting, seat, { present, declared: null }),
      writeMinutes: meetingPolicy.writeMinutes(principal, meeting, null, minutesMode),
      suggestMinutes: meetingPolicy.suggestMinutes(principal, meeting, null, minutesMode),
      removeRecordEntries: meetingPolicy.removeRecordEntries(principal, meeting, seat),
    },
    declaredOn: mine.map((d) => d.agendaItemId),
    cannotVoteOn: mine
      .filter((d) => !meetingPolicy.vote(principal, meeting, seat, { present, declared: d.kind }))
      .map((d) => d.agendaItemId),
    cannotWriteMinutesFor: mine
      .filter((d) => !meetingPolicy.writeMinutes(principal, meeting, d.kind, "everyone"))
      .map((d) => d.agendaItemId),
  };
}

export function personInRoom(actor: RoomActor, capacity: RoomCapacity): RoomPerson {
  return {
    userId: actor.user.id,
    name: actor.user.name,
    capacity,
    memberKind: actor.seat?.memberKind ?? null,
    position: actor.seat?.position ?? null,
    role: actor.role,
  };
}
