import type { Socket } from "socket.io";
import type { Database } from "../../../db/client";
import { findAttendee, findMeetingById } from "../../../db/queries/meetings";
import {
  MEETING_PERSON_ROOM,
  MEETING_ROOM,
  type MeetingClientEvents,
  type MeetingRoomState,
  type MeetingServerEvents,
} from "../../../app/shared/meetings/room-events";
import { recordArrival, recordDepartures } from "../../commands/meeting-room-commands";
import { createBatchedLoader, createKeyedQueue } from "./keyed-tasks";
import { NOT_FOUND, loadActor, type RoomActor } from "./meeting-room-access";
import { CommandError } from "../../commands/errors";
import type { RoomBroadcasts } from "./meeting-room-broadcasts";
import { loadSnapshot, personInRoom, roomCapacity, yourPlace, type MeetingIo, type RoomSocketData } from "./meeting-room-state";

export type RoomSocket = Socket<MeetingClientEvents, MeetingServerEvents, Record<string, never>, RoomSocketData>;

/**
 * Coming and going: joining the room records arrival (in session), the last socket of a
 * person leaving records departure. Both run in order per meeting on this instance, so
 * a quick reconnect cannot be overtaken by the departure of the connection it replaced.
 * Whether a person is still connected is asked of the room itself (`fetchSockets` on
 * their own room, which the Redis adapter answers for every instance).
 */
export function createRoomPresence(io: MeetingIo, db: Database, broadcasts: RoomBroadcasts, nextSeq: () => number) {
  const inOrder = createKeyedQueue();
  const loadSnapshotAfterNow = createBatchedLoader(async (meetingId: string) => {
    // Numbered before the meeting is read: any move after this one is newer than the snapshot.
    const seq = nextSeq();
    const meeting = await findMeetingById(db, meetingId);
    return meeting && loadSnapshot(db, io, meeting, seq);
  });

  /** Records the arrival (in session), puts the socket in the room; answers whether they are present. */
  async function arrive(socket: RoomSocket, actor: RoomActor): Promise<boolean> {
    const { meeting, user } = actor;
    return inOrder(meeting.id, async () => {
      const attendee =
        meeting.status === "in_session"
          ? await recordArrival(db, {
              meetingId: meeting.id,
              userId: user.id,
              name: user.name,
              role: actor.role,
              seat: actor.seat,
            })
          : await findAttendee(db, meeting.id, user.id);
      const person = personInRoom(actor, roomCapacity(actor.role, attendee?.capacity ?? null, actor.seat !== null));
      socket.data.meetingPresence = { ...socket.data.meetingPresence, [meeting.id]: person };
      await socket.join([MEETING_ROOM(meeting.id), MEETING_PERSON_ROOM(meeting.id, user.id)]);
      return attendee?.attendance === "present" && attendee.leftAt === null;
    });
  }

  const departing = new Map<string, { userIds: Set<string>; recorded: Promise<void> }>();

  /**
   * Records the departure of whoever has no socket left in the room. Departures of one
   * meeting gather while earlier arrivals and departures are written, then are written
   * in one statement (when the venue's network drops, 300 leave at once).
   */
  function departIfLast(meetingId: string, userId: string): Promise<void> {
    const gathering = departing.get(meetingId);
    if (gathering) {
      gathering.userIds.add(userId);
      return gathering.recorded;
    }
    const userIds = new Set([userId]);
    const recorded = inOrder(meetingId, async () => {
      departing.delete(meetingId);
      const sockets = await io.in(MEETING_ROOM(meetingId)).fetchSockets();
      const stillHere = new Set(sockets.map((s) => s.data.user.id));
      await recordDepartures(
        db,
        meetingId,
        [...userIds].filter((id) => !stillHere.has(id)),
      );
      broadcasts.presenceChanged(meetingId);
    });
    departing.set(meetingId, { userIds, recorded });
    return recorded;
  }

  return {
    /** Joins the room and answers with the whole state, for this person. */
    async join(socket: RoomSocket, meetingId: string): Promise<MeetingRoomState> {
      const actor = await loadActor(db, meetingId, socket.data.user);
      const present = await arrive(socket, actor);
      broadcasts.presenceChanged(meetingId);
      const snapshot = await loadSnapshotAfterNow(meetingId);
      if (!snapshot) throw new CommandError(NOT_FOUND);
      return { ...snapshot, you: yourPlace(actor, present, snapshot.declarations) };
    },

    async leave(socket: RoomSocket, meetingId: string) {
      const { [meetingId]: left, ...others } = socket.data.meetingPresence ?? {};
      if (!left) return;
      socket.data.meetingPresence = others;
      await socket.leave(MEETING_ROOM(meetingId));
      await socket.leave(MEETING_PERSON_ROOM(meetingId, socket.data.user.id));
      await departIfLast(meetingId, socket.data.user.id);
    },

    /** After the socket has gone (it has already left its rooms). */
    async disconnected(socket: RoomSocket) {
      const meetingIds = Object.keys(socket.data.meetingPresence ?? {});
      await Promise.all(meetingIds.map((meetingId) => departIfLast(meetingId, socket.data.user.id)));
    },

    /**
     * The meeting changed under the room (an HTTP action): when it is in session, the
     * people in the room are marked present; then everyone gets the fresh state and
     * their own permissions.
     */
    async meetingChanged(meetingId: string) {
      const meeting = await findMeetingById(db, meetingId);
      if (!meeting) return;
      const users = new Map((await io.in(MEETING_ROOM(meetingId)).fetchSockets()).map((s) => [s.data.user.id, s.data.user]));
      const people: { actor: RoomActor; present: boolean }[] = [];
      for (const user of users.values()) {
        const actor = await loadActor(db, meetingId, user).catch(() => null);
        if (!actor) continue;
        const person = { meetingId, userId: user.id, name: user.name, role: actor.role, seat: actor.seat };
        const attendee = await (meeting.status === "in_session"
          ? inOrder(meetingId, () => recordArrival(db, person))
          : findAttendee(db, meetingId, user.id));
        people.push({ actor, present: attendee?.attendance === "present" && attendee.leftAt === null });
      }
      const snapshot = await loadSnapshotAfterNow(meetingId);
      if (!snapshot) return;
      io.to(MEETING_ROOM(meetingId)).emit("meeting:state", snapshot);
      for (const { actor, present } of people) broadcasts.you(meetingId, yourPlace(actor, present, snapshot.declarations));
    },
  };
}

export type RoomPresence = ReturnType<typeof createRoomPresence>;
