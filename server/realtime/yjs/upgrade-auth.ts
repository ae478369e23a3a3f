import type { IncomingMessage } from "node:http";
import { and, eq } from "drizzle-orm";
import { ACK_QUERY_PARAMETER } from "../../../app/shared/collab/committed-message";
import { parseDocumentName, type CollabDocumentName } from "../../../app/shared/collab/document-names";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import type { Database } from "../../../db/client";
import { apiTokens, memberships, users } from "../../../db/schema/identity";
import { readSessionToken } from "../../auth/session-cookie";
import { usableApiToken } from "../../commands/api-token-creator";
import { findSession } from "../../auth/sessions";
import type { HeldSession } from "../live-sessions";
import { isAllowedOrigin } from "../../http/origin-check";
import { collabDocumentPolicy, type CollabAccess } from "../../policies/collab-document-policy";
import type { Principal } from "../../policies/principal";
import type { ConnectionIdentity } from "./collab-connection";
import { verifyCollabToken, type CollabTokenSubject } from "./collab-token";
import type { ResolverRegistry } from "./document-resolvers";
import type { CollabStorage } from "./document-storage";

export const COLLAB_PATH_PREFIX = "/collab/";

export type UpgradeDecision =
  | {
      ok: true;
      document: CollabDocumentName;
      organisationId: string;
      access: CollabAccess;
      identity: ConnectionIdentity;
      /** Who holds the connection, to check their access again while it is open. */
      subject: CollabTokenSubject;
      wantsAcknowledgements: boolean;
      /** The session of the cookie that opened it (none for a token): the connection ends with it. */
      session: HeldSession | null;
    }
  | { ok: false; code: number; reason: string };

export type UpgradeAuthDeps = {
  db: Database;
  sessionSecret: string;
  publicUrl: string | undefined;
  resolvers: ResolverRegistry;
  storage: CollabStorage;
};

const refuse = (code: number, reason: string): UpgradeDecision => ({ ok: false, code, reason });
const FORBIDDEN = "You cannot open this document (it does not exist or is not yours to open)";

/**
 * Decides an upgrade to /collab/<document>, in the order a client can act on:
 * a bad name (4400), no identity (4401), no right to the document (4403). A missing
 * document and another organisation's document get the same 4403, so names cannot
 * be probed. Identity is a `?token=` from POST /api/v1/o/:org/collab-tokens, or the
 * session cookie of a page on an allowed Origin.
 */
