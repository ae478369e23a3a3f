import { hasRole, inOrganisation, type Principal } from "./principal";

type Organisation = { id: string };

/**
 * read: which months are published and what each still lacks: everyone in the
 * organisation and its API tokens (the same as reading figures).
 * publish: the performance team (admins), or an API token of the system that runs the
 * reporting timetable. Both are audited.
 * setTimetable: when figures and commentaries are due: admins only (a person answers
 * for the timetable; a token does not set it).
 */
export const reportingMonthPolicy = {
  read: (p: Principal, org: Organisation) => inOrganisation(p, org.id),
  publish: (p: Principal, org: Organisation) => inOrganisation(p, org.id) && (p.kind === "api-token" || hasRole(p, "admin")),
  setTimetable: (p: Principal, org: Organisation) => inOrganisation(p, org.id) && hasRole(p, "admin"),
} as const;
