import type { Database } from "../../db/client";
import { findVersionForVerifying } from "../../db/queries/packs";
import { sha256Hex } from "./canonical-json";

/**
 * One stored artefact of a version (or one link the version makes), its hash as recorded
 * and as computed now from what is stored.
 *
 * - canonical-json, html, pdf and the public-* copies: the stored bytes against the hash
 *   recorded at freezing.
 * - chain: the hash this version names for the version before it, against that
 *   version's canonical JSON hashed now (both null for the first version).
 * - minutes-approval (only on the version the chair signed): the hash the chair signed
 *   against the hash recorded for this version.
 */
export type ArtefactCheck = {
  name: ArtefactName;
  recordedSha256: string | null;
  computedSha256: string | null;
  matches: boolean;
};

export type ArtefactName =
  "canonical-json" | "html" | "pdf" | "public-canonical-json" | "public-html" | "public-pdf" | "chain" | "minutes-approval";

export type Verification = {
  packId: string;
  version: number;
  /** The hash of the canonical JSON recorded when the version was frozen. */
  recordedSha256: string;
  /** The hash of the stored canonical JSON, computed now. */
  computedSha256: string;
  /** True only when every artefact below matches. */
  matches: boolean;
  /** Whether this version names the hash of the version before it (true for the first). */
  chainIntact: boolean;
  /** Whether the public copy's canonical JSON, web page and PDF all match their records. */
  publicCopyMatches: boolean;
  artefacts: ArtefactCheck[];
  frozenAt: string;
  frozenBy: string;
};

const stored = (name: ArtefactName, recordedSha256: string, content: string | Uint8Array): ArtefactCheck => {
  const computedSha256 = sha256Hex(content);
  return { name, recordedSha256, computedSha256, matches: computedSha256 === recordedSha256 };
};

/**
 * Recomputes every hash of a version from what is stored: a changed web page, PDF, public
 * copy or earlier version, or a signature over another hash, no longer matches its record.
 * Null when the version is not one of the organisation's.
 */
export async function verifyPackVersion(
  db: Database,
  organisationId: string,
  packId: string,
  version: number,
): Promise<Verification | null> {
  const found = await findVersionForVerifying(db, organisationId, packId, version);
  if (!found) return null;
  const { version: row, previous, approval } = found;

  // A missing version in between breaks the chain as surely as a changed one.
  const previousHash = previous && previous.version === row.version - 1 ? sha256Hex(previous.canonicalJson) : null;
  const chain: ArtefactCheck = {
    name: "chain",
    recordedSha256: row.previousSha256,
    computedSha256: previousHash,
    matches:
      row.version === 1
        ? row.previousSha256 === null && previous === null
        : previousHash !== null && row.previousSha256 === previousHash && previous?.sha256 === previousHash,
  };
  const artefacts: ArtefactCheck[] = [
    stored("canonical-json", row.sha256, row.canonicalJson),
    stored("html", row.htmlSha256, row.html),
    stored("pdf", row.pdfSha256, row.pdf),
    stored("public-canonical-json", row.publicSha256, row.publicCanonicalJson),
    stored("public-html", row.publicHtmlSha256, row.publicHtml),
    stored("public-pdf", row.publicPdfSha256, row.publicPdf),
    chain,
  ];
  if (approval) {
    artefacts.push({
      name: "minutes-approval",
      recordedSha256: approval.sha256,
      computedSha256: row.sha256,
      matches: approval.sha256 === row.sha256,
    });
  }
  const canonical = artefacts[0];
  return {
    packId,
    version: row.version,
    recordedSha256: row.sha256,
    computedSha256: canonical.computedSha256!,
    matches: artefacts.every((a) => a.matches),
    chainIntact: chain.matches,
    publicCopyMatches: artefacts.filter((a) => a.name.startsWith("public-")).every((a) => a.matches),
    artefacts,
    frozenAt: row.frozenAt.toISOString(),
    frozenBy: row.frozenByName,
  };
}
