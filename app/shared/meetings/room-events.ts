import { z } from "zod";
import type {
  Role,
  InterestKind,
  MeetingStatus,
  MemberKind,
  MotionStatus,
  SeatPosition,
  VoteChoice,
  VoteMethod,
} from "../vocabulary";
import type { Quorum } from "./quorum";
import type { QuorumBasis } from "./quorum-for-item";
import type { Tally } from "./votes";

/*
 * The live session room: the socket.io events between the meeting page and the server.
 * Every client-to-server event carries one payload, checked by the zod schema below
 * (the one check, on the server), and an acknowledgement that answers
 * `{ ok: true, ... }` or `{ ok: false, error }` with a message to show as it is.
 * The server answers with small events, each replacing one part of the room's state.
 */

/** Every socket in a meeting's room receives its events. */
export const MEETING_ROOM = (meetingId: string) => `meeting:${meetingId}`;
/** The sockets of one person in one meeting: for what only they may see (their permissions). */
export const MEETING_PERSON_ROOM = (meetingId: string, userId: string) => `meeting:${meetingId}:user:${userId}`;

export const MOTION_WORDING_MAX = 2000;
export const DECLARATION_NOTE_MAX = 1000;
export const SHOW_OF_HANDS_MAX = 999;

// ---- Payloads (client to server) ----

const meetingId = z.uuid();
const meetingRef = z.object({ meetingId });
const motionRef = z.object({ motionId: z.uuid() });
const handCount = z.int().min(0).max(SHOW_OF_HANDS_MAX);

export const roomPayloads = {
  "meeting:join": meetingRef,
  "meeting:leave": meetingRef,
  /** The chair opens an item; everyone following the chair goes with them. */
  "meeting:move": z.object({ meetingId, itemId: z.uuid() }),
  "hand:raise": meetingRef,
  /** Lowers your own hand; the chair may name someone else's. */
  "hand:lower": z.object({ meetingId, userId: z.uuid().optional() }),
  /** The chair calls the first in the queue, or a named person out of turn. */
  "hand:call-next": z.object({ meetingId, userId: z.uuid().optional() }),
  "interest:declare": z.object({
    meetingId,
    itemId: z.uuid(),
    kind: z.enum(["personal", "prejudicial", "other"]),
    note: z.string().trim().max(DECLARATION_NOTE_MAX).default(""),
  }),
  "motion:propose": z.object({
    meetingId,
    itemId: z.uuid(),
    wording: z.string().trim().min(1, "Write the wording of the resolution").max(MOTION_WORDING_MAX),
    method: z.enum(["named", "show_of_hands"]),
  }),
  "vote:cast": z.object({ motionId: z.uuid(), choice: z.enum(["for", "against", "abstain"]) }),
  /** The clerk enters the count after a show of hands. */
  "motion:count": z.object({ motionId: z.uuid(), for: handCount, against: handCount, abstain: handCount }),
  /** On a tie, the chair may give a casting vote. */
  "motion:close": z.object({ motionId: z.uuid(), castingVote: z.enum(["for", "against"]).optional() }),
  "motion:withdraw": motionRef,
} as const;

export type RoomCommand = keyof typeof roomPayloads;
export type RoomPayload<K extends RoomCommand> = z.input<(typeof roomPayloads)[K]>;

// ---- State ----

/** How someone is in the room: seated member, officer or guest (per attendance), or watching. */
export type RoomCapacity = "member" | "officer" | "guest" | "observer";

export type RoomPerson = {
  userId: string;
  name: string;
  capacity: RoomCapacity;
  memberKind: MemberKind | null;
  position: SeatPosition | null;
  role: Role;
};

export type QueuedSpeaker = { requestId: string; userId: string; name: string; raisedAt: string };

export type RoomDeclaration = {
  id: string;
  agendaItemId: string;
  userId: string;
  name: string;
  kind: InterestKind;
  note: string;
  declaredAt: string;
};

/** A member who sent apologies (themselves, with their reason, or recorded by the clerk). */
/** Who sent apologies; never their reason (see loadApologies). */
export type RoomApology = { userId: string; name: string };

export type NamedVote = { userId: string; name: string; choice: VoteChoice };

export type RoomMotion = {
  id: string;
  agendaItemId: string;
  wording: string;
  method: VoteMethod;
  status: MotionStatus;
  /** Named votes counted so far, the clerk's count after a show of hands, or null before one is entered. */
  tally: Tally | null;
  /** Who voted how (named votes only). */
  votes: NamedVote[];
  proposedAt: string;
  closedAt: string | null;
};

