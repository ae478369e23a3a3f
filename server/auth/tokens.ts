import { createHash, randomBytes } from "node:crypto";

/** A secret for a cookie, a one-time link or an API token: only its hash is stored. */
export function newSecretToken(prefix = ""): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
