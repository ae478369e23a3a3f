import type { Database } from "../../db/client";
import { findVersionForVerifying } from "../../db/queries/packs";
import { sha256Hex } from "./canonical-json";

export type Verification = {
  packId: string;
  version: number;
  /** The hash recorded when the version was frozen. */
  recordedSha256: string;
  /** The hash of the stored canonical JSON, computed now. */
  computedSha256: string;
  matches: boolean;
  /** Whether this version names the hash of the version before it (true for the first). */
  chainIntact: boolean;
  publicCopyMatches: boolean;
  frozenAt: string;
  frozenBy: string;
};

/** Recomputes a version's hashes from what is stored: a changed copy no longer matches its record. */
export async function verifyPackVersion(
  db: Database,
  organisationId: string,
  packId: string,
  version: number,
): Promise<Verification | null> {
  const found = await findVersionForVerifying(db, organisationId, packId, version);
  if (!found) return null;
  const { version: row, previous } = found;
  const computedSha256 = sha256Hex(row.canonicalJson);
  const chainIntact = previous
    ? row.previousSha256 === previous.sha256 && sha256Hex(previous.canonicalJson) === previous.sha256
    : row.previousSha256 === null;
  return {
    packId,
    version: row.version,
    recordedSha256: row.sha256,
    computedSha256,
    matches: computedSha256 === row.sha256,
    chainIntact,
    publicCopyMatches: sha256Hex(row.publicCanonicalJson) === row.publicSha256,
    frozenAt: row.frozenAt.toISOString(),
    frozenBy: row.frozenByName,
  };
}
