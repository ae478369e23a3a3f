import type { Socket } from "socket.io";
import { TokenBucket } from "../yjs/token-bucket";
import { disconnectWithNotice } from "./disconnect-with-notice";

export type EventLimits = { eventsPerSecond: number; eventBurst: number };

/**
 * A page sends a handful of events when it connects (join the organisation, the
 * meeting) and one per click after that; a chair moving quickly through the agenda
 * sends a few a second. 20 a second with bursts of 60 leaves room for all of that.
 */
export const DEFAULT_EVENT_LIMITS: EventLimits = { eventsPerSecond: 20, eventBurst: 60 };

export const TOO_MANY_EVENTS = "Too many requests from this page: reload it to reconnect";

/**
 * Every event of one socket passes its token bucket (the collab server's, for its
 * messages) before any handler runs; past it the socket is dropped with a notice. One
 * client flooding the room (20,000 `meeting:join`s) then costs the others what its
 * burst costs, not 12 seconds of queued database work.
 */
export function limitEvents(socket: Socket, limits: EventLimits = DEFAULT_EVENT_LIMITS): void {
  const bucket = new TokenBucket(limits.eventBurst, limits.eventsPerSecond);
  socket.use((_packet, next) => {
    if (bucket.take()) return next();
    // Neither `next` nor the handler is called: the event is dropped with the socket.
    disconnectWithNotice(socket, { reason: "too-many-events", message: TOO_MANY_EVENTS });
  });
}
