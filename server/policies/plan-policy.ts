import { hasRole, inOrganisation, type Principal } from "./principal";

/**
 * The golden thread (ADR 021): objectives, plans, their actions and the improvement log.
 *
 * - view: anyone of the organisation (viewers and API tokens included).
 * - recordProgress: officers and admins on any plan action; a member on an action they
 *   own (the responsible officer reports on their own action). Never a viewer or a token.
 * - logImprovement: officers and admins, the people who make and evidence the change.
 */
export const planPolicy = {
  view: (p: Principal, subject: { organisationId: string }) => inOrganisation(p, subject.organisationId),
  recordProgress: (p: Principal, action: { organisationId: string; ownerUserId: string | null }) =>
    inOrganisation(p, action.organisationId) &&
    p.kind === "user" &&
    (hasRole(p, "officer") || (hasRole(p, "member") && action.ownerUserId !== null && p.userId === action.ownerUserId)),
  logImprovement: (p: Principal, org: { id: string }) => inOrganisation(p, org.id) && hasRole(p, "officer"),
} as const;