/** What everyone in the room sees alike. */
export type MeetingRoomSnapshot = {
  meetingId: string;
  status: MeetingStatus;
  currentItemId: string | null;
  /** Orders moves: a `meeting:moved` with a seq at or below this one is already in the snapshot. */
  seq: number;
  /** People connected now, one entry per person however many tabs they have open. */
  presence: RoomPerson[];
  /** Over the body's members recorded present (and not since left). */
  quorum: Quorum;
  /** What quorum is counted from, so that each item's quorum is counted by `quorumForItem`. */
  quorumBasis: QuorumBasis;
  /** Raised hands, first raised first. */
  queue: QueuedSpeaker[];
  declarations: RoomDeclaration[];
  /** Apologies on the register: a member sending them during the session appears here at once. */
  apologies: RoomApology[];
  /** In the order proposed. */
  motions: RoomMotion[];
};

/** What the person asking may do, computed by the server's policies (the page never re-derives them). */
export type YourPlace = {
  userId: string;
  permissions: {
    manage: boolean;
    chair: boolean;
    participate: boolean;
    /** Whether they may vote on an item where they declared nothing. */
    vote: boolean;
    /** Whether they may write the minutes of an item where they declared nothing (the clerk may hold the pen). */
    writeMinutes: boolean;
    /** Whether they suggest wording beside the minutes instead (the clerk holds the pen). */
    suggestMinutes: boolean;
    /** Whether they may remove an agreed action and accept or dismiss suggestions (clerk or chair). */
    removeRecordEntries: boolean;
  };
  /** Items with their declaration: they may not vote on these. */
  declaredOn: string[];
  cannotVoteOn: string[];
  cannotWriteMinutesFor: string[];
};

export type MeetingRoomState = MeetingRoomSnapshot & { you: YourPlace };

// ---- Events (server to client) ----

export type MeetingMovedEvent = { meetingId: string; itemId: string; seq: number };
export type PresenceEvent = { meetingId: string; presence: RoomPerson[]; quorum: Quorum; quorumBasis: QuorumBasis };
/** `called`: the speaker the chair has just given the floor (their screen reader hears it). */
export type QueueEvent = { meetingId: string; queue: QueuedSpeaker[]; called?: QueuedSpeaker };
export type DeclarationsEvent = { meetingId: string; declarations: RoomDeclaration[] };
export type MotionEvent = { meetingId: string; motion: RoomMotion };
export type YouEvent = { meetingId: string; you: YourPlace };

export interface MeetingServerEvents {
  /** The whole shared state: after an HTTP action changed the meeting (opened, closed). */
  "meeting:state": (snapshot: MeetingRoomSnapshot) => void;
  /** Kept small: it goes to every participant each time the chair moves. */
  "meeting:moved": (event: MeetingMovedEvent) => void;
  "meeting:presence": (event: PresenceEvent) => void;
  "meeting:queue": (event: QueueEvent) => void;
  "meeting:declarations": (event: DeclarationsEvent) => void;
  /** One motion, proposed or changed. */
  "meeting:motion": (event: MotionEvent) => void;
  /** To one person's sockets, when what they may do changed. */
  "meeting:you": (event: YouEvent) => void;
}

// ---- Acknowledgements ----

export type RoomReplies = {
  "meeting:join": { state: MeetingRoomState };
  "meeting:leave": object;
  "meeting:move": { itemId: string; seq: number };
  "hand:raise": { queue: QueuedSpeaker[] };
  "hand:lower": { queue: QueuedSpeaker[] };
  /** null when nobody had a hand up. */
  "hand:call-next": { called: QueuedSpeaker | null; queue: QueuedSpeaker[] };
  "interest:declare": { declaration: RoomDeclaration };
  "motion:propose": { motion: RoomMotion };
  "vote:cast": { motion: RoomMotion };
  "motion:count": { motion: RoomMotion };
  "motion:close": { motion: RoomMotion };
  "motion:withdraw": { motion: RoomMotion };
};

export type RoomResult<K extends RoomCommand> = ({ ok: true } & RoomReplies[K]) | { ok: false; error: string };
export type RoomAck<K extends RoomCommand> = (result: RoomResult<K>) => void;

export type MeetingClientEvents = {
  [K in RoomCommand]: (payload: RoomPayload<K>, ack: RoomAck<K>) => void;
};
