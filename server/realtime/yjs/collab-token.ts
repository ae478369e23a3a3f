import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { CollabAccess } from "../../policies/collab-document-policy";

/**
 * Short-lived, document-scoped tokens for clients that have no session cookie (scripts,
 * other services, a desktop client): `ws://host/collab/<document>?token=...`.
 * Format: base64url(JSON claims) "." base64url(HMAC-SHA256(claims, secret)).
 * The token is a bearer credential: it is never logged, and it only opens the
 * connection (the upgrade checks the holder's current role again).
 */
export const COLLAB_TOKEN_SECONDS = 300;

export type CollabTokenSubject = { kind: "user"; userId: string } | { kind: "api-token"; tokenId: string };

export type CollabTokenClaims = {
  document: string;
  access: CollabAccess;
  organisationId: string;
  subject: CollabTokenSubject;
  /** Seconds since the epoch. */
  expiresAt: number;
};

const claimsSchema = z.object({
  v: z.literal(1),
  doc: z.string().max(200),
  acc: z.enum(["read", "write"]),
  org: z.string().uuid(),
  sub: z.union([
    z.object({ kind: z.literal("user"), userId: z.string().uuid() }),
    z.object({ kind: z.literal("api-token"), tokenId: z.string().uuid() }),
  ]),
  exp: z.number().int(),
});

const SIGNING_CONTEXT = "minuted.collab-token.v1:";

function sign(payload: string, secret: string): Buffer {
  // The context string keeps these signatures distinct from any other HMAC made with the session secret.
  return createHmac("sha256", secret)
    .update(SIGNING_CONTEXT + payload)
    .digest();
}

export function mintCollabToken(
  secret: string,
  claims: Omit<CollabTokenClaims, "expiresAt">,
  now = new Date(),
  lifetimeSeconds = COLLAB_TOKEN_SECONDS,
): { token: string; expiresAt: Date } {
  const expiresAt = Math.floor(now.getTime() / 1000) + lifetimeSeconds;
  const payload = Buffer.from(
    JSON.stringify({
      v: 1,
      doc: claims.document,
      acc: claims.access,
      org: claims.organisationId,
      sub: claims.subject,
      exp: expiresAt,
    }),
  ).toString("base64url");
  return { token: `${payload}.${sign(payload, secret).toString("base64url")}`, expiresAt: new Date(expiresAt * 1000) };
}

export type CollabTokenCheck =
  { ok: true; claims: CollabTokenClaims } | { ok: false; reason: "malformed" | "bad signature" | "expired" | "other document" };

/** Checks the signature first, then the expiry and that the token names this document. */
export function verifyCollabToken(secret: string, token: string, document: string, now = new Date()): CollabTokenCheck {
  if (token.length > 2048) return { ok: false, reason: "malformed" };
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const expected = sign(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad signature" };
  let parsed;
  try {
    parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const claims = parsed.data;
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  if (claims.doc !== document) return { ok: false, reason: "other document" };
  return {
    ok: true,
    claims: { document: claims.doc, access: claims.acc, organisationId: claims.org, subject: claims.sub, expiresAt: claims.exp },
  };
}
