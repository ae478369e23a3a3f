import type { MeetingStatus } from "../vocabulary";

/**
 * The statuses of a meeting that has not opened yet. Until it opens, the clerk may change
 * its agenda, expected attendance and cover reports, and publish its agenda pack; the
 * seats of its body still decide who is expected. The one definition of "before the
 * meeting opens", for the policies, the commands (in SQL too) and the pages.
 */
export const BEFORE_OPENING_STATUSES = ["draft", "agenda_published"] as const satisfies readonly MeetingStatus[];

/** True while the meeting has not yet been opened (draft agenda, or agenda published). */
export function isBeforeOpening(meeting: { status: MeetingStatus }): boolean {
  return (BEFORE_OPENING_STATUSES as readonly MeetingStatus[]).includes(meeting.status);
}
