/*
 * The action log as people read it, on the action log page, in the next meeting's
 * "Review of the action log" item and in the pack: plain, serialisable rows with every
 * text already written, so that a page, a component and the pack renderer say the same
 * words. Pure: the loaders are in server/meetings/action-review.ts.
 */

import { ACTION_STATUS_LABELS, shownActionStatus, type ShownActionStatus } from "./action-status";
import { INDICATOR_MOVEMENT_LABELS, indicatorMovement, type IndicatorMovement } from "./indicator-movement";
import { formatUkDate, formatUkDateTime, formatUkDay } from "../dates";
import { monthLabel } from "../performance/periods";
import { statusPresentation, type TargetStatus } from "../performance/status";
import type { ActionStatus } from "../vocabulary";

/** A line of the action log as the database reads it (db/queries/actions.ts answers rows of this shape). */
export type ActionListRow = {
  id: string;
  bodyId: string | null;
  bodyName: string | null;
  meetingTitle: string | null;
  meetingStartsAt: Date | null;
  minuteNumber: string | null;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string;
  status: ActionStatus;
  indicatorId: string | null;
  indicatorCode: string | null;
  indicatorTitle: string | null;
  indicatorPeriodWhenAgreed: string | null;
  indicatorStatusWhenAgreed: string | null;
  indicatorValueWhenAgreed: string | null;
  agreedAt: Date;
  completedAt: Date | null;
};

/** The action log's status filter: "open" includes overdue; "overdue" is open and past due. */
export const ACTION_LIST_STATUSES = ["open", "overdue", "complete", "all"] as const;
export type ActionListStatus = (typeof ACTION_LIST_STATUSES)[number];

/** The latest progress note with words in it. */
type NoteSource = { note: string; userName: string | null; at: Date };
/** The linked indicator in the latest reporting period (server/meetings/indicator-snapshot.ts). */
type IndicatorNow = { period: string; status: TargetStatus; valueText: string };

const TARGET_STATUSES: readonly TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_target", "no_data"];
const asTargetStatus = (value: string | null): TargetStatus | null =>
  value && (TARGET_STATUSES as readonly string[]).includes(value) ? (value as TargetStatus) : null;

/** The linked indicator at one moment: when the action was agreed, or now. */
export type IndicatorStanding = {
  period: string;
  periodText: string;
  status: TargetStatus;
  statusText: string;
  valueText: string;
};

/** "Did it work?": the linked indicator when the action was agreed against now. */
export type IndicatorMovementView = {
  id: string;
  code: string;
  title: string;
  then: IndicatorStanding | null;
  now: IndicatorStanding | null;
  movement: IndicatorMovement;
  movementText: string;
};

export type ActionRowView = {
  id: string;
  minuteNumber: string | null;
  description: string;
  bodyId: string | null;
  bodyName: string | null;
  meetingTitle: string | null;
  meetingDateText: string | null;
  ownerUserId: string | null;
  ownerName: string;
  dueDate: string;
  dueText: string;
  status: ActionStatus;
  shownStatus: ShownActionStatus;
  shownStatusText: string;
  agreedText: string;
  completedText: string | null;
  latestNote: { text: string; by: string; atText: string } | null;
  indicator: IndicatorMovementView | null;
};

/** A line of the next meeting's review: the log line, and how the action stood at the previous meeting. */
export type ActionReviewRow = ActionRowView & {
  /** The status shown at the previous meeting; null for an action agreed since. */
  statusThen: ShownActionStatus | null;
  statusChangeText: string;
};

const NO_OWNER = "No owner (they have left)";
/** An entry by someone whose account has gone, or made by the system itself. */
export const NAME_NOT_RECORDED = "Name not recorded";

function standing(period: string | null, status: TargetStatus | null, valueText: string | null): IndicatorStanding | null {
  if (!period || !status) return null;
  return {
    period,
    periodText: monthLabel(period),
    status,
    statusText: statusPresentation(status).label,
    valueText: valueText ?? "",
  };
}

/**
 * The linked indicator in the month the action was raised for ("then", stored when it was
 * agreed) against the reporting month being viewed ("now"). "Did it work?" is only asked
 * of a later month: viewing the month it was raised for, or an earlier one, says "Not
 * known" rather than "No change since agreed".
 */
export function indicatorMovementView(row: ActionListRow, now: IndicatorNow | undefined): IndicatorMovementView | null {
  if (!row.indicatorId || !row.indicatorCode) return null;
  const thenStatus = asTargetStatus(row.indicatorStatusWhenAgreed);
  const later = now && (!row.indicatorPeriodWhenAgreed || now.period > row.indicatorPeriodWhenAgreed);
  const movement = indicatorMovement(thenStatus, later ? now.status : null);
  return {
    id: row.indicatorId,
    code: row.indicatorCode,
    title: row.indicatorTitle ?? "",
    then: standing(row.indicatorPeriodWhenAgreed, thenStatus, row.indicatorValueWhenAgreed),
    now: now ? standing(now.period, now.status, now.valueText) : null,
    movement,
    movementText: INDICATOR_MOVEMENT_LABELS[movement],
  };
}

/** One line of the log, with every text written; `today` (YYYY-MM-DD, UK) decides "overdue". */
export function actionRowView(
  row: ActionListRow,
  context: { today: string; note?: NoteSource; indicatorNow?: IndicatorNow },
): ActionRowView {
  const shown = shownActionStatus(row.status, row.dueDate, context.today);
  return {
    id: row.id,
    minuteNumber: row.minuteNumber,
    description: row.description,
    bodyId: row.bodyId,
    bodyName: row.bodyName,
    meetingTitle: row.meetingTitle,
    meetingDateText: row.meetingStartsAt ? formatUkDate(row.meetingStartsAt) : null,
    ownerUserId: row.ownerUserId,
    ownerName: row.ownerName ?? NO_OWNER,
    dueDate: row.dueDate,
    dueText: formatUkDay(row.dueDate),
    status: row.status,
    shownStatus: shown,
    shownStatusText: ACTION_STATUS_LABELS[shown],
    agreedText: formatUkDate(row.agreedAt),
    completedText: row.completedAt ? formatUkDate(row.completedAt) : null,
    latestNote: context.note
      ? { text: context.note.note, by: context.note.userName ?? NAME_NOT_RECORDED, atText: formatUkDateTime(context.note.at) }
      : null,
    indicator: indicatorMovementView(row, context.indicatorNow),
  };
}

/** "Was On track, now Complete": words, not an arrow, so that a screen reader says it plainly. */
export function statusChangeText(then: ShownActionStatus | null, now: ShownActionStatus): string {
  const nowText = ACTION_STATUS_LABELS[now];
  if (then === null) return `${nowText} (new since the last review)`;
  if (then === now) return `${nowText} (no change)`;
  return `Was ${ACTION_STATUS_LABELS[then].toLowerCase()}, now ${nowText.toLowerCase()}`;
}

export type ActionCounts = { total: number; open: number; overdue: number; complete: number };

export function countRows(rows: Pick<ActionRowView, "shownStatus">[]): ActionCounts {
  const overdue = rows.filter((r) => r.shownStatus === "overdue").length;
  const complete = rows.filter((r) => r.shownStatus === "complete").length;
  return { total: rows.length, open: rows.length - complete, overdue, complete };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "5 actions: 3 open (1 overdue), 2 complete." */
export function actionCountsText(counts: ActionCounts): string {
  if (counts.total === 0) return "No actions.";
  return `${plural(counts.total, "action")}: ${counts.open} open${counts.overdue ? ` (${counts.overdue} overdue)` : ""}, ${counts.complete} complete.`;
}
