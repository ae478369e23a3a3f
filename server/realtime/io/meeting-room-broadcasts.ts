import type { Database } from "../../../db/client";
import { findMeetingById } from "../../../db/queries/meetings";
import { MEETING_PERSON_ROOM, MEETING_ROOM, type QueuedSpeaker, type YourPlace } from "../../../app/shared/meetings/room-events";
import { createGatheringTimers } from "./keyed-tasks";
import { listPresence, loadDeclarations, loadMotions, loadQueue, loadQuorum, type MeetingIo } from "./meeting-room-state";

export type RoomLogger = { error(message: string, error?: unknown): void };

/**
 * How long presence changes gather before one `meeting:presence` goes out: 100 ms in a
 * small meeting, longer the more people are in the room, up to a second. When 300
 * people reconnect at once, the room hears a few lists of 300, not 300 of them.
 */
export const presenceGatherMs = (peopleInRoom: number) => Math.min(1000, 100 + 2 * peopleInRoom);

/**
 * The least time between two lists to one room: 5 ms per person in it, up to 5 s. Each
 * list goes to everyone in the room, so a list of a thousand is a thousand copies of a
 * thousand names; while a thousand people reconnect over several seconds, the room
 * hears one every five seconds, not one a second. In a committee of twenty it is less
 * than the gathering, so changes there show as quickly as before.
 */
export const presenceIntervalMs = (peopleInRoom: number) => Math.min(5000, 5 * peopleInRoom);

/**
 * The room's outgoing events. Each sends one part of the state, read afresh, to every
 * socket of the meeting on every instance; only presence is gathered.
 */
export function createRoomBroadcasts(io: MeetingIo, db: Database, logger: RoomLogger) {
  const room = (meetingId: string) => io.to(MEETING_ROOM(meetingId));
  const pendingPresence = createGatheringTimers();
  const lastPresenceSize = new Map<string, number>();

  async function sendPresence(meetingId: string) {
    const meeting = await findMeetingById(db, meetingId);
    if (!meeting) return;
    const [presence, { quorum, quorumBasis }] = await Promise.all([listPresence(io, meetingId), loadQuorum(db, meeting)]);
    if (presence.length === 0) {
      lastPresenceSize.delete(meetingId);
      pendingPresence.forget(meetingId);
    } else lastPresenceSize.set(meetingId, presence.length);
    room(meetingId).emit("meeting:presence", { meetingId, presence, quorum, quorumBasis });
  }

  // Nothing may be sent once the server has closed (the database may be gone).
  // A departure written as the server closes would otherwise start a new gathering.
  let closed = false;
  io.httpServer?.once("close", () => {
    closed = true;
    pendingPresence.cancelAll();
  });

  return {
    presenceChanged(meetingId: string) {
      if (closed) return;
      const people = lastPresenceSize.get(meetingId) ?? 0;
      pendingPresence.changed(meetingId, { gatherMs: presenceGatherMs(people), intervalMs: presenceIntervalMs(people) }, () =>
        sendPresence(meetingId).catch((error) => logger.error("meeting room: presence", error)),
      );
    },
    moved(meetingId: string, itemId: string, seq: number) {
      room(meetingId).emit("meeting:moved", { meetingId, itemId, seq });
    },
    /** `called`: the chair has just given them the floor. */
    async queueChanged(meetingId: string, called?: QueuedSpeaker) {
      const queue = await loadQueue(db, meetingId);
      room(meetingId).emit("meeting:queue", called ? { meetingId, queue, called } : { meetingId, queue });
      return queue;
    },
    async declarationsChanged(meetingId: string) {
      const declarations = await loadDeclarations(db, meetingId);
      room(meetingId).emit("meeting:declarations", { meetingId, declarations });
      return declarations;
    },
    /** Sends motions of the meeting that changed (by default, all of them) and returns them. */
    async motionsChanged(meetingId: string, which: { motionId?: string; itemId?: string } = {}) {
      const motions = (await loadMotions(db, meetingId, which.motionId)).filter(
        (m) => !which.itemId || m.agendaItemId === which.itemId,
      );
      for (const motion of motions) room(meetingId).emit("meeting:motion", { meetingId, motion });
      return motions;
    },
    you(meetingId: string, you: YourPlace) {
      io.to(MEETING_PERSON_ROOM(meetingId, you.userId)).emit("meeting:you", { meetingId, you });
    },
  };
}

export type RoomBroadcasts = ReturnType<typeof createRoomBroadcasts>;
