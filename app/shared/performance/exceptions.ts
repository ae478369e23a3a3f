/**
 * Exceptions: indicators off target in the reporting period.
 *
 * Committees report by exception: they read commentary only where
 * performance is off target, so this is the list that must carry a
 * commentary (reason, remedial action, recovery date) before a pack is
 * frozen. Within tolerance (amber) is deliberately NOT an exception: amber is
 * the agreed margin for normal variation, and asking for commentary on it
 * would bury the real problems.
 */
import type { TargetStatus } from "./status";

/** True when a status makes an indicator an exception. */
export function isException(status: TargetStatus): boolean {
  return status === "off_target";
}

/**
 * The rows that are exceptions, in their original order. Generic so it works
 * on scorecard rows, API rows or anything else that carries a status.
 */
export function findExceptions<Row extends { indicatorId: string; status: TargetStatus }>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => isException(row.status));
}
