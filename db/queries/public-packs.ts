import { and, desc, eq, exists, max, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { bodies, meetings } from "../schema/meetings";
import { minutesApprovals, packVersions, packs, type PackKind } from "../schema/packs";

/*
 * What the public may read of an organisation's packs, for the page /p/:orgSlug.
 *
 * Public means: an agenda pack with at least one frozen version (freezing an agenda pack
 * is publishing it), or a minuted pack whose meeting's minutes were approved and signed.
 * Every function filters by organisation, and selects only the public copy's columns
 * (public_html, public_pdf, public_sha256): the internal copy, its hash and its
 * canonical JSON never leave these functions, so an exempt item's words cannot reach
 * a public response by mistake.
 */

export type PublicPackSummary = {
  packId: string;
  kind: PackKind;
  meetingTitle: string;
  bodyName: string;
  meetingStartsAt: Date;
  /** The latest version: the one the list links to. */
  version: number;
  pageCount: number;
  publicSha256: string;
  frozenAt: Date;
};

export type ApprovedMinutesSummary = PublicPackSummary & {
  signedAt: Date;
  signedByName: string;
  /** The version the chair signed (a later version is a correction made after). */
  signedVersion: number;
};

/** A minuted pack is public once its meeting's minutes are approved. */
const isPublic = (db: Database) =>
  or(
    eq(packs.kind, "agenda"),
    exists(
      db
        .select({ one: sql`1` })
        .from(minutesApprovals)
        .where(and(eq(minutesApprovals.meetingId, packs.meetingId), eq(minutesApprovals.organisationId, packs.organisationId))),
    ),
  );

function latestVersions(db: Database, organisationId: string) {
  return db
    .select({ packId: packVersions.packId, version: max(packVersions.version).as("latest_version") })
    .from(packVersions)
    .where(eq(packVersions.organisationId, organisationId))
    .groupBy(packVersions.packId)
    .as("latest");
}

const summaryColumns = {
  packId: packs.id,
  kind: packs.kind,
  meetingTitle: meetings.title,
  bodyName: bodies.name,
  meetingStartsAt: meetings.startsAt,
  version: packVersions.version,
  pageCount: packVersions.pageCount,
  publicSha256: packVersions.publicSha256,
  frozenAt: packVersions.frozenAt,
};

/** Published agenda packs, latest meeting first, each at its latest version. */
export async function listPublishedAgendaPacks(db: Database, organisationId: string): Promise<PublicPackSummary[]> {
  const latest = latestVersions(db, organisationId);
  return db
    .select(summaryColumns)
    .from(packs)
    .innerJoin(latest, eq(latest.packId, packs.id))
    .innerJoin(packVersions, and(eq(packVersions.packId, packs.id), eq(packVersions.version, latest.version)))
    .innerJoin(meetings, and(eq(meetings.id, packs.meetingId), eq(meetings.organisationId, organisationId)))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(packs.organisationId, organisationId), eq(packs.kind, "agenda")))
    .orderBy(desc(meetings.startsAt), desc(packs.createdAt));
}

const signedVersions = alias(packVersions, "signed_versions");

/** Minuted packs whose minutes were approved and signed, latest meeting first, each at its latest version. */
export async function listApprovedMinutes(db: Database, organisationId: string): Promise<ApprovedMinutesSummary[]> {
  const latest = latestVersions(db, organisationId);
  return db
    .select({
      ...summaryColumns,
      signedAt: minutesApprovals.signedAt,
      signedByName: minutesApprovals.signedByName,
      signedVersion: signedVersions.version,
    })
    .from(packs)
    .innerJoin(latest, eq(latest.packId, packs.id))
    .innerJoin(packVersions, and(eq(packVersions.packId, packs.id), eq(packVersions.version, latest.version)))
    .innerJoin(meetings, and(eq(meetings.id, packs.meetingId), eq(meetings.organisationId, organisationId)))
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(
      minutesApprovals,
      and(eq(minutesApprovals.meetingId, packs.meetingId), eq(minutesApprovals.organisationId, organisationId)),
    )
    .innerJoin(signedVersions, eq(signedVersions.id, minutesApprovals.packVersionId))
    .where(and(eq(packs.organisationId, organisationId), eq(packs.kind, "minutes")))
    .orderBy(desc(meetings.startsAt), desc(packs.createdAt));
}

export type PublicPackVersion = {
  packId: string;
  kind: PackKind;
  version: number;
  meetingTitle: string;
  meetingStartsAt: Date;
  pageCount: number;
  publicSha256: string;
};

const versionColumns = {
  packId: packs.id,
  kind: packs.kind,
  version: packVersions.version,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  pageCount: packVersions.pageCount,
  publicSha256: packVersions.publicSha256,
};

function publicVersionWhere(db: Database, query: PublicVersionQuery) {
  return and(
    eq(packs.id, query.packId),
    eq(packs.organisationId, query.organisationId),
    eq(packVersions.organisationId, query.organisationId),
    eq(packVersions.version, query.version),
    isPublic(db),
  );
}

export type PublicVersionQuery = { organisationId: string; packId: string; version: number };

/** The public web page of one version, or null when it is not public (or not this organisation's). */
export async function findPublicPackHtml(
  db: Database,
  query: PublicVersionQuery,
): Promise<(PublicPackVersion & { publicHtml: string }) | null> {
  const [row] = await db
    .select({ ...versionColumns, publicHtml: packVersions.publicHtml })
    .from(packs)
    .innerJoin(packVersions, eq(packVersions.packId, packs.id))
    .innerJoin(meetings, eq(meetings.id, packs.meetingId))
    .where(publicVersionWhere(db, query))
    .limit(1);
  return row ?? null;
}

/** The public PDF of one version, or null when it is not public (or not this organisation's). */
export async function findPublicPackPdf(
  db: Database,
  query: PublicVersionQuery,
): Promise<(PublicPackVersion & { publicPdf: Uint8Array }) | null> {
  const [row] = await db
    .select({ ...versionColumns, publicPdf: packVersions.publicPdf })
    .from(packs)
    .innerJoin(packVersions, eq(packVersions.packId, packs.id))
    .innerJoin(meetings, eq(meetings.id, packs.meetingId))
    .where(publicVersionWhere(db, query))
    .limit(1);
  return row ?? null;
}
