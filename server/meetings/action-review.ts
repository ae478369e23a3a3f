import {
  actionRowView,
  statusChangeText,
  type ActionReviewRow,
  type ActionRowView,
} from "../../app/shared/meetings/action-log-view";
import { shownActionStatus, ukToday } from "../../app/shared/meetings/action-status";
import type { Database } from "../../db/client";
import {
  actionsForReview,
  latestNotes,
  listActions,
  statusesAt,
  type ActionFilter,
  type ActionListRow,
} from "../../db/queries/actions";
import type { ActionStatus } from "../../db/schema/meetings";
import { indicatorSnapshots } from "./indicator-snapshot";

/*
 * Loads the action log as people read it: the log page, one action, and the next
 * meeting's "Review of the action log". The wording is done by the pure helpers of
 * app/shared/meetings/action-log-view.ts, which the browser and the pack renderer share.
 */

async function decorate(db: Database, organisationId: string, rows: ActionListRow[], today: string): Promise<ActionRowView[]> {
  const linked = rows.flatMap((r) => (r.indicatorId ? [r.indicatorId] : []));
  const [notes, now] = await Promise.all([
    latestNotes(
      db,
      rows.map((r) => r.id),
    ),
    indicatorSnapshots(db, organisationId, linked),
  ]);
  return rows.map((row) =>
    actionRowView(row, { today, note: notes.get(row.id), indicatorNow: row.indicatorId ? now.get(row.indicatorId) : undefined }),
  );
}

/** The action log page: the filtered actions with their latest notes and linked indicators now. */
export async function loadActionLog(db: Database, organisationId: string, filter: ActionFilter): Promise<ActionRowView[]> {
  return decorate(db, organisationId, await listActions(db, organisationId, filter), filter.today);
}

/** One action with its latest note and indicator, for the action's own page. */
export async function presentAction(
  db: Database,
  organisationId: string,
  row: ActionListRow,
  today = ukToday(),
): Promise<ActionRowView> {
  const [view] = await decorate(db, organisationId, [row], today);
  return view;
}

/**
 * The next meeting's "Review of the action log": the body's actions agreed before the
 * meeting that were open when it started or closed since the previous meeting, each with
 * how it stood at that previous meeting and whether its indicator has moved since.
 */
export async function loadActionReview(
  db: Database,
  organisationId: string,
  bodyId: string,
  meetingStartsAt: Date,
  today = ukToday(),
): Promise<ActionReviewRow[]> {
  const { previousMeetingAt, actions } = await actionsForReview(db, { organisationId, bodyId, before: meetingStartsAt });
  const ids = actions.map((a) => a.id);
  const [views, then] = await Promise.all([
    decorate(db, organisationId, actions, today),
    previousMeetingAt ? statusesAt(db, ids, previousMeetingAt) : Promise.resolve(new Map<string, ActionStatus>()),
  ]);
  const dayThen = previousMeetingAt ? ukToday(previousMeetingAt) : null;
  return views.map((view) => {
    const status = then.get(view.id);
    const statusThen = status && dayThen ? shownActionStatus(status, view.dueDate, dayThen) : null;
    return { ...view, statusThen, statusChangeText: statusChangeText(statusThen, view.shownStatus) };
  });
}
