import { z } from "zod";
import { collabDocumentNameSchema } from "../../../app/shared/collab/document-names";
import type { Database } from "../../../db/client";
import { collabDocumentPolicy } from "../../policies/collab-document-policy";
import type { Principal } from "../../policies/principal";
import { mintCollabToken } from "./collab-token";
import type { ResolverRegistry } from "./document-resolvers";
import { createPostgresStorage } from "./document-storage";

export const collabTokenRequestSchema = z.object({
  document: collabDocumentNameSchema,
  /** Defaults to the most the principal may do. */
  access: z.enum(["read", "write"]).optional(),
});

export type CollabTokenRequest = z.infer<typeof collabTokenRequestSchema>;

export type IssueOutcome =
  | { ok: true; token: string; expiresAt: Date; document: string; access: "read" | "write" }
  | { ok: false; status: 403 | 404; error: string };

/**
 * Mints a token for one document and one access level, after the same policy the
 * upgrade applies. A document of another organisation, or one that does not exist,
 * is 404 like every other path outside the caller's organisation.
 */
export async function issueCollabToken(
  deps: { db: Database; sessionSecret: string; resolvers: ResolverRegistry },
  principal: Principal,
  input: CollabTokenRequest,
): Promise<IssueOutcome> {
  const { document } = input;
  const owner = await deps.resolvers.resolve(deps.db, document);
  if (!owner || owner.organisationId !== principal.organisationId) return { ok: false, status: 404, error: "Not found" };
  const frozenAt = await createPostgresStorage(deps.db).frozenAt(document.name);
  const subject = { type: document.type, ...owner, frozenAt };
  const allowed = collabDocumentPolicy.access(principal, subject);
  if (!allowed) return { ok: false, status: 404, error: "Not found" };
  const access = input.access ?? allowed;
  if (access === "write" && allowed !== "write") {
    const error = frozenAt
      ? "This document is frozen: nobody can edit it any more"
      : "Your role does not allow editing this document";
    return { ok: false, status: 403, error };
  }
  const { token, expiresAt } = mintCollabToken(deps.sessionSecret, {
    document: document.name,
    access,
    organisationId: owner.organisationId,
    subject:
      principal.kind === "user" ? { kind: "user", userId: principal.userId } : { kind: "api-token", tokenId: principal.tokenId },
  });
  return { ok: true, token, expiresAt, document: document.name, access };
}

/** Where the provider connects: `new WebsocketProvider(serverUrl, document, doc, { params: { token } })`. */
export function collabServerUrl(publicUrl: string | undefined, request: Request): string {
  const base = new URL(publicUrl ?? request.url);
  return `${base.protocol === "https:" ? "wss:" : "ws:"}//${base.host}/collab`;
}
