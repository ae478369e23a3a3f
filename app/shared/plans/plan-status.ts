/**
 * The status of plans, their actions and milestones (ADR 021). What an owner reports is
 * stored; what follows from the dates is derived here, once, for pages, the API and packs:
 *
 * - a milestone is done, done late, slipped (its date has passed and it is not done), or
 *   due (its date is still ahead);
 * - an action reads overdue when its due date has passed and it is not complete, and at
 *   risk when one of its milestones has slipped and its owner reported it on track or not
 *   started (a slipped step puts the action at risk whatever was last said);
 * - a plan, an objective or a theme reads by its worst action.
 */
import { ACTION_STATUS_LABELS, shownActionStatus, type ShownActionStatus } from "../meetings/action-status";
import type { ActionStatus } from "../vocabulary";

export type MilestoneState = "done" | "done_late" | "slipped" | "due";

export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  done: "Done",
  done_late: "Done late",
  slipped: "Slipped",
  due: "Due",
};

export type MilestoneFacts = { dueDate: string; completedOn: string | null };

/** `today` and the dates are ISO days in the UK calendar. A milestone due today is not yet slipped. */
export function milestoneState(m: MilestoneFacts, today: string): MilestoneState {
  if (m.completedOn !== null) return m.completedOn > m.dueDate ? "done_late" : "done";
  return m.dueDate < today ? "slipped" : "due";
}

/** Slipped at some time: still open past its date, or done after it. A late finish is still a slip of its quarter. */
export function hasSlipped(m: MilestoneFacts, today: string): boolean {
  const state = milestoneState(m, today);
  return state === "slipped" || state === "done_late";
}

export type PlanActionFacts = { status: ActionStatus; dueDate: string; milestones: readonly MilestoneFacts[] };

export function planActionStatus(action: PlanActionFacts, today: string): ShownActionStatus {
  const shown = shownActionStatus(action.status, action.dueDate, today);
  if (shown !== "on_track" && shown !== "not_started") return shown;
  return action.milestones.some((m) => milestoneState(m, today) === "slipped") ? "at_risk" : shown;
}

/** Worst first: what a plan or an objective reads as when one of its actions does. */
const SEVERITY: Record<ShownActionStatus, number> = { overdue: 4, at_risk: 3, not_started: 2, on_track: 1, complete: 0 };

export type StatusCounts = Record<ShownActionStatus, number>;

export function countStatuses(statuses: readonly ShownActionStatus[]): StatusCounts {
  const counts: StatusCounts = { not_started: 0, on_track: 0, at_risk: 0, overdue: 0, complete: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}

/**
 * A plan's (or objective's) status: its worst action's, except that a plan whose every
 * action is complete is complete, and one with no actions yet is not started.
 */
export function rollUpStatus(statuses: readonly ShownActionStatus[]): ShownActionStatus {
  if (statuses.length === 0) return "not_started";
  return statuses.reduce((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst));
}

/** "2 on track, 1 at risk, 1 overdue": the counts at a glance, worst last so the eye ends on it; none said when zero. */
export function statusSummary(counts: StatusCounts): string {
  const order: ShownActionStatus[] = ["complete", "on_track", "not_started", "at_risk", "overdue"];
  const parts = order.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`);
  return parts.length ? parts.join(", ") : "No actions";
}

export { ACTION_STATUS_LABELS, type ShownActionStatus };

/** A plan action as the thread shows it (objective, indicator, API): its plan and its status today. */
export type ThreadAction = {
  id: string;
  planId: string;
  planCode: string;
  planTitle: string;
  code: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
  status: ShownActionStatus;
};
