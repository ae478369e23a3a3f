import { hasRole, inOrganisation, type Principal } from "./principal";

type Organisation = { id: string };

/**
 * view: read the organisation's pages.
 * administer: members, invitations, password resets and API tokens (the performance team).
 */
export const organisationPolicy = {
  view: (p: Principal, org: Organisation) => inOrganisation(p, org.id),
  administer: (p: Principal, org: Organisation) => inOrganisation(p, org.id) && hasRole(p, "admin"),
} as const;
