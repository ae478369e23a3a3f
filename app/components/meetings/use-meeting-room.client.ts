import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type {
  MeetingRoomState,
  MeetingClientEvents,
  MeetingServerEvents,
  RoomCommand,
  RoomPayload,
  RoomResult,
} from "../../shared/meetings/room-events";
import { io, type Socket } from "socket.io-client";
import type { InterestKind, VoteChoice, VoteMethod } from "~/shared/vocabulary";
import type { Tally } from "../../shared/meetings/votes";
import { DISCONNECT_NOTICE, HANDSHAKE_UNAVAILABLE, type ServerToClientEvents } from "../../shared/realtime-events";
import { floorAnnouncement, roomAnnouncements } from "../../shared/meetings/room-announcements";
import { applyRoomEvent, viewedItem } from "./meeting-room-reducer";

/*
 * The meeting page's connection to the live session room: joins, keeps the room's
 * state (always as the server last said it: after a reconnect it joins again and takes
 * the server's state whole), offers each action as a promise of the server's answer,
 * and follows the chair unless the person browses away. No UI here.
 */

type RoomSocket = Socket<MeetingServerEvents & Pick<ServerToClientEvents, typeof DISCONNECT_NOTICE>, MeetingClientEvents>;

/** After the server could not check the session (its database unreachable), socket.io does not retry by itself. */
const RETRY_UNAVAILABLE_MS = 3000;

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "disconnected";

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  disconnected: "Disconnected: reload the page",
};

const ANSWER_TIMEOUT_MS = 10_000;

/** Sends one event and waits for its acknowledgement; offline or no answer is an error, never a throw. */
async function request<K extends RoomCommand>(
  socket: RoomSocket | null,
  event: K,
  payload: RoomPayload<K>,
): Promise<RoomResult<K>> {
  if (!socket?.connected) return { ok: false, error: "Not connected to the meeting: reconnecting…" };
  // Called on its socket: emitWithAck needs its `this`.
  const timed = socket.timeout(ANSWER_TIMEOUT_MS) as unknown as {
    emitWithAck(event: K, payload: RoomPayload<K>): Promise<RoomResult<K>>;
  };
  try {
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: "The server did not answer: try again" };
  }
}

export function useMeetingRoom(meetingId: string) {
  const [state, dispatch] = useReducer(applyRoomEvent, null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [error, setError] = useState<string | null>(null);
  const [following, setFollowing] = useState(true);
  const [browsedItemId, setBrowsedItemId] = useState<string | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  // What the page says to a screen reader (room-announcements.ts); `seq` lets the same words be said twice.
  const [announcement, setAnnouncement] = useState<{ text: string; seq: number } | null>(null);
  const announce = useCallback((lines: (string | null)[]) => {
    const text = lines.filter(Boolean).join(" ");
    if (text) setAnnouncement((said) => ({ text, seq: (said?.seq ?? 0) + 1 }));
  }, []);
  const before = useRef<MeetingRoomState | null>(null);
  useEffect(() => {
    announce(roomAnnouncements(before.current, state));
    before.current = state;
  }, [state, announce]);

  useEffect(() => {
    const socket: RoomSocket = io({ path: "/socket.io/", withCredentials: true, transports: ["websocket", "polling"] });
    socketRef.current = socket;

    // On the first connection and after every reconnection: the server's state, whole.
    socket.on("connect", async () => {
      const joined = await request(socket, "meeting:join", { meetingId });
      if (!joined.ok) return setError(joined.error);
      dispatch({ type: "joined", state: joined.state });
      setError(null);
      setStatus("connected");
    });
    socket.on("disconnect", (reason) => {
      // The server dropping this socket on purpose is not retried by socket.io.
      setStatus(reason === "io server disconnect" ? "disconnected" : "reconnecting");
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect_error", (failure) => {
      setStatus("reconnecting");
      if (failure.message === "unauthenticated") setError("Your session has ended: sign in again");
      else if (failure.message === HANDSHAKE_UNAVAILABLE && !socket.active) {
        retry = setTimeout(() => socket.connect(), RETRY_UNAVAILABLE_MS);
      }
    });
    // Signed out elsewhere, or too many requests: the server says why before it disconnects.
    socket.on(DISCONNECT_NOTICE, (notice) => setError(notice.message));
    socket.on("meeting:state", (snapshot) => dispatch({ type: "state", snapshot }));
    socket.on("meeting:moved", (event) => dispatch({ type: "moved", event }));
    socket.on("meeting:presence", (event) => dispatch({ type: "presence", event }));
    socket.on("meeting:queue", (event) => {
      dispatch({ type: "queue", event });
      const you = before.current?.you.userId;
      if (event.called && you) announce([floorAnnouncement(event.called, you)]);
    });
    socket.on("meeting:declarations", (event) => dispatch({ type: "declarations", event }));
    socket.on("meeting:motion", (event) => dispatch({ type: "motion", event }));
    socket.on("meeting:you", (event) => dispatch({ type: "you", event }));

    return () => {
      clearTimeout(retry);
      socket.close();
      socketRef.current = null;
    };
  }, [meetingId, announce]);

  const send = useCallback(
    <K extends RoomCommand>(event: K, payload: RoomPayload<K>) => request(socketRef.current, event, payload),
    [],
  );

  const actions = useMemo(
    () => ({
      /** Chair: open an item for everyone following. */
      move: async (itemId: string) => {
        const moved = await send("meeting:move", { meetingId, itemId });
        if (moved.ok) dispatch({ type: "moved", event: { meetingId, itemId: moved.itemId, seq: moved.seq } });
        return moved;
      },
      raiseHand: () => send("hand:raise", { meetingId }),
      /** Your own hand, or (chair) someone else's. */
      lowerHand: (userId?: string) => send("hand:lower", { meetingId, userId }),
      /** Chair: the first in the queue, or someone out of turn. */
      callNext: (userId?: string) => send("hand:call-next", { meetingId, userId }),
      declareInterest: (itemId: string, kind: InterestKind, note = "") =>
        send("interest:declare", { meetingId, itemId, kind, note }),
      proposeMotion: (itemId: string, wording: string, method: VoteMethod) =>
        send("motion:propose", { meetingId, itemId, wording, method }),
      vote: (motionId: string, choice: VoteChoice) => send("vote:cast", { motionId, choice }),
      /** Clerk: the count after a show of hands. */
      enterCount: (motionId: string, tally: Tally) => send("motion:count", { motionId, ...tally }),
      closeMotion: (motionId: string, castingVote?: "for" | "against") => send("motion:close", { motionId, castingVote }),
      withdrawMotion: (motionId: string) => send("motion:withdraw", { motionId }),
    }),
    [meetingId, send],
  );

  /** Look at another item; the chair's moves no longer take you with them. */
  const browse = useCallback((itemId: string) => {
    setFollowing(false);
    setBrowsedItemId(itemId);
  }, []);

  /** Back to the chair's item, and follow the chair again. */
  const rejoinChair = useCallback(() => {
    setFollowing(true);
    setBrowsedItemId(null);
  }, []);

  return {
    state,
    status,
    statusLabel: CONNECTION_LABELS[status],
    error,
    following,
    viewedItemId: viewedItem(following, browsedItemId, state?.currentItemId ?? null),
    browse,
    rejoinChair,
    actions,
    announcement,
    announce,
  };
}
