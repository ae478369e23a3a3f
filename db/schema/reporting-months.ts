import { pgEnum, pgTable, smallint, text, unique, uuid } from "drizzle-orm/pg-core";
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

/**
 * An organisation's reporting timetable: a month's figures are due by working day
 * `figures_working_day` of the next month and its commentaries by `commentaries_working_day`
 * (England and Wales working days). No row means the default timetable
 * (app/shared/performance/reporting-timetable.ts). Changes are audited.
 */
export const reportingTimetables = pgTable("reporting_timetables", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  figuresWorkingDay: smallint("figures_working_day").notNull(),
  commentariesWorkingDay: smallint("commentaries_working_day").notNull(),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});
