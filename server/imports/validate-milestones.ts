// Validates the milestones of plan actions: one row per milestone, named within its
// action, with the date it is due and, once done, the date it was done (ADR 021).

import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { actionKey, threadCells, threadOf } from "./thread-cells";
import { validateRows } from "./validate-rows";

export interface MilestoneRow {
  plan: string;
  action: string;
  milestone: string;
  dueDate: string;
  /** Undefined when the file has no such column (as it is); null when the cell is empty (not done). */
  completedOn?: string | null;
}

export const MILESTONE_COLUMNS = {
  required: ["plan", "action", "milestone", "due_date"],
  optional: ["completed_on"],
} as const;

export function validateMilestones(table: Table, context?: ImportContext): ValidationResult<MilestoneRow> {
  const thread = threadOf(context);
  return validateRows(table, MILESTONE_COLUMNS, (row) => {
    const { label, report, claimKey } = row;
    const cell = threadCells(row, context);
    const plan = cell.code("plan", "plan");
    const action = cell.code("action", "action");
    if (plan && action && !thread.planActions.has(actionKey(plan, action)))
      report(label.action, `${quote(action)} is not an action of the plan ${quote(plan)}: import the plan actions first`);
    const milestone = cell.text("milestone", "milestone");
    if (plan && action && milestone) {
      const earlier = claimKey(plan, action, milestone.toLowerCase());
      if (earlier) report(label.milestone, `Duplicate milestone: line ${earlier.line} already has it for ${action}`);
    }
    const dueDate = cell.day("due_date", "due date", true);
    const completedOn = cell.has("completed_on") ? cell.day("completed_on", "completion date", false) : undefined;
    return { plan, action, milestone, dueDate: dueDate ?? "", completedOn };
  });
}
