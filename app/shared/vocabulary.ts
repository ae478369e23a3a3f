/*
 * The domain's vocabulary: every enumerated value the product stores, said once. The
 * database schema builds its enums from these lists (db/schema/*), and the pure rules,
 * pages and packs take their types from here, so that app/shared never imports the
 * database layer (ADR 011).
 */

export const ROLES = ["admin", "officer", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const COMMENTARY_STATES = ["draft", "ready"] as const;
export type CommentaryState = (typeof COMMENTARY_STATES)[number];

export const POLARITIES = ["higher", "lower", "none"] as const;
export type Polarity = (typeof POLARITIES)[number];
/** "biennial" and "triennial": surveys (STAR, the Tenant Satisfaction Measures' perception survey) run every two or three years. */
export const FREQUENCIES = ["weekly", "monthly", "quarterly", "annual", "biennial", "triennial"] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const AGGREGATIONS = ["ratio", "mean", "snapshot", "sum", "survey"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const FIGURE_STATUSES = ["draft", "submitted", "verified"] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];
/**
 * What makes an indicator an exception (needs a commentary): any figure not on target
 * (amber and red; the frameworks' "below or not on target") or off target only (red).
 */
export const EXCEPTION_RULES = ["not_on_target", "off_target_only"] as const;
export type ExceptionRule = (typeof EXCEPTION_RULES)[number];
/** How an indicator's status is judged: the period's figure, or year to date against the year-to-date target. */
export const STATUS_BASES = ["period", "year_to_date"] as const;
export type StatusBasis = (typeof STATUS_BASES)[number];
/** A reporting month: open while its figures are collected and checked, published once the performance team says so. */
export const REPORTING_MONTH_STATES = ["open", "published"] as const;
export type ReportingMonthState = (typeof REPORTING_MONTH_STATES)[number];

export const BODY_KINDS = ["committee", "area_panel", "corporate_performance", "scrutiny_panel"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const MEETING_KINDS = [
  "committee",
  "area_panel",
  "corporate_performance",
  "performance_clinic",
  "scrutiny_panel",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const SEAT_POSITIONS = ["chair", "vice_chair", "member"] as const;
export type SeatPosition = (typeof SEAT_POSITIONS)[number];
/** Who writes a body's minutes in the meeting: the clerk (members suggest) or everyone taking part. */
export const MINUTES_MODES = ["clerk", "everyone"] as const;
export type MinutesMode = (typeof MINUTES_MODES)[number];
export const MEMBER_KINDS = ["councillor", "independent", "tenant", "co_opted", "officer"] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEETING_STATUSES = ["draft", "agenda_published", "in_session", "closed", "minutes_approved"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_CAPACITIES = ["member", "officer", "guest"] as const;
export type AttendanceCapacity = (typeof ATTENDANCE_CAPACITIES)[number];
export const ATTENDANCE_STATES = ["expected", "present", "apologies", "absent"] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
export const AGENDA_ITEM_KINDS = [
  "apologies",
  "declarations",
  "previous_minutes",
  "action_log",
  "report",
  "scorecard_review",
  "exceptions",
  "performance_clinic",
  "any_other_business",
  // The golden thread in the pack (issue 17 item 5): a plan's quarterly progress, and the improvement log.
  "plan_progress",
  "improvement_log",
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const INTEREST_KINDS = ["personal", "prejudicial", "other"] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];
/**
 * A standing register of interests (kept by each member, not per meeting): a pecuniary
 * interest (employment, a business, land, a contract, shares) or another registrable one
 * (a membership, a tenancy, a trusteeship, a gift). Declarations at a meeting stay
 * personal / prejudicial / other (INTEREST_KINDS).
 */
export const REGISTERED_INTEREST_KINDS = ["pecuniary", "other"] as const;
export type RegisteredInterestKind = (typeof REGISTERED_INTEREST_KINDS)[number];
export const MOTION_STATUSES = ["open", "carried", "lost", "withdrawn"] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];
export const VOTE_METHODS = ["named", "show_of_hands"] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_CHOICES = ["for", "against", "abstain"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const ACTION_STATUSES = ["not_started", "on_track", "at_risk", "complete"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PACK_KINDS = ["agenda", "minutes"] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/**
 * What a scorecard-review, exceptions, clinic or plan-progress item shows (stored as the
 * agenda item's options). A plan-progress item names one plan (`planId`) or every plan
 * whose actions serve an objective of a theme (`themeId`); its quarter is the one of
 * `period`, or of the meeting's date.
 */
export type AgendaItemOptions = {
  period?: string;
  areaId?: string | null;
  themeId?: string | null;
  planId?: string | null;
  tenantTopTen?: boolean;
  indicatorIds?: string[];
};

/** The golden thread (ADR 021): a service plan, or a service improvement plan (SIP), of a team or service area. */
export const PLAN_KINDS = ["service", "improvement"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
