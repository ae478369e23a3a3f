import { and, eq, inArray } from "drizzle-orm";
import type { Namespace, Server } from "socket.io";
import { z } from "zod";
import {
  PUBLIC_NAMESPACE,
  PUBLIC_ROOM,
  type PublicClientToServerEvents,
  type PublicServerToClientEvents,
} from "../../../app/components/public/public-channel";
import type { Database } from "../../../db/client";
import { findOrganisationBySlug } from "../../../db/queries/organisations";
import { indicators } from "../../../db/schema/performance";
import { isAllowedOrigin } from "../../http/origin-check";
import type { AppServices } from "../../services";
import { limitEvents, type EventLimits } from "./event-rate-limit";

/** Joins one socket may ask for before it is dropped: a page joins once, a reconnect once more. */
const MAX_JOINS_PER_SOCKET = 20;

const orgSlugSchema = z.string().min(1).max(60);

type PublicNamespace = Namespace<
  PublicClientToServerEvents,
  PublicServerToClientEvents,
  Record<string, never>,
  { joins: number }
>;

/**
 * The public channel of the reception screen and the public page: the namespace
 * "/public", open to anyone (no cookie is read), receive-only. A socket may join one
 * organisation's public room by slug; when a tenant top ten figure of that
 * organisation changes, the room is told so, with no payload, and the page reloads
 * its public data over HTTP. The authenticated namespace "/" and its rooms are not
 * reachable from here.
 */
export class PublicFigures {
  private nsp: PublicNamespace | null = null;

  constructor(private readonly db: Database) {}

  attach(io: Server, options: { publicUrl: string | undefined; eventLimits?: EventLimits }) {
    const nsp = io.of(PUBLIC_NAMESPACE) as unknown as PublicNamespace;
    nsp.use((socket, next) => {
      const { headers } = socket.request;
      if (!isAllowedOrigin(headers.origin, headers.host, options.publicUrl)) return next(new Error("forbidden origin"));
      socket.data.joins = 0;
      next();
    });
    nsp.on("connection", (socket) => {
      limitEvents(socket as never, options.eventLimits);
      socket.on("public:join", async (orgSlug, ack) => {
        if (typeof ack !== "function") return void socket.disconnect(true);
        socket.data.joins += 1;
        if (socket.data.joins > MAX_JOINS_PER_SOCKET) return void socket.disconnect(true);
        const slug = orgSlugSchema.safeParse(orgSlug);
        if (!slug.success) return ack({ ok: false, error: "bad organisation" });
        try {
          const org = await findOrganisationBySlug(this.db, slug.data);
          if (!org) return ack({ ok: false, error: "not found" });
          // One organisation per socket: leave any other public room first.
          for (const room of socket.rooms) if (room !== socket.id && room !== PUBLIC_ROOM(org.id)) await socket.leave(room);
          await socket.join(PUBLIC_ROOM(org.id));
          ack({ ok: true });
        } catch (error) {
          console.error("Could not join a public room", error);
          ack({ ok: false, error: "unavailable" });
        }
      });
      // Nothing else is listened to: any other event a client sends is ignored.
    });
    this.nsp = nsp;
  }

  /**
   * Called for every figure change (LiveEvents.figuresChanged): tells the
   * organisation's public room when one of the changed indicators is in the tenant top
   * ten. Answers whether it did.
   */
  async figuresChanged(organisationId: string, indicatorCodes: readonly string[]): Promise<boolean> {
    if (!this.nsp || indicatorCodes.length === 0) return false;
    const [topTen] = await this.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(
        and(
          eq(indicators.organisationId, organisationId),
          eq(indicators.tenantTopTen, true),
          inArray(indicators.code, [...indicatorCodes]),
        ),
      )
      .limit(1);
    if (!topTen) return false;
    this.nsp.to(PUBLIC_ROOM(organisationId)).emit("public:figures-changed");
    return true;
  }
}

/** Opens the public namespace and has it told of figure changes. */
export function registerPublicFigures(
  io: Server,
  services: Pick<AppServices, "db" | "live" | "config">,
  eventLimits?: EventLimits,
): PublicFigures {
  const publicFigures = new PublicFigures(services.db);
  publicFigures.attach(io, { publicUrl: services.config.publicUrl, eventLimits });
  services.live.attachPublic(publicFigures);
  return publicFigures;
}
