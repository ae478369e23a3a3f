/**
 * Exceptions: the indicators that need a commentary in the reporting period.
 *
 * Committees report by exception: they read commentary only where performance is
 * "below or not on target", so this is the list that must carry a commentary (reason,
 * remedial action, recovery date) before a pack is frozen. What counts is the
 * organisation's choice (organisations.exception_rule):
 *
 * - not_on_target (the default): amber and red, as most frameworks write it;
 * - off_target_only: red only, where amber is the agreed margin for normal variation
 *   and commentary on it would bury the real problems.
 *
 * The exceptions page, the month in progress, the reporting month's "commentaries
 * missing", the scorecard's exception view and the pack's exceptions item all ask this.
 */
import type { ExceptionRule } from "../vocabulary";
import type { TargetStatus } from "./status";

export const DEFAULT_EXCEPTION_RULE: ExceptionRule = "not_on_target";

export const EXCEPTION_RULE_LABELS: Record<ExceptionRule, string> = {
  not_on_target: "Any figure not on target (within tolerance or off target)",
  off_target_only: "Off target only",
};

/** True when a status makes an indicator an exception under the organisation's rule. */
export function isException(status: TargetStatus, rule: ExceptionRule): boolean {
  if (status === "off_target") return true;
  return rule === "not_on_target" && status === "within_tolerance";
}

/**
 * The rows that are exceptions, in their original order. Generic so it works
 * on scorecard rows, API rows or anything else that carries a status.
 */
export function findExceptions<Row extends { status: TargetStatus }>(rows: readonly Row[], rule: ExceptionRule): Row[] {
  return rows.filter((row) => isException(row.status, rule));
}
