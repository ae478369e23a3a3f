import type { Server } from "socket.io";
import { ORG_ROOM, type FiguresChangedEvent } from "../../../app/shared/realtime-events";

/** The public channel's side of a figure change (server/realtime/io/public-figures.ts). */
export type PublicFiguresNotifier = {
  figuresChanged(organisationId: string, indicatorCodes: readonly string[]): Promise<unknown>;
};

/**
 * Sends domain events to the browsers of one organisation. Made before the socket.io
 * server exists (commands need it at once), attached when the server starts.
 */
export class LiveEvents {
  private io: Server | null = null;
  private publicFigures: PublicFiguresNotifier | null = null;

  attach(io: Server) {
    this.io = io;
  }

  /** The public, receive-only channel: told of every change, it decides what the public hears. */
  attachPublic(publicFigures: PublicFiguresNotifier) {
    this.publicFigures = publicFigures;
  }

  figuresChanged(organisationId: string, event: FiguresChangedEvent) {
    this.io?.to(ORG_ROOM(organisationId)).emit("figures:changed", event);
    this.publicFigures?.figuresChanged(organisationId, event.indicatorCodes).catch((error: unknown) => {
      console.error("Could not tell the public pages that figures changed", error);
    });
  }
}
