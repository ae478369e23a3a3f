import { hasRole, inOrganisation, type Principal } from "./principal";

type Organisation = { id: string };

/**
 * readFigures: scorecards, indicator pages and the JSON API: every member (viewers
 * included) and the organisation's API tokens.
 * importData: the performance team (admins) and API tokens of housing-management systems.
 * manageLibrary: the library's pages (areas, indicators): the performance team (admins) in person.
 */
export const performanceDataPolicy = {
  readFigures: (p: Principal, org: Organisation) => inOrganisation(p, org.id),
  importData: (p: Principal, org: Organisation) => inOrganisation(p, org.id) && (p.kind === "api-token" || hasRole(p, "admin")),
  manageLibrary: (p: Principal, org: Organisation) => inOrganisation(p, org.id) && hasRole(p, "admin"),
} as const;
