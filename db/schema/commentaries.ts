import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { COMMENTARY_STATES, type CommentaryState } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";
import { indicators } from "./performance";

export const commentaryStateEnum = pgEnum("commentary_state", COMMENTARY_STATES);

/**
 * The state of an exception commentary: one per indicator and reporting period. Its
 * words live in the shared document `exception:<indicator id>:<period>` (collab_documents);
 * this row holds what the words cannot: whether the owner has marked it ready for
 * committee, who did and when, and who last edited it. No row, or an empty
 * document, is a missing commentary.
 */
export const exceptionCommentaries = pgTable(
  "exception_commentaries",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    /** The indicator's reporting period (YYYY-MM), as in the document's name. */
    period: text("period").notNull(),
    state: commentaryStateEnum("state").notNull().default("draft"),
    readyBy: uuid("ready_by").references(() => users.id, { onDelete: "set null" }),
    readyAt: timestamptz("ready_at"),
    /** SHA-256 of the words when they were marked ready: a later change of wording shows against it. */
    readyFingerprint: text("ready_fingerprint"),
    /** The last person whose editor reported a change, and when (the exceptions list shows it). */
    lastEditedBy: uuid("last_edited_by").references(() => users.id, { onDelete: "set null" }),
    lastEditedAt: timestamptz("last_edited_at"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("exception_commentaries_indicator_period_unique").on(t.indicatorId, t.period),
    index("exception_commentaries_org_period_idx").on(t.organisationId, t.period),
    check("exception_commentaries_period_format", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "exception_commentaries_ready_is_signed",
      sql`${t.state} <> 'ready' or (${t.readyAt} is not null and ${t.readyFingerprint} is not null)`,
    ),
  ],
);

export type ExceptionCommentaryRow = typeof exceptionCommentaries.$inferSelect;
export type { CommentaryState };