export async function decideUpgrade(request: IncomingMessage, deps: UpgradeAuthDeps): Promise<UpgradeDecision> {
  const url = new URL(request.url ?? "/", "http://localhost");
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.slice(COLLAB_PATH_PREFIX.length));
  } catch {
    return refuse(CLOSE_CODES.badMessage, "Unknown document name");
  }
  const document = parseDocumentName(name);
  if (!document) return refuse(CLOSE_CODES.badMessage, "Unknown document name");

  const token = url.searchParams.get("token");
  let who: { subject: CollabTokenSubject; requested: CollabAccess | null; organisationId: string | null } | null;
  let session: HeldSession | null = null;
  if (token !== null) {
    const check = verifyCollabToken(deps.sessionSecret, token, document.name);
    if (!check.ok) return refuse(CLOSE_CODES.unauthenticated, "The document token is not valid or has expired");
    who = { subject: check.claims.subject, requested: check.claims.access, organisationId: check.claims.organisationId };
  } else {
    const { origin, host, cookie } = request.headers;
    if (!isAllowedOrigin(origin, host, deps.publicUrl)) return refuse(CLOSE_CODES.forbidden, "This site may not open documents");
    const sessionToken = await readSessionToken(deps.sessionSecret, cookie);
    const found = sessionToken ? await findSession(deps.db, sessionToken) : null;
    session = found && { sessionId: found.sessionId, userId: found.user.id, expiresAt: found.expiresAt };
    who = found ? { subject: { kind: "user", userId: found.user.id }, requested: null, organisationId: null } : null;
  }
  if (!who) return refuse(CLOSE_CODES.unauthenticated, "Sign in to open this document");

  // Asked of the database together: the owner, whether the document is frozen and, for a
  // token, its holder in the organisation it names (checked against the owner below).
  const { organisationId: claimedOrganisationId } = who;
  const [owner, frozenAt, principalInClaimedOrganisation] = await Promise.all([
    deps.resolvers.resolve(deps.db, document),
    deps.storage.frozenAt(document.name),
    claimedOrganisationId !== null ? findPrincipal(deps.db, who.subject, claimedOrganisationId) : null,
  ]);
  if (!owner || (claimedOrganisationId !== null && claimedOrganisationId !== owner.organisationId)) {
    return refuse(CLOSE_CODES.forbidden, FORBIDDEN);
  }
  const found =
    claimedOrganisationId !== null
      ? principalInClaimedOrganisation
      : await findPrincipal(deps.db, who.subject, owner.organisationId);
  if (!found) {
    // A token whose holder has left (or was revoked) is an identity that no longer exists.
    return who.requested
      ? refuse(CLOSE_CODES.unauthenticated, "The document token is no longer valid")
      : refuse(CLOSE_CODES.forbidden, FORBIDDEN);
  }
  const subject = { type: document.type, ...owner, frozenAt };
  const allowed = collabDocumentPolicy.access(found.principal, subject);
  if (!allowed) return refuse(CLOSE_CODES.forbidden, FORBIDDEN);
  // Freezing turns writers into readers; a role too low to write is refused outright when writing was asked for.
  if (who.requested === "write" && !collabDocumentPolicy.write(found.principal, { ...subject, frozenAt: null })) {
    return refuse(CLOSE_CODES.forbidden, "Your role does not allow editing this document");
  }
  const access: CollabAccess = who.requested === "read" ? "read" : allowed;
  return {
    ok: true,
    document,
    organisationId: owner.organisationId,
    access,
    identity: found.identity,
    subject: who.subject,
    wantsAcknowledgements: url.searchParams.get(ACK_QUERY_PARAMETER) === "1",
    session,
  };
}

/**
 * What the holder of an open connection may do with the document now (frozen aside,
 * which the document itself enforces): a role lowered or a membership ended since the
 * upgrade takes effect on the next check. Null: no access at all.
 */
export async function currentAccess(
  deps: Pick<UpgradeAuthDeps, "db" | "resolvers">,
  documentName: string,
  subject: CollabTokenSubject,
): Promise<CollabAccess | null> {
  const document = parseDocumentName(documentName);
  const owner = document ? await deps.resolvers.resolve(deps.db, document) : null;
  if (!document || !owner) return null;
  const found = await findPrincipal(deps.db, subject, owner.organisationId);
  if (!found) return null;
  return collabDocumentPolicy.access(found.principal, { type: document.type, ...owner, frozenAt: null }) || null;
}

/** The token's or session's holder as a principal of the document's organisation, now. */
async function findPrincipal(
  db: Database,
  subject: CollabTokenSubject,
  organisationId: string,
): Promise<{ principal: Principal; identity: ConnectionIdentity } | null> {
  if (subject.kind === "user") {
    const [row] = await db
      .select({ name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.userId, subject.userId), eq(memberships.organisationId, organisationId)))
      .limit(1);
    if (!row) return null;
    return {
      principal: { kind: "user", userId: subject.userId, organisationId, role: row.role },
      identity: { userId: subject.userId, key: subject.userId, name: row.name, role: row.role },
    };
  }
  const [row] = await db
    .select({ name: apiTokens.name })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, subject.tokenId), eq(apiTokens.organisationId, organisationId), usableApiToken(new Date())))
    .limit(1);
  if (!row) return null;
  return {
    principal: { kind: "api-token", tokenId: subject.tokenId, organisationId },
    identity: { userId: null, key: subject.tokenId, name: `API token “${row.name}”`, role: "api-token" },
  };
}
