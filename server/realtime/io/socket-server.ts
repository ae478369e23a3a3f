import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { z } from "zod";
import { findMembership } from "../../../db/queries/users";
import { ORG_ROOM, type ClientToServerEvents, type ServerToClientEvents } from "../../../app/shared/realtime-events";
import { readSessionToken } from "../../auth/session-cookie";
import { findSessionUser, type SessionUser } from "../../auth/sessions";
import { organisationPolicy } from "../../policies/organisation-policy";
import { userPrincipal } from "../../policies/principal";
import type { AppServices } from "../../services";
import { isAllowedOrigin } from "../../http/origin-check";
import { registerMeetingRoom } from "./meeting-room";
import { registerPublicFigures } from "./public-figures";

type SocketData = { user: SessionUser };

const orgSlugSchema = z.string().min(1).max(60);

/**
 * The socket.io server: one per process, authenticated by the session cookie at the
 * handshake; each event checks the organisation and role again before joining a room.
 */
export function createSocketServer(httpServer: HttpServer, services: AppServices) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    path: "/socket.io/",
    serveClient: false,
    // Leave other upgrades (the Yjs endpoint) to the upgrade router.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });

  if (services.redis) {
    const sub = services.redis.duplicate();
    io.adapter(createAdapter(services.redis, sub));
  }

  io.use(async (socket, next) => {
    const { headers } = socket.request;
    if (!isAllowedOrigin(headers.origin, headers.host, services.config.publicUrl)) {
      return next(new Error("forbidden origin"));
    }
    const token = await readSessionToken(services.config.sessionSecret, headers.cookie);
    const user = token ? await findSessionUser(services.db, token) : null;
    if (!user) return next(new Error("unauthenticated"));
    socket.data.user = user;
    next();
  });

  io.on("connection", (socket) => {
    socket.on("org:join", async (orgSlug, ack) => {
      if (typeof ack !== "function") return socket.disconnect(true);
      const slug = orgSlugSchema.safeParse(orgSlug);
      if (!slug.success) return ack({ ok: false, error: "bad organisation" });
      const membership = await findMembership(services.db, socket.data.user.id, slug.data);
      if (!membership || !organisationPolicy.view(userPrincipal(socket.data.user.id, membership), membership)) {
        return ack({ ok: false, error: "not found" });
      }
      await socket.join(ORG_ROOM(membership.id));
      ack({ ok: true });
    });
  });

  registerMeetingRoom(io, services, { events: services.meetingEvents, sharedAcrossInstances: services.redis !== null });
  services.live.attach(io);
  // The public, receive-only namespace "/public" (reception screens): no cookie, its own rooms.
  registerPublicFigures(io, services);
  return io;
}
