import type { MeetingStatus } from "../../db/schema/meetings";
import type { Seat } from "./meeting-policy";
import { hasRole, inOrganisation, type Principal } from "./principal";

type MeetingSubject = { organisationId: string; status: MeetingStatus };

const beforeTheMeeting = (m: MeetingSubject) => m.status === "draft" || m.status === "agenda_published";

/**
 * Packs. Everyone in the organisation reads them; officers (the clerk, the performance
 * team) publish the agenda pack before the meeting and freeze the minuted pack once it
 * has closed; the chair of the meeting that approves the minutes signs them.
 */
export const packPolicy = {
  view: (p: Principal, subject: { organisationId: string }) => inOrganisation(p, subject.organisationId),
  publishAgenda: (p: Principal, m: MeetingSubject) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "officer") && beforeTheMeeting(m),
  freezeMinutes: (p: Principal, m: MeetingSubject) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "officer") && m.status === "closed",
  /** On the approving meeting, in session: its chair or vice-chair in the chair. */
  signMinutes: (p: Principal, approving: MeetingSubject, seat: Seat) =>
    inOrganisation(p, approving.organisationId) &&
    p.kind === "user" &&
    approving.status === "in_session" &&
    (seat?.position === "chair" || seat?.position === "vice_chair"),
};
