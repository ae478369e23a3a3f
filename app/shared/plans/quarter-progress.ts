/**
 * A plan's progress in one quarter: for each action, its status, the progress its owner
 * recorded for the quarter and the milestones due in it; and the milestones that slipped
 * in the quarter, each an exception of its own that needs a short commentary (ADR 021).
 * One rule for the plan page, the exceptions page, the API and (later) the plan progress
 * agenda item.
 */
import type { ActionStatus } from "../vocabulary";
import { hasSlipped, milestoneState, planActionStatus, type MilestoneState, type ShownActionStatus } from "./plan-status";
import { quarterSpan, type QuarterKey, type QuarterSpan } from "./quarters";

export type ProgressNoteFacts = {
  id: string;
  milestoneId: string | null;
  quarter: QuarterKey;
  status: ActionStatus | null;
  note: string;
  expectedDate: string | null;
  /** ISO timestamp: notes are ordered by it. */
  at: string;
  by: string;
};

export type MilestoneForProgress = { id: string; title: string; dueDate: string; completedOn: string | null };

export type ActionForProgress = {
  id: string;
  planId: string;
  planCode: string;
  planTitle: string;
  code: string;
  title: string;
  ownerName: string | null;
  status: ActionStatus;
  dueDate: string;
  milestones: readonly MilestoneForProgress[];
  notes: readonly ProgressNoteFacts[];
};

export type SlippedMilestone = {
  planId: string;
  planCode: string;
  planTitle: string;
  actionId: string;
  actionCode: string;
  actionTitle: string;
  ownerName: string | null;
  milestoneId: string;
  title: string;
  dueDate: string;
  state: MilestoneState;
  /** The latest note on the milestone for the quarter it slipped in or later: why, and what now. */
  commentary: ProgressNoteFacts | null;
};

export type ActionQuarterProgress = {
  id: string;
  code: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
  shownStatus: ShownActionStatus;
  /** The latest note on the action for the quarter; null when none was recorded. */
  progress: ProgressNoteFacts | null;
  milestones: { id: string; title: string; dueDate: string; state: MilestoneState; note: ProgressNoteFacts | null }[];
};

export type QuarterProgress = {
  quarter: QuarterSpan;
  actions: ActionQuarterProgress[];
  slipped: SlippedMilestone[];
  /** Actions still open with no progress recorded for the quarter. */
  missingProgress: string[];
};

const latest = (notes: readonly ProgressNoteFacts[]) =>
  notes.reduce<ProgressNoteFacts | null>((best, n) => (best === null || n.at > best.at ? n : best), null);

/** Quarter keys sort as text ("2026/27 Q2" < "2026/27 Q3" < "2027/28 Q1"). */
const inOrAfter = (quarter: QuarterKey, from: QuarterKey) => quarter >= from;

/**
 * Milestones that slipped in `quarter`: due within it and not done by their date (still
 * open after it, or done late). A milestone due later in the quarter than `today` has not
 * slipped yet.
 */
export function slippedMilestones(actions: readonly ActionForProgress[], quarter: QuarterKey, today: string): SlippedMilestone[] {
  const span = quarterSpan(quarter);
  const out: SlippedMilestone[] = [];
  for (const action of actions) {
    for (const m of action.milestones) {
      if (m.dueDate < span.firstDay || m.dueDate > span.lastDay || !hasSlipped(m, today)) continue;
      const commentary = latest(action.notes.filter((n) => n.milestoneId === m.id && inOrAfter(n.quarter, quarter)));
      out.push({
        planId: action.planId,
        planCode: action.planCode,
        planTitle: action.planTitle,
        actionId: action.id,
        actionCode: action.code,
        actionTitle: action.title,
        ownerName: action.ownerName,
        milestoneId: m.id,
        title: m.title,
        dueDate: m.dueDate,
        state: milestoneState(m, today),
        commentary,
      });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.planCode.localeCompare(b.planCode));
}

export function quarterProgress(actions: readonly ActionForProgress[], quarter: QuarterKey, today: string): QuarterProgress {
  const span = quarterSpan(quarter);
  const rows = actions.map((action): ActionQuarterProgress => {
    const ofQuarter = action.notes.filter((n) => n.quarter === quarter);
    return {
      id: action.id,
      code: action.code,
      title: action.title,
      ownerName: action.ownerName,
      dueDate: action.dueDate,
      shownStatus: planActionStatus(action, today),
      progress: latest(ofQuarter.filter((n) => n.milestoneId === null)),
      milestones: action.milestones
        .filter((m) => m.dueDate >= span.firstDay && m.dueDate <= span.lastDay)
        .map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          state: milestoneState(m, today),
          note: latest(ofQuarter.filter((n) => n.milestoneId === m.id)),
        })),
    };
  });
  return {
    quarter: span,
    actions: rows,
    slipped: slippedMilestones(actions, quarter, today),
    missingProgress: rows.filter((r) => r.shownStatus !== "complete" && r.progress === null).map((r) => r.code),
  };
}
