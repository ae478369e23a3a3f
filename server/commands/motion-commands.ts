import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { countSeats, findAgendaItemOfMeeting, findMeetingById } from "../../db/queries/meetings";
import { motionVotes, motions, type VoteChoice, type VoteMethod } from "../../db/schema/meetings";
import { motionResult, tallyVotes, type Tally } from "../../app/shared/meetings/votes";
import { CommandError } from "./errors";
import { NOT_ON_AGENDA } from "./meeting-room-commands";

/*
 * Motions in the session room: proposed by the chair, voted on by name or counted by
 * the clerk after a show of hands, then closed (carried or lost) or withdrawn. Each
 * change locks the motion's row, so a vote and the close cannot cross.
 */

export const VOTING_CLOSED = "Voting on this motion has closed";

async function lockMotion(tx: Executor, motionId: string) {
  const [motion] = await tx.select().from(motions).where(eq(motions.id, motionId)).limit(1).for("update");
  if (!motion) throw new CommandError("not found");
  return motion;
}

/**
 * Puts a resolution to the meeting. Proposing the same wording on the same item while
 * it is still open returns that motion (a retried proposal adds nothing).
 */
export async function proposeMotion(
  db: Database,
  input: { meetingId: string; itemId: string; wording: string; method: VoteMethod; proposedBy: string },
): Promise<string> {
  if (!(await findAgendaItemOfMeeting(db, input.meetingId, input.itemId))) throw new CommandError(NOT_ON_AGENDA);
  const [same] = await db
    .select({ id: motions.id })
    .from(motions)
    .where(and(eq(motions.agendaItemId, input.itemId), eq(motions.wording, input.wording), eq(motions.status, "open")))
    .limit(1);
  if (same) return same.id;
  const [motion] = await db
    .insert(motions)
    .values({
      meetingId: input.meetingId,
      agendaItemId: input.itemId,
      wording: input.wording,
      method: input.method,
      proposedBy: input.proposedBy,
    })
    .returning({ id: motions.id });
  return motion.id;
}

/** A member's named vote; voting again while the motion is open changes their choice. */
export async function castVote(db: Database, input: { motionId: string; userId: string; choice: VoteChoice }): Promise<void> {
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, input.motionId);
    if (motion.status !== "open") throw new CommandError(VOTING_CLOSED);
    if (motion.method !== "named")
      throw new CommandError("This motion is decided by a show of hands: the clerk enters the count");
    await tx
      .insert(motionVotes)
      .values({ motionId: input.motionId, userId: input.userId, choice: input.choice })
      .onConflictDoUpdate({
        target: [motionVotes.motionId, motionVotes.userId],
        set: { choice: input.choice, castAt: new Date() },
      });
  });
}

/** The clerk's count after a show of hands; entering it again replaces it. */
export async function enterShowOfHandsCount(db: Database, input: { motionId: string; tally: Tally }): Promise<void> {
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, input.motionId);
    if (motion.status !== "open") throw new CommandError(VOTING_CLOSED);
    if (motion.method !== "show_of_hands") throw new CommandError("This is a named vote: members cast their own votes");
    const counted = input.tally.for + input.tally.against + input.tally.abstain;
    const meeting = await findMeetingById(tx, motion.meetingId);
    const seats = meeting ? await countSeats(tx, meeting.bodyId) : 0;
    if (counted > seats) throw new CommandError(`The count adds up to ${counted}, more than the ${seats} members of the body`);
    await tx
      .update(motions)
      .set({ votesFor: input.tally.for, votesAgainst: input.tally.against, abstentions: input.tally.abstain })
      .where(eq(motions.id, motion.id));
  });
}

/**
 * Closes the vote: carried or lost by a simple majority of the named votes or the
 * clerk's count (a tie is lost unless the chair gives a casting vote for it). Closing a
 * motion already closed or withdrawn changes nothing.
 */
export async function closeMotion(
  db: Database,
  input: { motionId: string; closedBy: string; castingVote?: "for" | "against" },
): Promise<void> {
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, input.motionId);
    if (motion.status !== "open") return;
    let tally: Tally;
    if (motion.method === "named") {
      const votes = await tx.select({ choice: motionVotes.choice }).from(motionVotes).where(eq(motionVotes.motionId, motion.id));
      tally = tallyVotes(votes.map((v) => v.choice));
    } else {
      if (motion.votesFor === null || motion.votesAgainst === null || motion.abstentions === null) {
        throw new CommandError("Enter the show-of-hands count before closing the vote");
      }
      tally = { for: motion.votesFor, against: motion.votesAgainst, abstain: motion.abstentions };
    }
    await tx
      .update(motions)
      .set({
        status: motionResult(tally, input.castingVote ?? null),
        votesFor: tally.for,
        votesAgainst: tally.against,
        abstentions: tally.abstain,
        closedBy: input.closedBy,
        closedAt: new Date(),
      })
      .where(eq(motions.id, motion.id));
  });
}

/** The chair withdraws a motion before the vote closes; withdrawing again changes nothing. */
export async function withdrawMotion(db: Database, input: { motionId: string; closedBy: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const motion = await lockMotion(tx, input.motionId);
    if (motion.status === "withdrawn") return;
    if (motion.status !== "open") throw new CommandError("The vote has closed: a decided motion cannot be withdrawn");
    await tx
      .update(motions)
      .set({ status: "withdrawn", closedBy: input.closedBy, closedAt: new Date() })
      .where(eq(motions.id, motion.id));
  });
}
