import type { ActionStatus } from "../vocabulary";

/** What an action's status reads as today: an open action past its due date is overdue. */
export type ShownActionStatus = ActionStatus | "overdue";

export const ACTION_STATUS_LABELS: Record<ShownActionStatus, string> = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  overdue: "Overdue",
  complete: "Complete",
};

/** The statuses a person can set; "overdue" follows from the date. */
export const SETTABLE_ACTION_STATUSES: ActionStatus[] = ["not_started", "on_track", "at_risk", "complete"];

/** `today` and `dueDate` are ISO dates (YYYY-MM-DD) in the UK calendar. */
export function shownActionStatus(status: ActionStatus, dueDate: string, today: string): ShownActionStatus {
  if (status !== "complete" && dueDate < today) return "overdue";
  return status;
}

export function isOpenAction(status: ActionStatus): boolean {
  return status !== "complete";
}

/** Today's date in the UK, as YYYY-MM-DD (the server may run in UTC). */
export function ukToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
