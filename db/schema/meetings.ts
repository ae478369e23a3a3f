import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  boolean,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ACTION_STATUSES,
  AGENDA_ITEM_KINDS,
  ATTENDANCE_CAPACITIES,
  ATTENDANCE_STATES,
  BODY_KINDS,
  INTEREST_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MEMBER_KINDS,
  MINUTES_MODES,
  MOTION_STATUSES,
  SEAT_POSITIONS,
  VOTE_CHOICES,
  VOTE_METHODS,
  type ActionStatus,
  type AgendaItemKind,
  type AgendaItemOptions,
  type AttendanceCapacity,
  type AttendanceState,
  type BodyKind,
  type InterestKind,
  type MeetingKind,
  type MeetingStatus,
  type MemberKind,
  type MotionStatus,
  type SeatPosition,
  type VoteChoice,
  type VoteMethod,
} from "../../app/shared/vocabulary";
import { createdAt, id, timestamptz } from "./columns";
import { organisations, users } from "./identity";
import { areas, indicators } from "./performance";

/*
 * Meetings: the bodies that meet (committees and panels), their meetings, agendas,
 * attendance, declarations of interest, motions and votes, and the action log that
 * carries agreed actions from meeting to meeting. The words of the minutes live in
 * the shared document `meeting:<meeting id>`; these tables hold what must be
 * authoritative (who may vote, how they voted, what was agreed and by when).
 */

export const bodyKindEnum = pgEnum("body_kind", BODY_KINDS);
export const meetingKindEnum = pgEnum("meeting_kind", MEETING_KINDS);
export const seatPositionEnum = pgEnum("seat_position", SEAT_POSITIONS);
export const memberKindEnum = pgEnum("member_kind", MEMBER_KINDS);
export const minutesModeEnum = pgEnum("minutes_mode", MINUTES_MODES);
export const meetingStatusEnum = pgEnum("meeting_status", MEETING_STATUSES);
export const attendanceCapacityEnum = pgEnum("attendance_capacity", ATTENDANCE_CAPACITIES);
export const attendanceEnum = pgEnum("attendance", ATTENDANCE_STATES);
export const agendaItemKindEnum = pgEnum("agenda_item_kind", AGENDA_ITEM_KINDS);
export const interestKindEnum = pgEnum("interest_kind", INTEREST_KINDS);
export const motionStatusEnum = pgEnum("motion_status", MOTION_STATUSES);
export const voteMethodEnum = pgEnum("vote_method", VOTE_METHODS);
export const voteChoiceEnum = pgEnum("vote_choice", VOTE_CHOICES);
export const actionStatusEnum = pgEnum("action_status", ACTION_STATUSES);

/** A committee or panel: who sits on it, its quorum and how it numbers its minutes. */
export const bodies = pgTable(
  "bodies",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: bodyKindEnum("kind").notNull(),
    /** The letters before a minute number: "PC" gives PC 26/14. */
    minutePrefix: text("minute_prefix").notNull(),
    termsOfReference: text("terms_of_reference").notNull().default(""),
    /** How many voting members make the meeting quorate. */
    quorumCount: integer("quorum_count").notNull(),
    /** Optionally, at least one member of this kind must be among them (e.g. a tenant). */
    quorumRequiresKind: memberKindEnum("quorum_requires_kind"),
    /** An area panel's area: its scorecard items default to it. */
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "set null" }),
    /** Who writes the minutes in the meeting: the clerk (members suggest) or everyone taking part. */
    minutesMode: minutesModeEnum("minutes_mode").notNull().default("clerk"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("bodies_org_name_unique").on(t.organisationId, t.name),
    unique("bodies_org_prefix_unique").on(t.organisationId, t.minutePrefix),
    check("bodies_quorum_positive", sql`${t.quorumCount} > 0`),
    check("bodies_prefix_format", sql`${t.minutePrefix} ~ '^[A-Z]{1,6}$'`),
  ],
);

