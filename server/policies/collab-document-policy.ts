import type { CollabDocumentType } from "../../app/shared/collab/document-names";
import type { Role } from "../../db/schema/identity";
import { commentaryPolicy } from "./commentary-policy";
import { hasRole, inOrganisation, type Principal } from "./principal";

/** A shared document as the policy sees it: its type, owner and whether it is frozen. */
export type CollabDocumentSubject = {
  type: CollabDocumentType;
  organisationId: string;
  frozenAt: Date | null;
  /** For an exception commentary: the indicator's owner and manager. */
  ownerUserId?: string | null;
  managerUserId?: string | null;
};

/**
 * Exception commentaries and cover reports are written by officers (and admins); the
 * minutes of a meeting by any member who attends. Viewers read.
 */
const WRITE_ROLE: Record<CollabDocumentType, Role> = {
  exception: "officer",
  report: "officer",
  meeting: "member",
};

export type CollabAccess = "read" | "write";

/**
 * read: any member of the document's organisation (viewers included), and that
 *   organisation's API tokens.
 * write: the role of WRITE_ROLE or above, and nobody once the document is frozen; an
 *   exception commentary follows the commentary rule (the indicator's owner or manager
 *   if an officer, or an admin), so that the server enforces what the page shows.
 *   API tokens have no role, so they read only: every edit has a person behind it.
 */
export const collabDocumentPolicy = {
  read: (p: Principal, doc: CollabDocumentSubject) => inOrganisation(p, doc.organisationId),
  write: (p: Principal, doc: CollabDocumentSubject) =>
    inOrganisation(p, doc.organisationId) &&
    doc.frozenAt === null &&
    hasRole(p, WRITE_ROLE[doc.type]) &&
    (doc.type !== "exception" ||
      commentaryPolicy.write(p, {
        organisationId: doc.organisationId,
        ownerUserId: doc.ownerUserId ?? null,
        managerUserId: doc.managerUserId ?? null,
      })),
  /** The most the principal may do with the document, or null when not even read. */
  access(p: Principal, doc: CollabDocumentSubject): CollabAccess | null {
    if (this.write(p, doc)) return "write";
    return this.read(p, doc) ? "read" : null;
  },
} as const;
