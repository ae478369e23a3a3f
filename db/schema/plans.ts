import { date, index, integer, pgEnum, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { PLAN_KINDS, type PlanKind } from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";
import { actionStatusEnum } from "./meetings";
import { indicators, themes } from "./performance";

/*
 * The golden thread (ADR 021): the business plan's strategic objectives under its
 * themes, the service and service improvement plans whose actions serve them, the
 * quarterly progress officers record on those actions and milestones, and the log of
 * improvements made. Codes (objective "DH1", plan "SIP-REP", action "A1") are how the
 * CSV imports refer to each other; ids are how pages do.
 */

export const planKindEnum = pgEnum("plan_kind", PLAN_KINDS);

const organisationId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

/** A strategic objective of the business plan, under one theme, for a span of financial years. */
export const objectives = pgTable(
  "objectives",
  {
    id: id(),
    organisationId: organisationId(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    themeId: uuid("theme_id").references(() => themes.id, { onDelete: "set null" }),
    accountableUserId: uuid("accountable_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Financial years, "2025/26" to "2027/28". */
    firstYear: text("first_year").notNull(),
    lastYear: text("last_year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("objectives_org_code_unique").on(t.organisationId, t.code)],
);

/** The indicators that measure an objective. */
export const objectiveIndicators = pgTable(
  "objective_indicators",
  {
    organisationId: organisationId(),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => objectives.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.objectiveId, t.indicatorId] }), index("objective_indicators_indicator_idx").on(t.indicatorId)],
);

/** A service plan or a service improvement plan of a team or service area, with its owner. */
export const plans = pgTable(
  "plans",
  {
    id: id(),
    organisationId: organisationId(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    kind: planKindEnum("kind").notNull(),
    serviceArea: text("service_area").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The financial year the plan runs for, "2026/27". */
    year: text("year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("plans_org_code_unique").on(t.organisationId, t.code)],
);

/**
 * An action of a plan. Its stored status is what its owner last reported; "overdue" and
 * the at-risk of a slipped milestone follow from the dates (app/shared/plans/plan-status.ts).
 */
export const planActions = pgTable(
  "plan_actions",
  {
    id: id(),
    organisationId: organisationId(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    startDate: date("start_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: actionStatusEnum("status").notNull().default("not_started"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("plan_actions_plan_code_unique").on(t.planId, t.code), index("plan_actions_org_idx").on(t.organisationId)],
);

export const planActionObjectives = pgTable(
  "plan_action_objectives",
  {
    organisationId: organisationId(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => objectives.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.objectiveId] }), index("plan_action_objectives_objective_idx").on(t.objectiveId)],
);

export const planActionIndicators = pgTable(
  "plan_action_indicators",
  {
    organisationId: organisationId(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.indicatorId] }), index("plan_action_indicators_indicator_idx").on(t.indicatorId)],
);

/** A dated step of a plan action. Slipped: its date passed before it was done (a rule, not a column). */
export const planMilestones = pgTable(
  "plan_milestones",
  {
    id: id(),
    organisationId: organisationId(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    completedOn: date("completed_on", { mode: "string" }),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("plan_milestones_action_title_unique").on(t.actionId, t.title)],
);

/**
 * Quarterly progress, on an action (milestone null) or one of its milestones: a dated
 * note, append-only (the database refuses to change or remove one). A note on a slipped
 * milestone is its commentary, with the date it is now expected.
 */
export const planProgressNotes = pgTable(
  "plan_progress_notes",
  {
    id: id(),
    organisationId: organisationId(),
    // No cascading from actions or milestones: the history outlives an edit of the plan.
    actionId: uuid("action_id")
      .notNull()
      .references(() => planActions.id),
    milestoneId: uuid("milestone_id").references(() => planMilestones.id),
    /** The quarter reported on, "2026/27 Q2". */
    quarter: text("quarter").notNull(),
    /** The action's status as reported with the note; null on a milestone's note. */
    status: actionStatusEnum("status"),
    note: text("note").notNull(),
    /** On a slipped milestone's note: when it is now expected. */
    expectedDate: date("expected_date", { mode: "string" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    userLabel: text("user_label").notNull(),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("plan_progress_notes_action_idx").on(t.actionId, t.at)],
);

/** The service improvement log: what changed, when, the evidence, and the indicator expected to move. */
export const improvements = pgTable(
  "improvements",
  {
    id: id(),
    organisationId: organisationId(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** In plain words for tenants, on the public page; empty keeps it off the public page. */
    publicSummary: text("public_summary").notNull().default(""),
    madeOn: date("made_on", { mode: "string" }).notNull(),
    evidence: text("evidence").notNull().default(""),
    indicatorId: uuid("indicator_id").references(() => indicators.id, { onDelete: "set null" }),
    planActionId: uuid("plan_action_id").references(() => planActions.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("improvements_org_idx").on(t.organisationId, t.madeOn)],
);

export type { PlanKind };
export type Objective = typeof objectives.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type PlanAction = typeof planActions.$inferSelect;
export type PlanMilestone = typeof planMilestones.$inferSelect;
export type PlanProgressNote = typeof planProgressNotes.$inferSelect;
export type Improvement = typeof improvements.$inferSelect;
