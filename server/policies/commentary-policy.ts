import { hasRole, inOrganisation, type Principal } from "./principal";

/** What the commentary rules need to know about the indicator the commentary explains. */
export type CommentaryIndicator = {
  organisationId: string;
  /** The accountable officer, who answers for the indicator and signs the commentary off. */
  ownerUserId: string | null;
  /** The responsible officer, who normally writes the commentary. */
  managerUserId: string | null;
};

const isPerson = (p: Principal, userId: string | null): boolean => p.kind === "user" && userId !== null && p.userId === userId;

const read = (p: Principal, indicator: CommentaryIndicator) => inOrganisation(p, indicator.organisationId);

/**
 * Exception commentaries:
 * - read: any member of the organisation (viewers included) and its API tokens;
 * - write: officers who manage or own the indicator, and admins (the performance team);
 *   members and viewers read only; API tokens never write (every edit has a person);
 * - markReady / moveToDraft: the indicator's owner (if at least an officer) or an admin.
 *   The person who writes a commentary is not the one who signs it off, unless they
 *   also own the indicator.
 */
export const commentaryPolicy = {
  read,
  write: (p: Principal, indicator: CommentaryIndicator) =>
    inOrganisation(p, indicator.organisationId) &&
    (hasRole(p, "admin") ||
      (hasRole(p, "officer") && (isPerson(p, indicator.managerUserId) || isPerson(p, indicator.ownerUserId)))),
  markReady: (p: Principal, indicator: CommentaryIndicator) => signOff(p, indicator),
  moveToDraft: (p: Principal, indicator: CommentaryIndicator) => signOff(p, indicator),
} as const;

function signOff(p: Principal, indicator: CommentaryIndicator) {
  return (
    inOrganisation(p, indicator.organisationId) &&
    (hasRole(p, "admin") || (hasRole(p, "officer") && isPerson(p, indicator.ownerUserId)))
  );
}

/** The answers a commentary page needs, computed on the server and sent to the browser. */
export function commentaryPermissions(p: Principal, indicator: CommentaryIndicator) {
  return {
    read: commentaryPolicy.read(p, indicator),
    write: commentaryPolicy.write(p, indicator),
    markReady: commentaryPolicy.markReady(p, indicator),
    moveToDraft: commentaryPolicy.moveToDraft(p, indicator),
  };
}
