import type { z } from "zod";
import type { Database } from "../../../db/client";
import { findMotion, listDeclarations } from "../../../db/queries/meetings";
import type { RoomCommand, RoomReplies, roomPayloads } from "../../../app/shared/meetings/room-events";
import { CommandError } from "../../commands/errors";
import { callSpeaker, declareInterest, lowerHand, moveToItem, raiseHand } from "../../commands/meeting-room-commands";
import { castVote, closeMotion, enterShowOfHandsCount, proposeMotion, withdrawMotion } from "../../commands/motion-commands";
import {
  NOT_FOUND,
  isPresent,
  loadActor,
  requireChair,
  requireInSession,
  requireManage,
  requireParticipate,
  requireVote,
} from "./meeting-room-access";
import type { RoomBroadcasts } from "./meeting-room-broadcasts";
import type { MeetingEvents } from "./meeting-events";
import type { RoomPresence, RoomSocket } from "./meeting-room-presence";
import { yourPlace } from "./meeting-room-state";

export type RoomHandlers = {
  [K in RoomCommand]: (input: z.output<(typeof roomPayloads)[K]>, socket: RoomSocket) => Promise<RoomReplies[K]>;
};

type Deps = {
  db: Database;
  presence: RoomPresence;
  broadcasts: RoomBroadcasts;
  events: MeetingEvents;
  nextSeq: () => number;
  onError: (error: unknown) => void;
};

/**
 * One handler per event, each: load the meeting and the person's role and seat (again),
 * check the policy, call the command, tell the room, answer. Payloads arrive parsed.
 */
export function createRoomHandlers({ db, presence, broadcasts, events, nextSeq, onError }: Deps): RoomHandlers {
  const actorOf = (socket: RoomSocket, meetingId: string) => loadActor(db, meetingId, socket.data.user);

  /** A motion and the person acting on it, checked against the motion's own meeting. */
  async function motionAndActor(socket: RoomSocket, motionId: string) {
    const motion = await findMotion(db, motionId);
    if (!motion) throw new CommandError(NOT_FOUND);
    return { motion, actor: await actorOf(socket, motion.meetingId) };
  }

  async function changedMotion(meetingId: string, motionId: string) {
    const [motion] = await broadcasts.motionsChanged(meetingId, { motionId });
    return { motion };
  }

  return {
    "meeting:join": async ({ meetingId }, socket) => ({ state: await presence.join(socket, meetingId) }),

    "meeting:leave": async ({ meetingId }, socket) => {
      await presence.leave(socket, meetingId);
      return {};
    },

    "meeting:move": async ({ meetingId, itemId }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireChair(actor);
      requireInSession(actor);
      // Moving to the item already open writes nothing, and tells the room again.
      if (actor.meeting.currentItemId !== itemId) await moveToItem(db, meetingId, itemId);
      const seq = nextSeq();
      broadcasts.moved(meetingId, itemId, seq);
      return { itemId, seq };
    },

    "hand:raise": async ({ meetingId }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireParticipate(actor);
      requireInSession(actor);
      await raiseHand(db, meetingId, actor.user.id);
      return { queue: await broadcasts.queueChanged(meetingId) };
    },

    "hand:lower": async ({ meetingId, userId }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireParticipate(actor);
      const whose = userId ?? actor.user.id;
      if (whose !== actor.user.id) requireChair(actor);
      await lowerHand(db, meetingId, whose);
      return { queue: await broadcasts.queueChanged(meetingId) };
    },

    "hand:call-next": async ({ meetingId, userId }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireChair(actor);
      requireInSession(actor);
      const next = await callSpeaker(db, meetingId, userId);
      const called = next ? { ...next, raisedAt: next.raisedAt.toISOString() } : null;
      const queue = await broadcasts.queueChanged(meetingId, called ?? undefined);
      return { called, queue };
    },

    "interest:declare": async ({ meetingId, itemId, kind, note }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireParticipate(actor);
      if (actor.meeting.status === "closed" || actor.meeting.status === "minutes_approved") {
        throw new CommandError("The meeting has closed: declarations can no longer be made");
      }
      await declareInterest(db, { meetingId, itemId, userId: actor.user.id, kind, note });
      const declarations = await broadcasts.declarationsChanged(meetingId);
      // A vote they had cast on a motion still open on this item no longer counts.
      await broadcasts.motionsChanged(meetingId, { itemId });
      broadcasts.you(meetingId, yourPlace(actor, await isPresent(db, meetingId, actor.user.id), declarations));
      void events.declarationMade({ meetingId, itemId, userId: actor.user.id, kind }, onError);
      const declaration = declarations.find((d) => d.agendaItemId === itemId && d.userId === actor.user.id)!;
      return { declaration };
    },

    "motion:propose": async ({ meetingId, itemId, wording, method }, socket) => {
      const actor = await actorOf(socket, meetingId);
      requireChair(actor);
      requireInSession(actor);
      const motionId = await proposeMotion(db, { meetingId, itemId, wording, method, proposedBy: actor.user.id });
      return changedMotion(meetingId, motionId);
    },

    "vote:cast": async ({ motionId, choice }, socket) => {
      const { motion, actor } = await motionAndActor(socket, motionId);
      const declared = (await listDeclarations(db, motion.meetingId)).find(
        (d) => d.agendaItemId === motion.agendaItemId && d.userId === actor.user.id,
      );
      requireVote(actor, { present: await isPresent(db, motion.meetingId, actor.user.id), declared: declared?.kind ?? null });
      await castVote(db, { motionId, userId: actor.user.id, choice });
      return changedMotion(motion.meetingId, motionId);
    },

    "motion:count": async ({ motionId, ...tally }, socket) => {
      const { motion, actor } = await motionAndActor(socket, motionId);
      requireManage(actor);
      await enterShowOfHandsCount(db, { motionId, tally });
      return changedMotion(motion.meetingId, motionId);
    },

    "motion:close": async ({ motionId, castingVote }, socket) => {
      const { motion, actor } = await motionAndActor(socket, motionId);
      requireChair(actor);
      await closeMotion(db, { motionId, closedBy: actor.user.id, castingVote });
      return changedMotion(motion.meetingId, motionId);
    },

    "motion:withdraw": async ({ motionId }, socket) => {
      const { motion, actor } = await motionAndActor(socket, motionId);
      requireChair(actor);
      await withdrawMotion(db, { motionId, closedBy: actor.user.id });
      return changedMotion(motion.meetingId, motionId);
    },
  };
}
