import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { AGGREGATIONS, FIGURE_STATUSES, FREQUENCIES, POLARITIES, STATUS_BASES } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";

export const polarityEnum = pgEnum("polarity", POLARITIES);
export const frequencyEnum = pgEnum("frequency", FREQUENCIES);
export const aggregationEnum = pgEnum("aggregation", AGGREGATIONS);
export const figureStatusEnum = pgEnum("figure_status", FIGURE_STATUSES);
export const statusBasisEnum = pgEnum("status_basis", STATUS_BASES);

const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

export const areas = pgTable(
  "areas",
  {
    id: id(),
    organisationId: organisationId(),
    name: text("name").notNull(),
    homes: integer("homes").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("areas_org_name_unique").on(t.organisationId, t.name)],
);

/** Strategic themes, or scorecard perspectives: every indicator hangs under one. */
export const themes = pgTable(
  "themes",
  {
    id: id(),
    organisationId: organisationId(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("themes_org_name_unique").on(t.organisationId, t.name)],
);

export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    organisationId: organisationId(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    definition: text("definition").notNull().default(""),
    category: text("category").notNull(),
    themeId: uuid("theme_id").references(() => themes.id, { onDelete: "set null" }),
    unit: text("unit").notNull(),
    polarity: polarityEnum("polarity").notNull(),
    frequency: frequencyEnum("frequency").notNull(),
    aggregation: aggregationEnum("aggregation").notNull(),
    decimals: integer("decimals").notNull().default(0),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    managerUserId: uuid("manager_user_id").references(() => users.id, { onDelete: "set null" }),
    tenantTopTen: boolean("tenant_top_ten").notNull().default(false),
    byArea: boolean("by_area").notNull().default(false),
    dataSource: text("data_source").notNull().default(""),
    /** Whether the status is judged on the period's figure or on year to date (see status-basis.ts). */
    statusBasis: statusBasisEnum("status_basis").notNull().default("period"),
    /** Retired: its history stays, it leaves the scorecard, exceptions and public pages, and its code is never reused. */
    retiredAt: timestamptz("retired_at"),
    createdAt: createdAt(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("indicators_org_code_unique").on(t.organisationId, t.code)],
);

/**
 * A target per indicator, financial year ("2025/26") and area, optionally profiled per
 * period. A null area is the whole organisation's target.
 */
export const targets = pgTable(
  "targets",
  {
    id: id(),
    organisationId: organisationId(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: text("year").notNull(),
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "cascade" }),
    target: doublePrecision("target").notNull(),
    tolerance: doublePrecision("tolerance").notNull().default(0),
    /** Optional per-period targets, e.g. {"2025-04": 97.5}; the annual target applies otherwise. */
    profile: jsonb("profile").$type<Record<string, number>>(),
    createdAt: createdAt(),
  },
  (t) => [unique("targets_indicator_year_area_unique").on(t.indicatorId, t.year, t.areaId).nullsNotDistinct()],
);

/** Every change of a target: who, when, old, new and why. Append-only, like figures' revisions. */
export const targetRevisions = pgTable(
  "target_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: organisationId(),
    // No foreign keys beside the organisation: the database refuses to delete a revision.
    indicatorId: uuid("indicator_id").notNull(),
    year: text("year").notNull(),
    /** The area's name is kept too, so the history still reads after an area is deleted. */
    areaId: uuid("area_id"),
    areaName: text("area_name"),
    before: jsonb("before").$type<TargetSnapshot | null>(),
    after: jsonb("after").$type<TargetSnapshot>().notNull(),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedByLabel: text("changed_by_label").notNull(),
    changedAt: createdAt(),
  },
  (t) => [index("target_revisions_indicator_idx").on(t.indicatorId, t.changedAt)],
);

export type TargetSnapshot = { target: number; tolerance: number; profile: Record<string, number> | null };

export const benchmarks = pgTable(
  "benchmarks",
  {
    id: id(),
    organisationId: organisationId(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    year: text("year").notNull(),
    peerGroup: text("peer_group").notNull(),
    upperQuartile: doublePrecision("upper_quartile").notNull(),
    median: doublePrecision("median").notNull(),
    lowerQuartile: doublePrecision("lower_quartile").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("benchmarks_indicator_year_group_unique").on(t.indicatorId, t.year, t.peerGroup)],
);

/** The figure of an indicator for a period (YYYY-MM) and an area; a null area is organisation-wide. */
export const actuals = pgTable(
  "actuals",
  {
    id: id(),
    organisationId: organisationId(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "cascade" }),
    value: doublePrecision("value"),
    numerator: doublePrecision("numerator"),
    denominator: doublePrecision("denominator"),
    status: figureStatusEnum("status").notNull().default("submitted"),
    unaudited: boolean("unaudited").notNull().default(false),
    note: text("note"),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamptz("entered_at").notNull().defaultNow(),
    verifiedBy: uuid("verified_by").references(() => users.id, { onDelete: "set null" }),
    verifiedAt: timestamptz("verified_at"),
  },
  (t) => [
    unique("actuals_indicator_period_area_unique").on(t.indicatorId, t.period, t.areaId).nullsNotDistinct(),
    index("actuals_org_period_idx").on(t.organisationId, t.period),
  ],
);

/** Every change of a figure: who, when, old value, new value and why. Append-only. */
export const actualRevisions = pgTable(
  "actual_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organisationId: organisationId(),
    actualId: uuid("actual_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    period: text("period").notNull(),
    areaId: uuid("area_id"),
    before: jsonb("before").$type<FigureSnapshot | null>(),
    after: jsonb("after").$type<FigureSnapshot>().notNull(),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedByLabel: text("changed_by_label").notNull(),
    changedAt: createdAt(),
  },
  (t) => [index("actual_revisions_indicator_idx").on(t.indicatorId, t.changedAt)],
);

export type FigureSnapshot = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: "draft" | "submitted" | "verified";
  note: string | null;
  /** Absent in revisions written before figures could be marked unaudited. */
  unaudited?: boolean;
};

export type Indicator = typeof indicators.$inferSelect;
export type Area = typeof areas.$inferSelect;
export type Actual = typeof actuals.$inferSelect;
