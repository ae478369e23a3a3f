import type { InterestKind } from "../../../db/schema/meetings";

/*
 * The session room seen from the rest of the server: HTTP actions tell it when a
 * meeting changed under it (opened, closed, agenda or attendance edited), and the
 * shared-document (Yjs) side hears about declarations of interest, which stop a
 * person writing that item's minutes. Made before the socket.io server, like
 * LiveEvents, and attached by registerMeetingRoom.
 */

export type DeclarationMade = { meetingId: string; itemId: string; userId: string; kind: InterestKind };

/** What registerMeetingRoom provides. */
export type MeetingRoomNotifier = { meetingChanged(meetingId: string): Promise<void> };

export class MeetingEvents {
  private room: MeetingRoomNotifier | null = null;
  private readonly declarationListeners = new Set<(event: DeclarationMade) => void | Promise<void>>();

  attach(room: MeetingRoomNotifier) {
    this.room = room;
  }

  /**
   * After an HTTP action changed a meeting: everyone in its room gets the fresh state
   * (and, when it has just opened, the people already in the room are marked present).
   */
  async meetingChanged(meetingId: string): Promise<void> {
    await this.room?.meetingChanged(meetingId);
  }

  /** Calls `listener` after each declaration of interest made in the room; returns the way to stop. */
  onDeclaration(listener: (event: DeclarationMade) => void | Promise<void>): () => void {
    this.declarationListeners.add(listener);
    return () => this.declarationListeners.delete(listener);
  }

  /** For the room: tells every listener, whose failures are logged, never thrown back at the declarer. */
  async declarationMade(event: DeclarationMade, onError: (error: unknown) => void): Promise<void> {
    await Promise.all(
      [...this.declarationListeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          onError(error);
        }
      }),
    );
  }
}

// Who may not write which items' minutes is read in one place, beside the rule that uses it.
export { loadMinuteRestrictions } from "../../meetings/minute-restrictions";
