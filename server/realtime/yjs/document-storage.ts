import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { collabDocuments, collabUpdates } from "../../../db/schema/collab";

/** What the database holds of one document: the snapshot and the updates after it. */
export type StoredDocument = {
  exists: boolean;
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** In the order they were applied; every seq is above snapshotSeq. */
  updates: { seq: number; update: Uint8Array }[];
  frozenAt: Date | null;
};

export type LoggedUpdate = { seq: number; update: Uint8Array; userId: string | null; at: Date };

export type Snapshot = { state: Uint8Array; stateVector: Uint8Array; seq: number };

/**
 * Storage of shared documents, a `{ load, store }` pair with the few extra operations
 * the registry needs. Nothing here knows about Yjs or sockets: bytes in, bytes out.
 */
export type CollabStorage = {
  load(name: string): Promise<StoredDocument>;
  /** Creates the document's row if it is new; its owner is known by then (the upgrade resolved it). */
  ensure(name: string, organisationId: string): Promise<void>;
  /** Appends one group commit to the log: a single multi-row INSERT. */
  store(name: string, updates: LoggedUpdate[]): Promise<void>;
  /** Replaces snapshot and log up to `snapshot.seq` in one short transaction. */
  compact(name: string, snapshot: Snapshot): Promise<void>;
  /** The highest seq in the log or snapshot: where numbering resumes after a failed write. */
  maxSeq(name: string): Promise<number>;
  freeze(name: string, organisationId: string, at: Date): Promise<void>;
  frozenAt(name: string): Promise<Date | null>;
};

export function createPostgresStorage(db: Database): CollabStorage {
  return {
    async load(name) {
      const [row] = await db
        .select({ state: collabDocuments.state, snapshotSeq: collabDocuments.snapshotSeq, frozenAt: collabDocuments.frozenAt })
        .from(collabDocuments)
        .where(eq(collabDocuments.name, name))
        .limit(1);
      if (!row) return { exists: false, snapshot: null, snapshotSeq: 0, updates: [], frozenAt: null };
      const updates = await db
        .select({ seq: collabUpdates.seq, update: collabUpdates.update })
        .from(collabUpdates)
        .where(and(eq(collabUpdates.documentName, name), gt(collabUpdates.seq, row.snapshotSeq)))
        .orderBy(asc(collabUpdates.seq));
      return { exists: true, snapshot: row.state, snapshotSeq: row.snapshotSeq, updates, frozenAt: row.frozenAt };
    },

    async ensure(name, organisationId) {
      await db.insert(collabDocuments).values({ name, organisationId }).onConflictDoNothing();
    },

    async store(name, updates) {
      if (updates.length === 0) return;
      await db.insert(collabUpdates).values(
        updates.map((u) => ({ documentName: name, seq: u.seq, update: u.update, userId: u.userId, at: u.at })),
      );
    },

    async compact(name, snapshot) {
      await db.transaction(async (tx) => {
        // The row lock orders this against another compaction of the same document
        // (another instance, or a freeze) without blocking readers of the log.
        await tx.select({ name: collabDocuments.name }).from(collabDocuments).where(eq(collabDocuments.name, name)).for("update");
        await tx
          .update(collabDocuments)
          .set({
            state: snapshot.state,
            stateVector: snapshot.stateVector,
            snapshotSeq: snapshot.seq,
            snapshotBytes: snapshot.state.byteLength,
            compactedAt: sql`now()`,
          })
          .where(eq(collabDocuments.name, name));
        await tx.delete(collabUpdates).where(and(eq(collabUpdates.documentName, name), lte(collabUpdates.seq, snapshot.seq)));
      });
    },

    async maxSeq(name) {
      const [row] = await db
        .select({
          seq: sql<string | number | null>`greatest(
            (select max(${collabUpdates.seq}) from ${collabUpdates} where ${collabUpdates.documentName} = ${name}),
            (select ${collabDocuments.snapshotSeq} from ${collabDocuments} where ${collabDocuments.name} = ${name}))`,
        })
        .from(sql`(select 1) as one`);
      return Number(row?.seq ?? 0);
    },

    async freeze(name, organisationId, at) {
      await db
        .insert(collabDocuments)
        .values({ name, organisationId, frozenAt: at })
        .onConflictDoUpdate({ target: collabDocuments.name, set: { frozenAt: sql`coalesce(${collabDocuments.frozenAt}, excluded.frozen_at)` } });
    },

    async frozenAt(name) {
      const [row] = await db
        .select({ frozenAt: collabDocuments.frozenAt })
        .from(collabDocuments)
        .where(eq(collabDocuments.name, name))
        .limit(1);
      return row?.frozenAt ?? null;
    },
  };
}
