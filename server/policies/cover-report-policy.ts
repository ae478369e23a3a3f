import type { MeetingStatus } from "../../db/schema/meetings";
import { meetingRoles } from "./meeting-roles";
import { inOrganisation, type Principal } from "./principal";

/** What the cover report rules need to know about the meeting the report item is on. */
export type CoverReportMeeting = { organisationId: string; status: MeetingStatus };

/**
 * Cover reports (one per report item, its words in the shared document `report:<id>`):
 *
 * - read: anyone of the organisation, viewers and API tokens included.
 * - start: the clerk (officers and admins: a report's author is an officer), until the
 *   meeting opens (meetingRoles); once it has, a report item without a cover report goes to the meeting without one.
 *
 * Who writes the words, and that nobody does once the pack is frozen, is the shared
 * document's rule (collabDocumentPolicy, type "report"), enforced by the collab server.
 */
export const coverReportPolicy = {
  read: (p: Principal, m: CoverReportMeeting) => inOrganisation(p, m.organisationId),
  start: (p: Principal, m: CoverReportMeeting) => meetingRoles.clerk(p, m) && meetingRoles.beforeOpening(m),
} as const;
