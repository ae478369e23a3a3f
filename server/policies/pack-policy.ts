import type { MeetingStatus } from "../../db/schema/meetings";
import { meetingRoles, type Seat } from "./meeting-roles";
import { inOrganisation, type Principal } from "./principal";

type MeetingSubject = { organisationId: string; status: MeetingStatus };

/**
 * Packs. Everyone in the organisation reads them; the clerk (meetingRoles.clerk: officers,
 * the performance team) publishes the agenda pack before the meeting opens and freezes the
 * minuted pack once it has closed; the seated chair (meetingRoles.seatedChair) of the
 * meeting that approves the minutes signs them, while that meeting is in session.
 */
export const packPolicy = {
  view: (p: Principal, subject: { organisationId: string }) => inOrganisation(p, subject.organisationId),
  publishAgenda: (p: Principal, m: MeetingSubject) => meetingRoles.clerk(p, m) && meetingRoles.beforeOpening(m),
  freezeMinutes: (p: Principal, m: MeetingSubject) => meetingRoles.clerk(p, m) && m.status === "closed",
  /** On the approving meeting, in session: its chair or vice-chair, a member or above, in person. */
  signMinutes: (p: Principal, approving: MeetingSubject, seat: Seat) =>
    meetingRoles.seatedChair(p, approving, seat) && approving.status === "in_session",
};
