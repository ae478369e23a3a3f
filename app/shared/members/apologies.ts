import { z } from "zod";
import { ATTENDANCE_LABELS } from "../meetings/labels";
import { typedText } from "../typed-text";
import type { AttendanceState, MeetingStatus } from "../vocabulary";

/*
 * Apologies a member sends for a meeting of a body they sit on. They are the attendance
 * register's "apologies", with the member's reason: the clerk sees them at once, the
 * register starts from them, and the minuted record lists them as before. One set of
 * rules for the member's page, the command and the clerk's pages.
 */

export const APOLOGY_REASON_MAX = 500;

export const apologiesSchema = z.object({
  reason: typedText()
    .trim()
    .min(1, "Say why you cannot come, for example “Away on holiday”")
    .max(APOLOGY_REASON_MAX, `Keep the reason under ${APOLOGY_REASON_MAX} characters`),
});

/** Apologies may be sent (and withdrawn) until the meeting closes. */
const OPEN_TO_APOLOGIES: readonly MeetingStatus[] = ["draft", "agenda_published", "in_session"];

export type AttendeeState = { attendance: AttendanceState } | null;

/** Why apologies cannot be sent now, or null when they can. */
export function apologiesRefusal(status: MeetingStatus, attendee: AttendeeState): string | null {
  if (!OPEN_TO_APOLOGIES.includes(status)) return "The meeting has closed: apologies can no longer be sent";
  // Present, even if since gone: the record keeps that they came (leaving is recorded as leaving).
  if (attendee?.attendance === "present") return "You are recorded as present at this meeting";
  return null;
}

/** Why apologies cannot be withdrawn now, or null when they can. */
export function withdrawalRefusal(status: MeetingStatus, attendee: AttendeeState): string | null {
  if (!OPEN_TO_APOLOGIES.includes(status)) return "The meeting has closed: its attendance is for the clerk to correct";
  if (attendee?.attendance !== "apologies") return "You have not sent apologies for this meeting";
  return null;
}

/**
 * Whether `viewer` may read the reason given with `apologiser`'s apologies. A reason may be
 * personal (an illness, a family matter): the clerk, who keeps the register, reads it,
 * and so does the member who gave it; everyone else, in the room and on the meeting
 * page, sees only that apologies were sent. The minuted record lists names only.
 */
export function mayReadApologyReason(
  viewer: { keepsTheRegister: boolean; userId: string | null },
  apologiserId: string | null,
): boolean {
  return viewer.keepsTheRegister || (viewer.userId !== null && viewer.userId === apologiserId);
}

/** The attendance as the clerk's pages show it: "Apologies sent (Away on holiday)". */
export function describeAttendance(attendance: AttendanceState, apologyReason: string): string {
  if (attendance === "apologies" && apologyReason) return `Apologies sent (${apologyReason})`;
  return ATTENDANCE_LABELS[attendance];
}
