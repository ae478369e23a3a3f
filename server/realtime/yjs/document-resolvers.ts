import { eq } from "drizzle-orm";
import type { CollabDocumentName, CollabDocumentType } from "../../../app/shared/collab/document-names";
import type { Database } from "../../../db/client";
import { findCoverReportOwner } from "../../../db/queries/cover-reports";
import { meetings } from "../../../db/schema/meetings";
import { indicators } from "../../../db/schema/performance";

/**
 * Finds which organisation owns a document, from the record it belongs to (the
 * indicator of an exception commentary, the meeting of its minutes...). Null when that
 * record does not exist: the upgrade then refuses with 4403, as for another
 * organisation's document, so that names cannot be probed.
 */
export type DocumentResolver<T extends CollabDocumentType = CollabDocumentType> = (
  db: Database,
  document: Extract<CollabDocumentName, { type: T }>,
) => Promise<DocumentOwner | null>;

/**
 * The record a document belongs to: its organisation and, where the record names them,
 * the people answerable for it (an indicator's owner and manager write its commentary).
 */
export type DocumentOwner = { organisationId: string; ownerUserId?: string | null; managerUserId?: string | null };

export type ResolverRegistry = {
  register<T extends CollabDocumentType>(type: T, resolver: DocumentResolver<T>): void;
  resolve(db: Database, document: CollabDocumentName): Promise<DocumentOwner | null>;
};

const resolveException: DocumentResolver<"exception"> = async (db, document) => {
  const [row] = await db
    .select({
      organisationId: indicators.organisationId,
      ownerUserId: indicators.ownerUserId,
      managerUserId: indicators.managerUserId,
    })
    .from(indicators)
    .where(eq(indicators.id, document.indicatorId))
    .limit(1);
  return row ?? null;
};

export const resolveMeeting: DocumentResolver<"meeting"> = async (db, document) => {
  const [row] = await db
    .select({ organisationId: meetings.organisationId })
    .from(meetings)
    .where(eq(meetings.id, document.meetingId))
    .limit(1);
  return row ?? null;
};

/** A cover report belongs to the organisation of its row in cover_reports (made by ensureCoverReport). */
export const resolveCoverReport: DocumentResolver<"report"> = async (db, document) => findCoverReportOwner(db, document.reportId);

export function createResolverRegistry(): ResolverRegistry {
  const resolvers = new Map<CollabDocumentType, DocumentResolver>([
    ["exception", resolveException as DocumentResolver],
    ["meeting", resolveMeeting as DocumentResolver],
    ["report", resolveCoverReport as DocumentResolver],
  ]);
  return {
    register(type, resolver) {
      resolvers.set(type, resolver as unknown as DocumentResolver);
    },
    async resolve(db, document) {
      const resolver = resolvers.get(document.type);
      return resolver ? resolver(db, document) : null;
    },
  };
}

/**
 * The process's registry. The collab server and the token route (a Remix action, which
 * cannot reach the collab server) must agree on who owns a document, so both use this
 * one unless a test passes its own.
 */
export const processResolvers: ResolverRegistry = createResolverRegistry();
