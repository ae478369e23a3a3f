import type { MinutesMode } from "../../app/shared/vocabulary";
import type { InterestKind, MeetingStatus } from "../../db/schema/meetings";
import { meetingRoles, type Seat } from "./meeting-roles";
import { hasRole, inOrganisation, type Principal } from "./principal";

/** What the meeting rules need to know about a meeting. */
export type MeetingSubject = { organisationId: string; status: MeetingStatus };

const isUser = (p: Principal) => p.kind === "user";

/**
 * Meetings, their agendas and the live session room.
 *
 * - view: anyone of the organisation (viewers and API tokens included).
 * - manage: the clerk (meetingRoles.clerk: officers and admins): create meetings and
 *   bodies, record attendance, open and close the meeting, enter a show-of-hands count.
 * - editAgenda: the clerk, before the meeting opens (meetingRoles.beforeOpening).
 * - chair: meetingRoles.chair (the body's chair or vice-chair, and admins): move between
 *   items, call speakers, propose resolutions and close votes. Viewers never, whatever
 *   seat they were given.
 * - participate: members and above may raise a hand, declare an interest and write
 *   minutes; viewers watch.
 * - vote: a seated member of the body, present, with no interest declared on the item.
 */
export const meetingPolicy = {
  view: (p: Principal, m: MeetingSubject) => inOrganisation(p, m.organisationId),
  manage: (p: Principal, m: MeetingSubject) => meetingRoles.clerk(p, m),
  editAgenda: (p: Principal, m: MeetingSubject) => meetingRoles.clerk(p, m) && meetingRoles.beforeOpening(m),
  chair: (p: Principal, m: MeetingSubject, seat: Seat) => meetingRoles.chair(p, m, seat),
  participate: (p: Principal, m: MeetingSubject) => inOrganisation(p, m.organisationId) && isUser(p) && hasRole(p, "member"),
  vote: (p: Principal, m: MeetingSubject, seat: Seat, context: { present: boolean; declared: InterestKind | null }) =>
    inOrganisation(p, m.organisationId) &&
    hasRole(p, "member") &&
    m.status === "in_session" &&
    seat !== null &&
    context.present &&
    context.declared === null,
  /**
   * The minutes of an item: the clerk; where the body lets everyone write, anyone who
   * participates. Never someone who declared an interest on the item.
   */
  writeMinutes: (p: Principal, m: MeetingSubject, declared: InterestKind | null, mode: MinutesMode) =>
    inOrganisation(p, m.organisationId) &&
    hasRole(p, "member") &&
    declared === null &&
    m.status !== "minutes_approved" &&
    (mode === "everyone" || meetingRoles.clerk(p, m)),
  /** Suggest wording beside an item's minutes: a participant while the clerk holds the pen. */
  suggestMinutes: (p: Principal, m: MeetingSubject, declared: InterestKind | null, mode: MinutesMode) =>
    meetingPolicy.participate(p, m) &&
    mode === "clerk" &&
    !meetingRoles.clerk(p, m) &&
    declared === null &&
    m.status === "in_session",
  /**
   * Remove what the meeting agreed from the record (an agreed action) and accept or
   * dismiss suggestions: the clerk or the chair only.
   */
  removeRecordEntries: (p: Principal, m: MeetingSubject, seat: Seat) =>
    (meetingRoles.clerk(p, m) || meetingRoles.chair(p, m, seat)) && m.status !== "minutes_approved",
} as const;

/** Bodies (committees and panels): officers and admins set them up; everyone reads. */
export const bodyPolicy = {
  view: (p: Principal, body: { organisationId: string }) => inOrganisation(p, body.organisationId),
  manage: (p: Principal, body: { organisationId: string }) => meetingRoles.clerk(p, body),
} as const;

/**
 * The action log: everyone reads; officers and admins update any action; an action's
 * owner updates their own (a member who took an action on reports back on it).
 */
export const actionPolicy = {
  view: (p: Principal, a: { organisationId: string }) => inOrganisation(p, a.organisationId),
  /** Adding an action straight to the log, outside a meeting: the performance team and officers. */
  add: (p: Principal, org: { id: string }) => inOrganisation(p, org.id) && hasRole(p, "officer"),
  update: (p: Principal, a: { organisationId: string; ownerUserId: string | null }) =>
    inOrganisation(p, a.organisationId) &&
    (hasRole(p, "officer") ||
      (hasRole(p, "member") && p.kind === "user" && a.ownerUserId !== null && p.userId === a.ownerUserId)),
} as const;

/** The answers a meeting page needs, computed on the server and sent to the browser. */
export function meetingPermissions(p: Principal, m: MeetingSubject, seat: Seat) {
  return {
    manage: meetingPolicy.manage(p, m),
    editAgenda: meetingPolicy.editAgenda(p, m),
    chair: meetingPolicy.chair(p, m, seat),
    participate: meetingPolicy.participate(p, m),
  };
}
