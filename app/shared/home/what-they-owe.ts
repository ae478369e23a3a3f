import { shownActionStatus } from "../meetings/action-status";
import { addMonths } from "../performance/periods";
import { monthInProgress, type ReportingPeriods } from "../performance/reporting-period";
import type { MonthDueDates } from "../performance/reporting-timetable";
import type { ActionStatus, FigureStatus } from "../vocabulary";

/*
 * What one person owes this month, for their home page: the figures and commentaries of
 * the indicators they manage or own (the manager enters the figure and writes the
 * commentary, ADR 013; the owner answers for both, so sees them too), with the due dates
 * of the reporting timetable, and their actions, overdue first.
 */

/**
 * The month whose figures people owe: the month in progress; when every month with
 * figures is published, the one after the last published; before anything is entered
 * or published, last calendar month (`today` is "YYYY-MM-DD", UK).
 */
export function periodOwed(periods: ReportingPeriods, today: string): string {
  const inProgress = monthInProgress(periods);
  if (inProgress) return inProgress;
  if (periods.lastPublished) return addMonths(periods.lastPublished, 1);
  return addMonths(today.slice(0, 7), -1);
}

export type CommentaryState = "missing" | "draft" | "ready";

export type IndicatorOfMonth = {
  code: string;
  title: string;
  ownerUserId: string | null;
  managerUserId: string | null;
  /** A figure is due for the month under the indicator's frequency. */
  due: boolean;
  /** The least checked status of the month's figures (all areas), or null when none is in. */
  figureStatus: FigureStatus | null;
  /** The commentary's state when the month's figure is an exception, otherwise null. */
  commentary: CommentaryState | null;
};

export type OwedItem = {
  code: string;
  title: string;
  /** "manager": they enter it (or write it); "owner": they answer for it. */
  as: "manager" | "owner";
  /** What is there now: no figure or a draft; a commentary missing or in draft. */
  state: "missing" | "draft";
  dueBy: string;
  overdue: boolean;
};

export type OwedAction = { id: string; description: string; dueDate: string; overdue: boolean };

export type WhatTheyOwe = { period: string; figures: OwedItem[]; commentaries: OwedItem[]; actions: OwedAction[] };

const byOverdueThenCode = (a: OwedItem, b: OwedItem) => Number(b.overdue) - Number(a.overdue) || a.code.localeCompare(b.code);

/** Their part in an indicator: the manager; the owner when they are not also its manager; or none. */
function partIn(indicator: IndicatorOfMonth, userId: string): OwedItem["as"] | null {
  if (indicator.managerUserId === userId) return "manager";
  if (indicator.ownerUserId === userId) return "owner";
  return null;
}

export function whatTheyOwe(input: {
  userId: string;
  period: string;
  dueDates: MonthDueDates;
  today: string;
  indicators: IndicatorOfMonth[];
  actions: { id: string; description: string; dueDate: string; status: ActionStatus }[];
}): WhatTheyOwe {
  const { userId, dueDates, today } = input;
  const figures: OwedItem[] = [];
  const commentaries: OwedItem[] = [];
  for (const indicator of input.indicators) {
    const as = partIn(indicator, userId);
    if (!as || !indicator.due) continue;
    const item = { code: indicator.code, title: indicator.title, as };
    // A submitted figure waits for the performance team to verify it: the officer's part is done.
    if (indicator.figureStatus === null || indicator.figureStatus === "draft")
      figures.push({
        ...item,
        state: indicator.figureStatus ? "draft" : "missing",
        dueBy: dueDates.figures,
        overdue: today > dueDates.figures,
      });
    if (indicator.commentary === "missing" || indicator.commentary === "draft")
      commentaries.push({
        ...item,
        state: indicator.commentary,
        dueBy: dueDates.commentaries,
        overdue: today > dueDates.commentaries,
      });
  }
  const actions = input.actions
    .filter((a) => a.status !== "complete")
    .map((a) => ({
      id: a.id,
      description: a.description,
      dueDate: a.dueDate,
      overdue: shownActionStatus(a.status, a.dueDate, today) === "overdue",
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  return {
    period: input.period,
    figures: figures.sort(byOverdueThenCode),
    commentaries: commentaries.sort(byOverdueThenCode),
    actions,
  };
}
