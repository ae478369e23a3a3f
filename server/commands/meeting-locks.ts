import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { isBeforeOpening } from "../../app/shared/meetings/meeting-stage";
import { meetings, type Meeting } from "../../db/schema/meetings";
import { CommandError } from "./errors";

/**
 * The meeting, locked for the rest of the transaction so that two clerks changing the
 * same agenda at once (a drag here, an added item there) take turns.
 */
export async function lockMeeting(tx: Database, organisationId: string, meetingId: string): Promise<Meeting> {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.organisationId, organisationId)))
    .limit(1)
    .for("update");
  if (!meeting) throw new CommandError("That meeting does not exist in this organisation", "meetingId");
  return meeting;
}

/** The meeting, locked, provided it has not opened yet (the clerk may still change its agenda and expected attendance); otherwise the refusal given. */
export async function lockMeetingBeforeItOpens(
  tx: Database,
  organisationId: string,
  meetingId: string,
  refusal: string,
): Promise<Meeting> {
  const meeting = await lockMeeting(tx, organisationId, meetingId);
  if (!isBeforeOpening(meeting)) throw new CommandError(refusal, "form");
  return meeting;
}
