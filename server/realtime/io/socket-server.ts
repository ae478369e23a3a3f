import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { z } from "zod";
import { findMembership } from "../../../db/queries/users";
import {
  HANDSHAKE_UNAVAILABLE,
  ORG_ROOM,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "../../../app/shared/realtime-events";
import { readSessionToken } from "../../auth/session-cookie";
import { findSessions, type SessionUser } from "../../auth/sessions";
import { organisationPolicy } from "../../policies/organisation-policy";
import { userPrincipal } from "../../policies/principal";
import type { AppServices } from "../../services";
import { isAllowedOrigin } from "../../http/origin-check";
import { ackedHandler, type HandlerLogger } from "./acked-handler";
import { createGatheredLookup } from "./keyed-tasks";
import { disconnectWithNotice } from "./disconnect-with-notice";
import { DEFAULT_EVENT_LIMITS, limitEvents, type EventLimits } from "./event-rate-limit";
import { registerMeetingRoom } from "./meeting-room";
import { registerPublicFigures } from "./public-figures";

type SocketData = { user: SessionUser; session: { sessionId: string; expiresAt: Date } };

const orgSlugSchema = z.string().min(1).max(60);

export type SocketServerOptions = { eventLimits?: EventLimits; logger?: HandlerLogger };

/**
 * The socket.io server: one per process, authenticated by the session cookie at the
 * handshake; each event checks the organisation and role again before joining a room.
 * Each socket is tied to its session (it ends when the session does) and rate limited.
 */
export function createSocketServer(httpServer: HttpServer, services: AppServices, options: SocketServerOptions = {}) {
  const logger = options.logger ?? { error: (message, error) => console.error(message, error) };
  const eventLimits = options.eventLimits ?? DEFAULT_EVENT_LIMITS;
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    path: "/socket.io/",
    serveClient: false,
    // Leave other upgrades (the Yjs endpoint) to the upgrade router.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });

  if (services.redis) {
    const sub = services.redis.duplicate();
    sub.on("error", (error) => logger.error("socket.io: Redis adapter subscriber", error));
    io.adapter(createAdapter(services.redis, sub));
  }

  // Sockets opening while a lookup runs are looked up together in the next (a venue's network came back).
  const lookupSession = createGatheredLookup((_, tokens) => findSessions(services.db, tokens));

  // socket.io does not catch a middleware's rejected promise: every failure goes to next().
  io.use(async (socket, next) => {
    try {
      const { headers } = socket.request;
      if (!isAllowedOrigin(headers.origin, headers.host, services.config.publicUrl)) {
        return next(new Error("forbidden origin"));
      }
      const token = await readSessionToken(services.config.sessionSecret, headers.cookie);
      const session = token ? await lookupSession("sessions", token) : undefined;
      if (!session) return next(new Error("unauthenticated"));
      socket.data.user = session.user;
      socket.data.session = { sessionId: session.sessionId, expiresAt: session.expiresAt };
      next();
    } catch (error) {
      logger.error("socket.io: handshake failed", error);
      next(new Error(HANDSHAKE_UNAVAILABLE));
    }
  });

  io.on("connection", (socket) => {
    limitEvents(socket, eventLimits);
    const { user, session } = socket.data;
    const forget = services.liveSessions.hold({ ...session, userId: user.id }, (message) =>
      disconnectWithNotice(socket, { reason: "session-ended", message }),
    );
    socket.on("disconnect", forget);

    socket.on(
      "org:join",
      ackedHandler(
        socket,
        "org:join",
        async (orgSlug) => {
          const slug = orgSlugSchema.safeParse(orgSlug);
          if (!slug.success) return { ok: false, error: "bad organisation" };
          const membership = await findMembership(services.db, user.id, slug.data);
          if (!membership || !organisationPolicy.view(userPrincipal(user.id, membership), membership)) {
            return { ok: false, error: "not found" };
          }
          await socket.join(ORG_ROOM(membership.id));
          return { ok: true };
        },
        logger,
      ),
    );
  });

  registerMeetingRoom(io, services, { events: services.meetingEvents, sharedAcrossInstances: services.redis !== null });
  services.live.attach(io);
  // The public, receive-only namespace "/public" (reception screens): no cookie, its own rooms.
  registerPublicFigures(io, services, eventLimits);
  return io;
}
