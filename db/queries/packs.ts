import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { Database } from "../client";
import { bodies, meetings } from "../schema/meetings";
import { minutesApprovals, packs, packVersions, type PackKind } from "../schema/packs";

/** The columns of a version that lists and pages show: everything but the stored renderings. */
const versionSummary = {
  id: packVersions.id,
  packId: packVersions.packId,
  version: packVersions.version,
  sha256: packVersions.sha256,
  previousSha256: packVersions.previousSha256,
  reason: packVersions.reason,
  pageCount: packVersions.pageCount,
  pdfSha256: packVersions.pdfSha256,
  frozenByName: packVersions.frozenByName,
  frozenAt: packVersions.frozenAt,
};
export type PackVersionSummary = { [K in keyof typeof versionSummary]: (typeof packVersions.$inferSelect)[K] };

export async function findPackOfMeeting(db: Database, meetingId: string, kind: PackKind) {
  const [pack] = await db
    .select()
    .from(packs)
    .where(and(eq(packs.meetingId, meetingId), eq(packs.kind, kind)))
    .limit(1);
  return pack ?? null;
}

export async function findPack(db: Database, organisationId: string, packId: string) {
  const [row] = await db
    .select({ pack: packs, meeting: meetings, bodyName: bodies.name })
    .from(packs)
    .innerJoin(meetings, eq(meetings.id, packs.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(packs.id, packId), eq(packs.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

/** Newest first. */
export async function listPackVersions(db: Database, packId: string): Promise<PackVersionSummary[]> {
  return db.select(versionSummary).from(packVersions).where(eq(packVersions.packId, packId)).orderBy(desc(packVersions.version));
}

export async function findPackVersion(db: Database, organisationId: string, packId: string, version: number) {
  const [row] = await db
    .select()
    .from(packVersions)
    .where(
      and(eq(packVersions.packId, packId), eq(packVersions.organisationId, organisationId), eq(packVersions.version, version)),
    )
    .limit(1);
  return row ?? null;
}

/**
 * What verifying a version reads: the version with every stored artefact, the canonical
 * JSON and hash of the version before it (for the chain), and the signed approval of
 * these minutes when this is the version the chair signed.
 */
export async function findVersionForVerifying(db: Database, organisationId: string, packId: string, version: number) {
  const [row] = await db
    .select()
    .from(packVersions)
    .where(
      and(eq(packVersions.packId, packId), eq(packVersions.organisationId, organisationId), eq(packVersions.version, version)),
    )
    .limit(1);
  if (!row) return null;
  const [previous] = await db
    .select({ version: packVersions.version, sha256: packVersions.sha256, canonicalJson: packVersions.canonicalJson })
    .from(packVersions)
    .where(and(eq(packVersions.packId, packId), lt(packVersions.version, version)))
    .orderBy(desc(packVersions.version))
    .limit(1);
  const [approval] = await db
    .select({ sha256: minutesApprovals.sha256, signedByName: minutesApprovals.signedByName, signedAt: minutesApprovals.signedAt })
    .from(minutesApprovals)
    .where(and(eq(minutesApprovals.packVersionId, row.id), eq(minutesApprovals.organisationId, organisationId)))
    .limit(1);
  return { version: row, previous: previous ?? null, approval: approval ?? null };
}

/** Every pack of the organisation with its meeting and latest version, newest meeting first. */
export async function listPacksOfOrganisation(db: Database, organisationId: string) {
  const rows = await db
    .select({
      pack: packs,
      meeting: { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status },
      bodyName: bodies.name,
    })
    .from(packs)
    .innerJoin(meetings, eq(meetings.id, packs.meetingId))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(packs.organisationId, organisationId))
    .orderBy(desc(meetings.startsAt), asc(packs.kind));
  // Every version's summary in one read, newest first: the first seen of a pack is its latest.
  const versions = await db
    .select(versionSummary)
    .from(packVersions)
    .where(eq(packVersions.organisationId, organisationId))
    .orderBy(desc(packVersions.version));
  const latest = new Map<string, PackVersionSummary>();
  for (const version of versions) if (!latest.has(version.packId)) latest.set(version.packId, version);
  return rows.map((row) => ({ ...row, latest: latest.get(row.pack.id) ?? null }));
}

export async function findMinutesApproval(db: Database, meetingId: string) {
  const [row] = await db.select().from(minutesApprovals).where(eq(minutesApprovals.meetingId, meetingId)).limit(1);
  return row ?? null;
}
