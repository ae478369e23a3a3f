import type { TargetStatus } from "../performance/status";

export type IndicatorMovement = "improved" | "unchanged" | "worsened" | "unknown";

const RANK: Partial<Record<TargetStatus, number>> = { off_target: 0, within_tolerance: 1, on_target: 2 };

/**
 * Did the action work? The linked indicator's status when the action was agreed
 * against its status in the latest period. Without a judged status at both ends
 * (no target, no data) there is nothing to say.
 */
export function indicatorMovement(then: TargetStatus | null, now: TargetStatus | null): IndicatorMovement {
  const before = then ? RANK[then] : undefined;
  const after = now ? RANK[now] : undefined;
  if (before === undefined || after === undefined) return "unknown";
  if (after > before) return "improved";
  if (after < before) return "worsened";
  return "unchanged";
}

export const INDICATOR_MOVEMENT_LABELS: Record<IndicatorMovement, string> = {
  improved: "Improved since agreed",
  unchanged: "No change since agreed",
  worsened: "Worse since agreed",
  unknown: "Not known",
};
