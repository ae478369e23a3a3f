import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { PackDocument } from "../../app/shared/packs/pack-document";

/**
 * The one spelling of a pack that is hashed and kept: RFC 8785 (JSON Canonicalization
 * Scheme: sorted keys, no insignificant whitespace, fixed number forms), so anyone can
 * recompute the hash from the stored JSON with any conforming library.
 */
export function canonicalJson(pack: PackDocument): string {
  const text = canonicalize(pack);
  if (text === undefined) throw new Error("A pack could not be written as canonical JSON");
  return text;
}

export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
