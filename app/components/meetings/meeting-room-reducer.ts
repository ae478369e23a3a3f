import type {
  DeclarationsEvent,
  MeetingMovedEvent,
  MeetingRoomSnapshot,
  MeetingRoomState,
  MotionEvent,
  PresenceEvent,
  QueueEvent,
  YouEvent,
} from "../../shared/meetings/room-events";

/*
 * How the page's copy of the room's state follows the server's events. The server's
 * answer to joining replaces everything (after every reconnect); each later event
 * replaces one part. Moves are numbered, so an older one never undoes a newer one.
 */

export type RoomEvent =
  | { type: "joined"; state: MeetingRoomState }
  | { type: "state"; snapshot: MeetingRoomSnapshot }
  | { type: "moved"; event: MeetingMovedEvent }
  | { type: "presence"; event: PresenceEvent }
  | { type: "queue"; event: QueueEvent }
  | { type: "declarations"; event: DeclarationsEvent }
  | { type: "motion"; event: MotionEvent }
  | { type: "you"; event: YouEvent };

export function applyRoomEvent(state: MeetingRoomState | null, action: RoomEvent): MeetingRoomState | null {
  if (action.type === "joined") return action.state;
  if (!state) return state;
  switch (action.type) {
    case "state": {
      const { snapshot } = action;
      if (snapshot.meetingId !== state.meetingId) return state;
      // A move that overtook this snapshot keeps its item.
      const newerMove = state.seq > snapshot.seq;
      return { ...snapshot, ...(newerMove ? { currentItemId: state.currentItemId, seq: state.seq } : {}), you: state.you };
    }
    case "moved": {
      const { event } = action;
      if (event.meetingId !== state.meetingId || event.seq <= state.seq) return state;
      return { ...state, currentItemId: event.itemId, seq: event.seq };
    }
    case "presence":
      return action.event.meetingId === state.meetingId
        ? { ...state, presence: action.event.presence, quorum: action.event.quorum, quorumBasis: action.event.quorumBasis }
        : state;
    case "queue":
      return action.event.meetingId === state.meetingId ? { ...state, queue: action.event.queue } : state;
    case "declarations":
      return action.event.meetingId === state.meetingId ? { ...state, declarations: action.event.declarations } : state;
    case "motion": {
      const { meetingId, motion } = action.event;
      if (meetingId !== state.meetingId) return state;
      const known = state.motions.some((m) => m.id === motion.id);
      return {
        ...state,
        motions: known ? state.motions.map((m) => (m.id === motion.id ? motion : m)) : [...state.motions, motion],
      };
    }
    case "you":
      return action.event.meetingId === state.meetingId ? { ...state, you: action.event.you } : state;
  }
}

/** The item a person sees: the chair's while they follow the chair, otherwise the one they browsed to. */
export function viewedItem(following: boolean, browsedItemId: string | null, currentItemId: string | null): string | null {
  return following ? currentItemId : browsedItemId;
}
