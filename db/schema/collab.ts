import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, pgSequence, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, timestamptz } from "./columns";
import { organisations, users } from "./identity";

/**
 * bytea as a Uint8Array on both drivers: PGlite hands back a Uint8Array, postgres.js a
 * Buffer (a Uint8Array too) and, if a text parser is ever configured, the "\x..." form.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => {
    if (typeof value === "string") return new Uint8Array(Buffer.from(value.replace(/^\\x/, ""), "hex"));
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
});

/**
 * One row per shared (Yjs) document: its owner, whether it is frozen, and the latest
 * snapshot of its state, which covers every update of the log up to `snapshot_seq`.
 * The row is also what compaction locks (SELECT ... FOR UPDATE).
 */
export const collabDocuments = pgTable("collab_documents", {
  /** The typed name from app/shared/collab/document-names.ts, e.g. "exception:<uuid>:2025-04". */
  name: text("name").primaryKey(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** Y.encodeStateAsUpdate of the document; null until the first compaction. */
  state: bytea("state"),
  stateVector: bytea("state_vector"),
  /** The highest log seq the snapshot folded in (for operators: loading reads every row left). */
  snapshotSeq: bigint("snapshot_seq", { mode: "number" }).notNull().default(0),
  snapshotBytes: integer("snapshot_bytes").notNull().default(0),
  /** Once set, nobody writes the document any more (the meeting is signed off, the pack sent). */
  frozenAt: timestamptz("frozen_at"),
  compactedAt: timestamptz("compacted_at"),
  createdAt: createdAt(),
});

/**
 * Numbers log rows across the whole database, so that several instances appending to
 * one document's log never need to agree on a number (ADR 008).
 */
export const collabUpdateSeq = pgSequence("collab_update_seq");

/**
 * Append-only log of the updates not yet folded into the snapshot, written in group
 * commits. Every row left is read on load, whatever its seq: a row numbered before a
 * compaction may commit after it (the compaction folds in only what it could see).
 */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    documentName: text("document_name")
      .notNull()
      .references(() => collabDocuments.name, { onDelete: "cascade" }),
    /** Given by the database (collab_update_seq); orders a document's rows for loading. */
    seq: bigint("seq", { mode: "number" })
      .notNull()
      .default(sql`nextval('collab_update_seq')`),
    update: bytea("update").notNull(),
    /** Who sent it; null for an edit whose author has since been deleted. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    at: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.documentName, t.seq] }), index("collab_updates_user_idx").on(t.userId)],
);

export type CollabDocumentRow = typeof collabDocuments.$inferSelect;
