import { meetingRoles, type Seat } from "./meeting-roles";
import { hasRole, inOrganisation, type Principal } from "./principal";

type InOrganisation = { organisationId: string };

/**
 * What members do for themselves (apologies, their register of interests, their papers).
 *
 * - sendApologies: a person (member or above, never a viewer or an API token) who holds a
 *   seat on the meeting's body, for themselves only.
 * - keepRegister: a person of the organisation, member or above, keeps their own register.
 * - viewRegisters: the clerk (officers and admins) reads everyone's register.
 * - viewPapers: anyone signed in to the organisation lists the papers of their meetings.
 */
export const memberPolicy = {
  sendApologies: (p: Principal, m: InOrganisation, seat: Seat) =>
    inOrganisation(p, m.organisationId) && hasRole(p, "member") && seat !== null,
  keepRegister: (p: Principal, org: InOrganisation) => inOrganisation(p, org.organisationId) && hasRole(p, "member"),
  viewRegisters: (p: Principal, org: InOrganisation) => meetingRoles.clerk(p, org),
  viewPapers: (p: Principal, org: InOrganisation) => inOrganisation(p, org.organisationId) && p.kind === "user",
} as const;
