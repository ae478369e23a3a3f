import type { Database } from "../../../db/client";
import { findAttendee, findMeetingWithPerson, type MeetingWithPerson } from "../../../db/queries/meetings";
import type { MinutesMode } from "../../../app/shared/vocabulary";
import type { Role } from "../../../db/schema/identity";
import type { InterestKind, Meeting, MemberKind, SeatPosition } from "../../../db/schema/meetings";
import type { SessionUser } from "../../auth/sessions";
import { CommandError } from "../../commands/errors";
import { meetingPolicy } from "../../policies/meeting-policy";
import { userPrincipal, type Principal } from "../../policies/principal";

/*
 * Who is acting in the session room, loaded again for every event: roles and seats can
 * change while a socket stays connected. A meeting of another organisation (or none)
 * is "not found", never "forbidden", so its existence is not given away.
 */

export const NOT_FOUND = "not found";

export type RoomActor = {
  user: SessionUser;
  meeting: Meeting;
  role: Role;
  principal: Principal;
  seat: { position: SeatPosition; memberKind: MemberKind } | null;
  /** The body's setting: whether the clerk holds the pen. */
  minutesMode: MinutesMode;
};

export async function loadActor(db: Database, meetingId: string, user: SessionUser): Promise<RoomActor> {
  return actorFrom(user, await findMeetingWithPerson(db, meetingId, user.id));
}

/** The person acting, from their meeting, role and seat as read; not found unless they may view the meeting. */
export function actorFrom(user: SessionUser, found: MeetingWithPerson | null | undefined): RoomActor {
  if (!found?.role) throw new CommandError(NOT_FOUND);
  const principal = userPrincipal(user.id, { id: found.meeting.organisationId, role: found.role });
  if (!meetingPolicy.view(principal, found.meeting)) throw new CommandError(NOT_FOUND);
  return { user, meeting: found.meeting, role: found.role, principal, seat: found.seat, minutesMode: found.minutesMode };
}

export function requireChair(actor: RoomActor) {
  if (!meetingPolicy.chair(actor.principal, actor.meeting, actor.seat))
    throw new CommandError("Only the chair or vice-chair can do that");
}

export function requireManage(actor: RoomActor) {
  if (!meetingPolicy.manage(actor.principal, actor.meeting))
    throw new CommandError("Only an officer acting as clerk can do that");
}

export function requireParticipate(actor: RoomActor) {
  if (!meetingPolicy.participate(actor.principal, actor.meeting)) {
    throw new CommandError("Your role lets you follow the meeting but not take part");
  }
}

export function requireInSession(actor: RoomActor) {
  if (actor.meeting.status !== "in_session") throw new CommandError("The meeting is not in session");
}

/** Present now: marked present and not since left. */
export async function isPresent(db: Database, meetingId: string, userId: string): Promise<boolean> {
  return presentBy(await findAttendee(db, meetingId, userId));
}

/** Whether an attendance row (if any) says present now: marked present and not since left. */
export function presentBy(attendee: { attendance: string; leftAt: Date | null } | null | undefined): boolean {
  return attendee?.attendance === "present" && attendee.leftAt === null;
}

/** Checks the vote rule, and when it refuses, says which part of it the person can act on. */
export function requireVote(actor: RoomActor, context: { present: boolean; declared: InterestKind | null }) {
  if (meetingPolicy.vote(actor.principal, actor.meeting, actor.seat, context)) return;
  throw new CommandError(voteRefusal(actor, context));
}

function voteRefusal(actor: RoomActor, context: { present: boolean; declared: InterestKind | null }): string {
  if (actor.meeting.status !== "in_session") return "The meeting is not in session";
  if (actor.role === "viewer") return "Your role lets you follow the meeting but not vote";
  if (!actor.seat) return "Only members of the body can vote";
  if (context.declared) return "You declared an interest in this item, so you cannot vote on it";
  if (!context.present) return "You are not recorded as present, so you cannot vote";
  return "You cannot vote on this motion";
}
