/**
 * The golden thread in a pack (issue 17 item 5): a plan-progress item's quarter, and the
 * service improvement log, as pack appendices in the words the plan and improvements
 * pages use. The rules themselves are quarterProgress() and improvementMovement(); this
 * only puts their results into words, so page and pack cannot disagree.
 */
import { formatUkDay } from "../dates";
import { ACTION_STATUS_LABELS } from "../meetings/action-status";
import type { ImprovementMovement } from "../plans/improvement-movement";
import { MILESTONE_STATE_LABELS } from "../plans/plan-status";
import type { QuarterProgress } from "../plans/quarter-progress";
import type { PackAppendix } from "./pack-document";

type PlanProgressAppendix = Extract<PackAppendix, { kind: "plan_progress" }>;
type ImprovementLogAppendix = Extract<PackAppendix, { kind: "improvement_log" }>;

/** `planOf` names the plan of each action ("SIP-REP Repairs improvement plan"). */
export function planProgressAppendix(
  progress: QuarterProgress,
  planOf: (actionId: string) => string,
  head: { sectionId: string; title: string },
): PlanProgressAppendix {
  return {
    kind: "plan_progress",
    ...head,
    quarterText: progress.quarter.label,
    actions: progress.actions.map((a) => ({
      plan: planOf(a.id),
      code: a.code,
      title: a.title,
      owner: a.ownerName ?? "",
      dueText: formatUkDay(a.dueDate),
      statusText: ACTION_STATUS_LABELS[a.shownStatus],
      progress: a.progress?.note ?? "",
      milestonesText: a.milestones
        .map((m) => `${m.title}, due ${formatUkDay(m.dueDate)}: ${MILESTONE_STATE_LABELS[m.state]}`)
        .join("\n"),
    })),
    slipped: progress.slipped.map((s) => ({
      plan: `${s.planCode} ${s.planTitle}`,
      action: `${s.actionCode} ${s.actionTitle}`,
      milestone: s.title,
      dueText: formatUkDay(s.dueDate),
      stateText: MILESTONE_STATE_LABELS[s.state],
      commentary: s.commentary?.note ?? "",
    })),
    missingProgress: progress.missingProgress,
  };
}

export type ImprovementForPack = {
  title: string;
  description: string;
  madeOn: string;
  evidence: string;
  indicator: { code: string; title: string } | null;
  planAction: { code: string; title: string } | null;
  movement: Pick<ImprovementMovement, "text"> | null;
};

/** Every improvement as the improvements page lists it: the movement is the committee's wording. */
export function improvementLogAppendix(
  improvements: readonly ImprovementForPack[],
  head: { sectionId: string; title: string },
): ImprovementLogAppendix {
  return {
    kind: "improvement_log",
    ...head,
    rows: improvements.map((i) => ({
      title: i.title,
      description: i.description,
      madeOnText: formatUkDay(i.madeOn),
      evidence: i.evidence,
      indicator: i.indicator ? `${i.indicator.code} ${i.indicator.title}` : "",
      planAction: i.planAction ? `${i.planAction.code} ${i.planAction.title}` : "",
      movementText: i.movement?.text ?? "",
    })),
  };
}
