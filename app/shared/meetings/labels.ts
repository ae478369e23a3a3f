import type {
  AgendaItemKind,
  AttendanceCapacity,
  AttendanceState,
  BodyKind,
  InterestKind,
  MeetingKind,
  MeetingStatus,
  MemberKind,
  MinutesMode,
  MotionStatus,
  SeatPosition,
  VoteChoice,
  VoteMethod,
} from "../vocabulary";

/** The words people in the sector use for each value, shared by pages, the session room and packs. */

export const MINUTES_MODE_LABELS: Record<MinutesMode, string> = {
  clerk: "The clerk writes the minutes; members suggest",
  everyone: "Everyone taking part writes the minutes",
};

export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  committee: "Committee",
  area_panel: "Area panel",
  corporate_performance: "Corporate performance meeting",
  scrutiny_panel: "Tenant scrutiny panel",
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  committee: "Committee meeting",
  area_panel: "Area panel session",
  corporate_performance: "Corporate performance meeting",
  performance_clinic: "Performance clinic",
  scrutiny_panel: "Scrutiny panel",
};

/** The kind of meeting a body usually holds. */
export const DEFAULT_MEETING_KIND: Record<BodyKind, MeetingKind> = {
  committee: "committee",
  area_panel: "area_panel",
  corporate_performance: "corporate_performance",
  scrutiny_panel: "scrutiny_panel",
};

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: "Draft agenda",
  agenda_published: "Agenda published",
  in_session: "In session",
  closed: "Closed",
  minutes_approved: "Minutes approved",
};

export const SEAT_POSITION_LABELS: Record<SeatPosition, string> = {
  chair: "Chair",
  vice_chair: "Vice-chair",
  member: "Member",
};

export const MEMBER_KIND_LABELS: Record<MemberKind, string> = {
  councillor: "Councillor",
  independent: "Independent",
  tenant: "Tenant",
  co_opted: "Co-opted",
  officer: "Officer",
};

export const ATTENDANCE_LABELS: Record<AttendanceState, string> = {
  expected: "Expected",
  present: "Present",
  apologies: "Apologies",
  absent: "Absent",
};

export const CAPACITY_LABELS: Record<AttendanceCapacity, string> = {
  member: "Member",
  officer: "Officer",
  guest: "Guest",
};

export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  apologies: "Apologies for absence",
  declarations: "Declarations of interest",
  previous_minutes: "Minutes of the last meeting",
  action_log: "Review of the action log",
  report: "Report",
  scorecard_review: "Scorecard review",
  exceptions: "Exceptions",
  performance_clinic: "Performance clinic",
  any_other_business: "Any other business",
  plan_progress: "Plan progress",
  improvement_log: "Service improvement log",
};

/** Offered on every new agenda, in this order: plan, do, check, act starts with last time's actions. */
export const STANDARD_OPENING_ITEMS: AgendaItemKind[] = ["apologies", "declarations", "previous_minutes", "action_log"];

export const INTEREST_KIND_LABELS: Record<InterestKind, string> = {
  personal: "Personal interest",
  prejudicial: "Prejudicial interest",
  other: "Other registrable interest",
};

export const VOTE_CHOICE_LABELS: Record<VoteChoice, string> = {
  for: "For",
  against: "Against",
  abstain: "Abstain",
};

export const VOTE_METHOD_LABELS: Record<VoteMethod, string> = {
  named: "Named vote",
  show_of_hands: "Show of hands",
};

export const MOTION_STATUS_LABELS: Record<MotionStatus, string> = {
  open: "Voting open",
  carried: "Carried",
  lost: "Lost",
  withdrawn: "Withdrawn",
};

/**
 * The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 under which
 * an item may be exempt from publication.
 */
export const EXEMPT_PARAGRAPHS: Record<number, string> = {
  1: "Information relating to any individual",
  2: "Information which is likely to reveal the identity of an individual",
  3: "Information relating to the financial or business affairs of any particular person (including the authority holding that information)",
  4: "Information relating to consultations or negotiations in connection with labour relations matters",
  5: "Information in respect of which a claim to legal professional privilege could be maintained",
  6: "Information which reveals that the authority proposes to give a notice or make an order or direction",
  7: "Information relating to the prevention, investigation or prosecution of crime",
};

/** What the public copy shows in place of an exempt item. */
export function exemptNotice(paragraph: number | null): string {
  return `Exempt information: not for publication${paragraph ? ` (paragraph ${paragraph})` : ""}`;
}