/** A seat on a body: a person of the organisation as chair, vice-chair or member. */
export const bodyMembers = pgTable(
  "body_members",
  {
    id: id(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: seatPositionEnum("position").notNull().default("member"),
    memberKind: memberKindEnum("member_kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("body_members_body_user_unique").on(t.bodyId, t.userId), index("body_members_user_idx").on(t.userId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => bodies.id, { onDelete: "restrict" }),
    kind: meetingKindEnum("kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamptz("starts_at").notNull(),
    place: text("place").notNull().default(""),
    onlineLink: text("online_link").notNull().default(""),
    status: meetingStatusEnum("status").notNull().default("draft"),
    /** The item the chair has open; everyone following the chair sees it. */
    currentItemId: uuid("current_item_id"),
    openedAt: timestamptz("opened_at"),
    closedAt: timestamptz("closed_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("meetings_org_starts_idx").on(t.organisationId, t.startsAt), index("meetings_body_idx").on(t.bodyId)],
);

/** Who was expected, who came, who sent apologies, and when people arrived and left. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** Null for a guest without an account. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    capacity: attendanceCapacityEnum("capacity").notNull(),
    /** For a member: the kind of seat they hold, as quorum counts it. */
    memberKind: memberKindEnum("member_kind"),
    attendance: attendanceEnum("attendance").notNull().default("expected"),
    /** The reason a member gave with their apologies (empty when the clerk recorded them without one). */
    apologyReason: text("apology_reason").notNull().default(""),
    /** When the member sent their apologies themselves (null when the clerk recorded them). */
    apologiesSentAt: timestamptz("apologies_sent_at"),
    arrivedAt: timestamptz("arrived_at"),
    leftAt: timestamptz("left_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("meeting_attendance_meeting_user_unique").on(t.meetingId, t.userId),
    index("meeting_attendance_meeting_idx").on(t.meetingId),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** Order on the agenda, from 1; rewritten as a whole when items move. */
    position: integer("position").notNull(),
    kind: agendaItemKindEnum("kind").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter").notNull().default(""),
    minutesAllowed: integer("minutes_allowed"),
    /** A confidential "part 2" item: never published. */
    exempt: boolean("exempt").notNull().default(false),
    /** The paragraph of Schedule 12A to the Local Government Act 1972 it is exempt under. */
    exemptParagraph: integer("exempt_paragraph"),
    exemptReason: text("exempt_reason").notNull().default(""),
    options: jsonb("options").$type<AgendaItemOptions>().notNull().default({}),
    /** Given when the meeting opens, in agenda order: e.g. PC 26/14. */
    minuteNumber: text("minute_number"),
    /** A clinic item placed by a referral from an earlier meeting. */
    referralId: uuid("referral_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("agenda_items_meeting_idx").on(t.meetingId, t.position),
    check("agenda_items_exempt_has_paragraph", sql`not ${t.exempt} or ${t.exemptParagraph} between 1 and 7`),
  ],
);

export const declarations = pgTable(
  "declarations",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: interestKindEnum("kind").notNull(),
    note: text("note").notNull().default(""),
    declaredAt: timestamptz("declared_at").notNull().defaultNow(),
  },
  (t) => [unique("declarations_item_user_unique").on(t.agendaItemId, t.userId)],
);

/** A hand raised to speak; lowered or called, it leaves the queue. */
export const speakingRequests = pgTable(
  "speaking_requests",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    raisedAt: timestamptz("raised_at").notNull().defaultNow(),
    endedAt: timestamptz("ended_at"),
    /** "lowered" by the speaker, "called" by the chair. */
    outcome: text("outcome", { enum: ["lowered", "called"] }),
  },
  (t) => [
    index("speaking_requests_meeting_idx").on(t.meetingId, t.raisedAt),
    // One raised hand per person: a repeated "raise" is the same request.
    uniqueIndex("speaking_requests_one_open")
      .on(t.meetingId, t.userId)
      .where(sql`${t.endedAt} is null`),
  ],
);

/** A proposed resolution, and once the vote closes, its result. */
export const motions = pgTable(
  "motions",
  {
    id: id(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    /** What is resolved, after "RESOLVED that": e.g. "the performance report be noted." */
    wording: text("wording").notNull(),
    method: voteMethodEnum("method").notNull(),
    status: motionStatusEnum("status").notNull().default("open"),
    /** The tally: counted from named votes, or entered by the clerk after a show of hands. */
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    abstentions: integer("abstentions"),
    proposedBy: uuid("proposed_by").references(() => users.id, { onDelete: "set null" }),
    proposedAt: timestamptz("proposed_at").notNull().defaultNow(),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamptz("closed_at"),
  },
  (t) => [index("motions_meeting_idx").on(t.meetingId)],
);

export const motionVotes = pgTable(
  "motion_votes",
  {
    motionId: uuid("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    choice: voteChoiceEnum("choice").notNull(),
    castAt: timestamptz("cast_at").notNull().defaultNow(),
  },
  (t) => [unique("motion_votes_one_per_member").on(t.motionId, t.userId)],
);

/** An indicator a meeting referred to a performance clinic; placed on a later meeting's agenda. */
export const clinicReferrals = pgTable("clinic_referrals", {
  id: id(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  bodyId: uuid("body_id")
    .notNull()
    .references(() => bodies.id, { onDelete: "cascade" }),
  fromMeetingId: uuid("from_meeting_id")
    .notNull()
    .references(() => meetings.id, { onDelete: "cascade" }),
  fromAgendaItemId: uuid("from_agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
  indicatorId: uuid("indicator_id")
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  reason: text("reason").notNull().default(""),
  referredBy: uuid("referred_by").references(() => users.id, { onDelete: "set null" }),
  /** The later meeting whose agenda now carries the clinic item. */
  placedOnMeetingId: uuid("placed_on_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/**
 * The action log: actions agreed at meetings (entered when the meeting closes), carried
 * from meeting to meeting until complete. "Overdue" is not stored: it is an open action
 * past its due date (app/shared/meetings/action-status.ts).
 */
export const actions = pgTable(
  "actions",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id").references(() => bodies.id, { onDelete: "set null" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    agendaItemId: uuid("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    /** The entry in the meeting's shared document it came from: closing twice adds nothing. */
    sourceKey: text("source_key"),
    minuteNumber: text("minute_number"),
    description: text("description").notNull(),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: actionStatusEnum("status").notNull().default("not_started"),
    indicatorId: uuid("indicator_id").references(() => indicators.id, { onDelete: "set null" }),
    /** The indicator's reporting period and status when the action was agreed: "did it work?" */
    indicatorPeriodWhenAgreed: text("indicator_period_when_agreed"),
    indicatorStatusWhenAgreed: text("indicator_status_when_agreed"),
    indicatorValueWhenAgreed: text("indicator_value_when_agreed"),
    /**
     * A remedial action of an exception commentary: the month of the commentary that
     * raised it (its `sourceKey` is then the commentary's action id, and `meetingId` null).
     */
    raisedInPeriod: text("raised_in_period"),
    agreedAt: timestamptz("agreed_at").notNull().defaultNow(),
    completedAt: timestamptz("completed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("actions_org_status_idx").on(t.organisationId, t.status),
    index("actions_body_idx").on(t.bodyId),
    unique("actions_meeting_source_unique").on(t.meetingId, t.sourceKey),
    // One log entry per commentary action, whichever month's commentary carries it.
    uniqueIndex("actions_commentary_source_unique")
      .on(t.organisationId, t.indicatorId, t.sourceKey)
      .where(sql`${t.raisedInPeriod} is not null`),
  ],
);

/** Progress notes over time; each may change the status. Append-only. */
export const actionUpdates = pgTable(
  "action_updates",
  {
    id: id(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    status: actionStatusEnum("status").notNull(),
    note: text("note").notNull().default(""),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId, t.at)],
);

/**
 * A performance clinic's improvement plan for one of its indicators, stored as data when
 * the meeting closes (the words stay in the meeting's shared document): the milestones
 * agreed and the recovery trajectory, so the pack, the indicator page and later clinics
 * can set the plan against what happened.
 */
export const clinicPlans = pgTable(
  "clinic_plans",
  {
    id: id(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    milestones: jsonb("milestones").$type<{ milestone: string; due: string }[]>().notNull(),
    /** Planned value per reporting period, in period order. */
    trajectory: jsonb("trajectory").$type<{ period: string; value: number }[]>().notNull(),
    agreedAt: timestamptz("agreed_at").notNull(),
  },
  (t) => [
    unique("clinic_plans_item_indicator_unique").on(t.agendaItemId, t.indicatorId),
    index("clinic_plans_indicator_idx").on(t.organisationId, t.indicatorId),
  ],
);

export type {
  ActionStatus,
  AgendaItemKind,
  AgendaItemOptions,
  AttendanceCapacity,
  AttendanceState,
  BodyKind,
  InterestKind,
  MeetingKind,
  MeetingStatus,
  MemberKind,
  MotionStatus,
  SeatPosition,
  VoteChoice,
  VoteMethod,
};
export type Body = typeof bodies.$inferSelect;
export type BodyMember = typeof bodyMembers.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
