import type { Server } from "socket.io";
import type { z } from "zod";
import { roomPayloads, type RoomAck, type RoomCommand } from "../../../app/shared/meetings/room-events";
import type { AppServices } from "../../services";
import { CommandError } from "../../commands/errors";
import { createRoomBroadcasts, type RoomLogger } from "./meeting-room-broadcasts";
import { MeetingEvents, type DeclarationMade } from "./meeting-events";
import { createRoomHandlers, type RoomHandlers } from "./meeting-room-handlers";
import { createRoomPresence, type RoomSocket } from "./meeting-room-presence";
import { createSeqClock, type MeetingIo } from "./meeting-room-state";

/*
 * The live session room of a meeting: one socket.io room per meeting, typed events
 * with acknowledgements (app/shared/meetings/room-events.ts). The server holds no
 * state of its own beyond the sockets: everything is read from the database, so a
 * reconnecting client (to this instance or, with Redis, another) gets it afresh.
 */

const SOMETHING_WENT_WRONG = "Something went wrong on the server; please try again";

/** The first problem with a payload, named by its field. */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  return `Invalid request${issue.path.length ? ` (${issue.path.join(".")})` : ""}: ${issue.message}`;
}

/**
 * Listens for one event: a payload that does not parse is answered with an error; an
 * event sent without an acknowledgement is a broken or hostile client, whose socket
 * (only) is dropped; a failure is logged and answered, never thrown.
 */
function listen<K extends RoomCommand>(socket: RoomSocket, event: K, handler: RoomHandlers[K], logger: RoomLogger) {
  const on = socket.on.bind(socket) as (event: string, listener: (payload: unknown, ack: unknown) => void) => void;
  on(event, async (payload, ack) => {
    if (typeof ack !== "function") return void socket.disconnect(true);
    const reply = ack as RoomAck<K>;
    const parsed = roomPayloads[event].safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: describeIssues(parsed.error) });
    try {
      const result = await (handler as (input: unknown, socket: RoomSocket) => ReturnType<RoomHandlers[K]>)(parsed.data, socket);
      reply({ ok: true, ...result });
    } catch (error) {
      if (error instanceof CommandError) return reply({ ok: false, error: error.message });
      logger.error(`meeting room: ${event} failed`, error);
      reply({ ok: false, error: SOMETHING_WENT_WRONG });
    }
  });
}

/**
 * Attaches the session room's events to every connection of the socket.io server
 * (whose handshake has already authenticated the person). Returns the MeetingEvents
 * through which the rest of the server talks to the room.
 */
export function registerMeetingRoom(
  // The one socket.io server of the process carries other features' events too: the room sees it through its own event maps.
  server: Server,
  services: Pick<AppServices, "db">,
  options: { events?: MeetingEvents; logger?: RoomLogger; sharedAcrossInstances?: boolean } = {},
): MeetingEvents {
  const io = server as unknown as MeetingIo;
  const { db } = services;
  const logger = options.logger ?? { error: (message, error) => console.error(message, error) };
  const events = options.events ?? new MeetingEvents();
  const nextSeq = createSeqClock();
  const broadcasts = createRoomBroadcasts(io, db, logger);
  const presence = createRoomPresence(io, db, broadcasts, nextSeq);
  const onListenerError = (error: unknown) => logger.error("meeting room: declaration listener", error);
  const handlers = createRoomHandlers({ db, presence, broadcasts, events, nextSeq, onError: onListenerError });
  if (options.sharedAcrossInstances) shareDeclarationsAcrossInstances(server, events, onListenerError);
  events.attach({ meetingChanged: (meetingId) => presence.meetingChanged(meetingId) });

  io.on("connection", (socket) => {
    for (const event of Object.keys(roomPayloads) as RoomCommand[]) listen(socket, event, handlers[event], logger);
    socket.on("disconnect", () => {
      presence.disconnected(socket).catch((error) => logger.error("meeting room: departure", error));
    });
  });
  return events;
}

type InstanceEvents = { "declaration-made": (event: DeclarationMade) => void };

/**
 * Declarations reach the other instances too, through the Redis adapter: their collab
 * servers may hold the same meeting's record, and apply the same edit rule to it.
 */
function shareDeclarationsAcrossInstances(server: Server, events: MeetingEvents, onError: (error: unknown) => void) {
  const instances = server as unknown as Server<Record<string, never>, Record<string, never>, InstanceEvents>;
  const heardFromAnother = new WeakSet<DeclarationMade>();
  instances.on("declaration-made", (event) => {
    heardFromAnother.add(event);
    void events.declarationMade(event, onError);
  });
  events.onDeclaration((event) => {
    if (!heardFromAnother.has(event)) instances.serverSideEmit("declaration-made", event);
  });
}
