import type { InterestKind, MeetingStatus, SeatPosition } from "../../db/schema/meetings";
import { hasRole, inOrganisation, type Principal } from "./principal";

/** What the meeting rules need to know about a meeting. */
export type MeetingSubject = { organisationId: string; status: MeetingStatus };

/** The person's seat on the meeting's body, if they hold one. */
export type Seat = { position: SeatPosition } | null;

const isChairSeat = (seat: Seat) => seat?.position === "chair" || seat?.position === "vice_chair";
const isUser = (p: Principal) => p.kind === "user";
const editableAgenda = (m: MeetingSubject) => m.status === "draft" || m.status === "agenda_published";

/**
 * Meetings, their agendas and the live session room.
 *
 * - view: anyone of the organisation (viewers and API tokens included).
 * - manage: officers and admins act as clerk: create meetings and bodies, build the
 *   agenda (until the meeting opens), record attendance, open and close the meeting,
 *   enter a show-of-hands count.
 * - chair: the body's chair or vice-chair, and admins (the company secretary drives the
 *   meeting on the chair's instruction): move between items, call speakers, propose
 *   resolutions and close votes. Viewers never, whatever seat they were given.
 * - participate: members and above may raise a hand, declare an interest and write
 *   minutes; viewers watch.
 * - vote: a seated member of the body, present, with no interest declared on the item.
 */
export const meetingPolicy = {
  view: (p: Principal, m: MeetingSubject) => inOrganisation(p, m.organisationId),
  manage: (p: Principal, m: MeetingSubject) => inOrganisation(p, m.organisationId) && hasRole(p, "officer"),
  editAgenda: (p: Principal, m: MeetingSubject) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "officer") && editableAgenda(m),
  chair: (p: Principal, m: MeetingSubject, seat: Seat) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "member") && (isChairSeat(seat) || hasRole(p, "admin")),
  participate: (p: Principal, m: MeetingSubject) => inOrganisation(p, m.organisationId) && isUser(p) && hasRole(p, "member"),
  vote: (p: Principal, m: MeetingSubject, seat: Seat, context: { present: boolean; declared: InterestKind | null }) =>
    inOrganisation(p, m.organisationId) &&
    hasRole(p, "member") &&
    m.status === "in_session" &&
    seat !== null &&
    context.present &&
    context.declared === null,
  /** The minutes of an item: anyone who participates, unless they declared an interest on it. */
  writeMinutes: (p: Principal, m: MeetingSubject, declared: InterestKind | null) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "member") && declared === null && m.status !== "minutes_approved",
} as const;

/** Bodies (committees and panels): officers and admins set them up; everyone reads. */
export const bodyPolicy = {
  view: (p: Principal, body: { organisationId: string }) => inOrganisation(p, body.organisationId),
  manage: (p: Principal, body: { organisationId: string }) => inOrganisation(p, body.organisationId) && hasRole(p, "officer"),
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
