import type { AppServices } from "../services";
import type { CollabServer } from "../realtime/yjs/collab-server";
import { resolveMeeting } from "../realtime/yjs/document-resolvers";

/**
 * Puts the meeting record's rule on the collab server: whoever declared an interest on
 * an item cannot write its part of `meeting:<id>`. The declarations are read when a
 * connection to the meeting's document is authorised, so a document opened after a
 * declaration made on another instance knows of it too.
 */
export function registerMeetingRecord(
  collab: Pick<CollabServer, "registerResolver" | "registerEditGuard">,
  services: Pick<AppServices, "db" | "minuteRestrictions" | "meetingEvents">,
) {
  const { minuteRestrictions } = services;
  // A declaration made in the room takes effect on the record at once.
  services.meetingEvents.onDeclaration((event) => minuteRestrictions.refresh(event.meetingId));
  collab.registerResolver("meeting", async (db, document) => {
    const owner = await resolveMeeting(db, document);
    if (owner) await minuteRestrictions.refresh(document.meetingId);
    return owner;
  });
  collab.registerEditGuard("meeting", minuteRestrictions.guard);
}
