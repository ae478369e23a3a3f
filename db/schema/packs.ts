import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { PACK_KINDS, type PackKind } from "../../app/shared/vocabulary";
import { bytea } from "./collab";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";
import { agendaItems, meetings, motions } from "./meetings";

/*
 * Packs: the cover reports written for report items, and the frozen versions of a
 * meeting's agenda pack and minuted pack. A pack version is a record: the database
 * refuses to change or delete one (triggers in the migration), so a correction is a
 * new version that names the one before it by hash.
 */

export const packKindEnum = pgEnum("pack_kind", PACK_KINDS);
export type { PackKind };

/** One per report item: its words live in the shared document `report:<id>`. */
export const coverReports = pgTable(
  "cover_reports",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [unique("cover_reports_one_per_item").on(t.agendaItemId)],
);

/** The agenda pack or the minuted pack of one meeting; its content is in its versions. */
export const packs = pgTable(
  "packs",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    kind: packKindEnum("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("packs_one_per_meeting_and_kind").on(t.meetingId, t.kind), index("packs_org_idx").on(t.organisationId)],
);

/**
 * One frozen version of a pack. `canonicalJson` is the exact text that was hashed;
 * the web page and PDF were rendered from it at freezing and are kept byte for byte,
 * as is the public copy (exempt items replaced by a notice) with its own hash. Every
 * stored artefact has its SHA-256 recorded beside it, so that verifying a version
 * checks what people read, not only the canonical JSON.
 */
export const packVersions = pgTable(
  "pack_versions",
  {
    id: id(),
    packId: uuid("pack_id")
      .notNull()
      .references(() => packs.id, { onDelete: "restrict" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    canonicalJson: text("canonical_json").notNull(),
    sha256: text("sha256").notNull(),
    /** The hash of the version before, or null for the first: the chain. */
    previousSha256: text("previous_sha256"),
    /** Why a version after the first was made. */
    reason: text("reason").notNull().default(""),
    html: text("html").notNull(),
    /** SHA-256 of the stored web page, so a changed page is noticed (verify-pack). */
    htmlSha256: text("html_sha256").notNull(),
    pdf: bytea("pdf").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    pageCount: integer("page_count").notNull(),
    /** Section id to the page it starts on in the PDF, shown in the web page's contents. */
    pageMap: jsonb("page_map").$type<Record<string, number>>().notNull(),
    publicCanonicalJson: text("public_canonical_json").notNull(),
    publicSha256: text("public_sha256").notNull(),
    publicHtml: text("public_html").notNull(),
    publicHtmlSha256: text("public_html_sha256").notNull(),
    publicPdf: bytea("public_pdf").notNull(),
    publicPdfSha256: text("public_pdf_sha256").notNull(),
    frozenBy: uuid("frozen_by").references(() => users.id, { onDelete: "restrict" }),
    frozenByName: text("frozen_by_name").notNull(),
    frozenAt: timestamptz("frozen_at").notNull(),
  },
  (t) => [
    unique("pack_versions_number").on(t.packId, t.version),
    check("pack_versions_number_positive", sql`${t.version} >= 1`),
    check("pack_versions_chain", sql`(${t.version} = 1) = (${t.previousSha256} is null)`),
  ],
);

/** The live documents' Yjs states at freezing, for provenance. */
export const packVersionDocuments = pgTable(
  "pack_version_documents",
  {
    packVersionId: uuid("pack_version_id")
      .notNull()
      .references(() => packVersions.id, { onDelete: "restrict" }),
    documentName: text("document_name").notNull(),
    state: bytea("state").notNull(),
  },
  (t) => [unique("pack_version_documents_one_each").on(t.packVersionId, t.documentName)],
);

/**
 * The next meeting approved the minutes as a correct record and the chair signed them:
 * who, when, on which motion, and the hash of the minuted pack version signed.
 */
export const minutesApprovals = pgTable(
  "minutes_approvals",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    approvingMeetingId: uuid("approving_meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    motionId: uuid("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "restrict" }),
    packVersionId: uuid("pack_version_id")
      .notNull()
      .references(() => packVersions.id, { onDelete: "restrict" }),
    sha256: text("sha256").notNull(),
    signedBy: uuid("signed_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    signedByName: text("signed_by_name").notNull(),
    signedAt: timestamptz("signed_at").notNull(),
  },
  (t) => [unique("minutes_approvals_one_per_meeting").on(t.meetingId)],
);

export type CoverReport = typeof coverReports.$inferSelect;
export type Pack = typeof packs.$inferSelect;
export type PackVersion = typeof packVersions.$inferSelect;
export type MinutesApproval = typeof minutesApprovals.$inferSelect;
