import type { Server } from "socket.io";
import { ORG_ROOM, type FiguresChangedEvent } from "../../../app/shared/realtime-events";

/**
 * Sends domain events to the browsers of one organisation. Made before the socket.io
 * server exists (commands need it at once), attached when the server starts.
 */
export class LiveEvents {
  private io: Server | null = null;

  attach(io: Server) {
    this.io = io;
  }

  figuresChanged(organisationId: string, event: FiguresChangedEvent) {
    this.io?.to(ORG_ROOM(organisationId)).emit("figures:changed", event);
  }
}
