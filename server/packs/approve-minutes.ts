import { and, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agendaItems, meetings, motions, type Meeting } from "../../db/schema/meetings";
import { minutesApprovals, packs, packVersions } from "../../db/schema/packs";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "../commands/errors";

/*
 * Approving the minutes of the last meeting: at the next meeting, under "Minutes of the
 * last meeting", the members vote that they are a correct record; the chair then signs
 * them, which records who signed, when, on which motion, and the hash of the minuted
 * pack version signed, and shows the earlier meeting's minutes as approved.
 */

/** The body's meeting before this one: the one whose minutes this meeting approves. */
export async function previousMeetingOf(db: Database, meeting: Pick<Meeting, "bodyId" | "startsAt">) {
  const [previous] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), lt(meetings.startsAt, meeting.startsAt)))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return previous ?? null;
}

/** The latest version of a meeting's minuted pack, or null when none has been frozen. */
export async function latestMinutesVersion(db: Database, meetingId: string) {
  const [row] = await db
    .select({ packId: packs.id, versionId: packVersions.id, version: packVersions.version, sha256: packVersions.sha256 })
    .from(packs)
    .innerJoin(packVersions, eq(packVersions.packId, packs.id))
    .where(and(eq(packs.meetingId, meetingId), eq(packs.kind, "minutes")))
    .orderBy(desc(packVersions.version))
    .limit(1);
  return row ?? null;
}

/** The carried motion on the item, latest first: the meeting's vote that the minutes are a correct record. */
export async function carriedApprovalMotion(db: Database, itemId: string) {
  const [motion] = await db
    .select()
    .from(motions)
    .where(and(eq(motions.agendaItemId, itemId), eq(motions.status, "carried")))
    .orderBy(desc(motions.closedAt))
    .limit(1);
  return motion ?? null;
}

export type SignInput = {
  /** The meeting in session that approves the minutes. */
  approving: Meeting;
  /** Its "Minutes of the last meeting" item. */
  itemId: string;
  signer: Actor & { userId: string; name: string };
};

export async function signMinutes(db: Database, input: SignInput) {
  const { approving, itemId, signer } = input;
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, approving.id)))
      .limit(1);
    if (!item || item.kind !== "previous_minutes")
      throw new CommandError("Minutes are signed under the item “Minutes of the last meeting”");
    const previous = await previousMeetingOf(tx, approving);
    if (!previous) throw new CommandError("There is no earlier meeting of this body whose minutes could be approved");
    const [locked] = await tx.select().from(meetings).where(eq(meetings.id, previous.id)).for("update");
    const [already] = await tx.select().from(minutesApprovals).where(eq(minutesApprovals.meetingId, previous.id)).limit(1);
    if (already) return { approval: already, changed: false };
    if (locked.status !== "closed")
      throw new CommandError(
        "The last meeting’s minutes can be signed once the meeting has closed and its minuted pack is frozen",
      );
    const version = await latestMinutesVersion(tx, previous.id);
    if (!version)
      throw new CommandError("Freeze the minuted pack of the last meeting before it is approved: there is nothing to sign yet");
    const motion = await carriedApprovalMotion(tx, item.id);
    if (!motion) throw new CommandError("The meeting has not yet voted that the minutes are a correct record");
    const signedAt = new Date();
    const [approval] = await tx
      .insert(minutesApprovals)
      .values({
        organisationId: approving.organisationId,
        meetingId: previous.id,
        approvingMeetingId: approving.id,
        motionId: motion.id,
        packVersionId: version.versionId,
        sha256: version.sha256,
        signedBy: signer.userId,
        signedByName: signer.name,
        signedAt,
      })
      .returning();
    await tx.update(meetings).set({ status: "minutes_approved" }).where(eq(meetings.id, previous.id));
    await recordAudit(tx, {
      organisationId: approving.organisationId,
      actor: signer,
      action: "minutes.sign",
      subjectType: "meeting",
      subjectId: previous.id,
      after: { approvingMeetingId: approving.id, motionId: motion.id, packVersion: version.version, sha256: version.sha256 },
    });
    return { approval, changed: true };
  });
}
