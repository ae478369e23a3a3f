import type { Socket } from "socket.io";
import type { Database } from "../../../db/client";
import { findAttendees, findMeetingById, findMeetingWithPeople } from "../../../db/queries/meetings";
import {
  MEETING_PERSON_ROOM,
  MEETING_ROOM,
  type MeetingClientEvents,
  type MeetingRoomState,
  type MeetingServerEvents,
} from "../../../app/shared/meetings/room-events";
import { recordArrivals, recordDepartures } from "../../commands/meeting-room-commands";
import { createBatchedLoader, createGatheredLookup, createGatheringQueue, createKeyedQueue } from "./keyed-tasks";
import { NOT_FOUND, actorFrom, presentBy, type RoomActor } from "./meeting-room-access";
import { CommandError } from "../../commands/errors";
import type { RoomBroadcasts } from "./meeting-room-broadcasts";
import { loadSnapshot, personInRoom, roomCapacity, yourPlace, type MeetingIo, type RoomSocketData } from "./meeting-room-state";

export type RoomSocket = Socket<MeetingClientEvents, MeetingServerEvents, Record<string, never>, RoomSocketData>;

type Arrival = { socket: RoomSocket; actor: RoomActor };

const attendingAs = ({ user, role, seat }: RoomActor) => ({ userId: user.id, name: user.name, role, seat });

/**
 * Coming and going: joining the room records arrival (in session), the last socket of a
 * person leaving records departure. Both run as steps in order per meeting on this
 * instance (a step writes everything gathered while the one before ran), so a quick
 * reconnect cannot be overtaken by the departure of the connection it replaced, and a
 * socket that drops while its arrival waits is left out of it.
 * Arrivals, and departures, of one meeting gather while earlier ones are written and
 * are then written together: when a venue's network drops and comes back, a thousand
 * people leave and arrive within seconds, and each step is a few statements, not a
 * thousand. Whether a person is still connected is asked of the room itself
 * (`fetchSockets` on its room, which the Redis adapter answers for every instance).
 */
export function createRoomPresence(io: MeetingIo, db: Database, broadcasts: RoomBroadcasts, nextSeq: () => number) {
  const inOrder = createKeyedQueue();
  const loadSnapshotAfterNow = createBatchedLoader(async (meetingId: string) => {
    // Numbered before the meeting is read: any move after this one is newer than the snapshot.
    const seq = nextSeq();
    const meeting = await findMeetingById(db, meetingId);
    return meeting && loadSnapshot(db, io, meeting, seq);
  });
  /** The meeting with each joining person's role and seat, read for everyone joining at once. */
  const lookUpJoining = createGatheredLookup((meetingId, userIds) => findMeetingWithPeople(db, meetingId, userIds));

  /**
   * Records the arrivals (in session), puts the sockets in the room; answers who of
   * them is present. Each arrival is checked against the meeting as its person's
   * lookup read it.
   */
  const arrive = createGatheringQueue(inOrder, async (meetingId: string, gathered: Arrival[]) => {
    // A socket that dropped while its arrival waited in the gathering has already been
    // handled as gone (with no room to leave): it must not be recorded as present.
    const arrivals = gathered.filter(({ socket }) => !socket.disconnected);
    const inSession = arrivals.filter(({ actor }) => actor.meeting.status === "in_session");
    const following = arrivals.filter(({ actor }) => actor.meeting.status !== "in_session");
    const [recorded, listed] = await Promise.all([
      recordArrivals(
        db,
        meetingId,
        inSession.map(({ actor }) => attendingAs(actor)),
      ),
      findAttendees(
        db,
        meetingId,
        following.map(({ actor }) => actor.user.id),
      ),
    ]);
    const present = new Set<string>();
    await Promise.all(
      arrivals.map(async ({ socket, actor }) => {
        const attendee = (actor.meeting.status === "in_session" ? recorded : listed).get(actor.user.id);
        const person = personInRoom(actor, roomCapacity(actor.role, attendee?.capacity ?? null, actor.seat !== null));
        socket.data.meetingPresence = { ...socket.data.meetingPresence, [meetingId]: person };
        await socket.join([MEETING_ROOM(meetingId), MEETING_PERSON_ROOM(meetingId, actor.user.id)]);
        if (socket.disconnected) {
          // Dropped while being recorded: leave again, and let the departure follow this
          // step in the meeting's order (not awaited: this step holds that order).
          socket.leave(MEETING_ROOM(meetingId));
          socket.leave(MEETING_PERSON_ROOM(meetingId, actor.user.id));
          void departIfLast(meetingId, actor.user.id).catch((error: unknown) =>
            console.error("meeting room: recording a departure failed", error),
          );
          return;
        }
        if (presentBy(attendee)) present.add(actor.user.id);
      }),
    );
    return present;
  });

  /** Records the departure of whoever of these has no socket left in the room. */
  const departIfLast = createGatheringQueue(inOrder, async (meetingId: string, userIds: string[]) => {
    const sockets = await io.in(MEETING_ROOM(meetingId)).fetchSockets();
    const stillHere = new Set(sockets.map((s) => s.data.user.id));
    await recordDepartures(
      db,
      meetingId,
      [...new Set(userIds)].filter((id) => !stillHere.has(id)),
    );
    broadcasts.presenceChanged(meetingId);
  });

  return {
    /** Joins the room and answers with the whole state, for this person. */
    async join(socket: RoomSocket, meetingId: string): Promise<MeetingRoomState> {
      const actor = actorFrom(socket.data.user, await lookUpJoining(meetingId, socket.data.user.id));
      const present = (await arrive(meetingId, { socket, actor })).has(actor.user.id);
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
      const found = await findMeetingWithPeople(db, meetingId, [...users.keys()]);
      // Whoever may no longer see the meeting is left out (their next event is refused).
      const actors = [...users.values()].flatMap((user) => {
        try {
          return [actorFrom(user, found.get(user.id))];
        } catch {
          return [];
        }
      });
      const attendees = await (meeting.status === "in_session"
        ? inOrder(meetingId, () => recordArrivals(db, meetingId, actors.map(attendingAs)))
        : findAttendees(
            db,
            meetingId,
            actors.map((actor) => actor.user.id),
          ));
      const snapshot = await loadSnapshotAfterNow(meetingId);
      if (!snapshot) return;
      io.to(MEETING_ROOM(meetingId)).emit("meeting:state", snapshot);
      for (const actor of actors) {
        broadcasts.you(meetingId, yourPlace(actor, presentBy(attendees.get(actor.user.id)), snapshot.declarations));
      }
    },
  };
}

export type RoomPresence = ReturnType<typeof createRoomPresence>;
