import { hasRole, inOrganisation, type Principal } from "./principal";

/** What the figure rules need to know about the indicator a figure belongs to. */
export type FigureIndicator = {
  organisationId: string;
  /** The accountable officer. */
  ownerUserId: string | null;
  /** The responsible officer, who normally enters the monthly figure. */
  managerUserId: string | null;
};

/** True when the principal is a signed-in person named on the indicator as its owner or manager. */
function isOwnerOrManager(p: Principal, indicator: FigureIndicator): boolean {
  return p.kind === "user" && (p.userId === indicator.ownerUserId || p.userId === indicator.managerUserId);
}

const read = (p: Principal, indicator: FigureIndicator) => inOrganisation(p, indicator.organisationId);

/**
 * The indicator's owner or manager (if at least an officer) or any admin (the
 * performance team, who collate and correct figures). Members and viewers read only;
 * API tokens do not enter figures one at a time (they import).
 */
const enter = (p: Principal, indicator: FigureIndicator) =>
  inOrganisation(p, indicator.organisationId) &&
  (hasRole(p, "admin") || (hasRole(p, "officer") && isOwnerOrManager(p, indicator)));

/**
 * Figures of an indicator:
 * - read: any member of the organisation (viewers included) and its API tokens;
 * - enter: enter or change an unverified figure (see `enter` above);
 * - verify: mark a figure as checked (data quality belongs to the performance team: admins);
 * - correct: change a figure that was verified: the same people as enter, and only with a reason.
 */
export const figurePolicy = {
  read,
  enter,
  verify: (p: Principal, indicator: FigureIndicator) => inOrganisation(p, indicator.organisationId) && hasRole(p, "admin"),
  correct: (p: Principal, indicator: FigureIndicator, change: { reason: string | null | undefined }) =>
    enter(p, indicator) && Boolean(change.reason?.trim()),
} as const;

/** The answers the indicator page needs, computed on the server and sent to the browser. */
export function figurePermissions(p: Principal, indicator: FigureIndicator) {
  return {
    read: figurePolicy.read(p, indicator),
    enter: figurePolicy.enter(p, indicator),
    verify: figurePolicy.verify(p, indicator),
  };
}
