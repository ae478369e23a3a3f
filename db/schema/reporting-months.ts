import { pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { REPORTING_MONTH_STATES } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";

export const reportingMonthStateEnum = pgEnum("reporting_month_state", REPORTING_MONTH_STATES);

/**
 * An organisation's reporting month (period YYYY-MM). A month with no row is open; the
 * performance team publishes it, and from then on it is what every default and the
 * public pages show. The row keeps who published it and, when figures were still
 * missing or unchecked, the note naming those gaps.
 */
export const reportingMonths = pgTable(
  "reporting_months",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    state: reportingMonthStateEnum("state").notNull().default("open"),
    publishedAt: timestamptz("published_at"),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    /** Who published, as the audit log names them (a person's email or an API token's name). */
    publishedByLabel: text("published_by_label"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [unique("reporting_months_org_period_unique").on(t.organisationId, t.period)],
);

export type ReportingMonth = typeof reportingMonths.$inferSelect;
