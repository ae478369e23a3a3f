// Validates the actions of plans: one row per action, in a plan of the library, with
// its owner, start and due dates, and what it serves: objectives and indicators (ADR 021).

import type { ActionStatus } from "../../app/shared/vocabulary";
import { ACTION_STATUSES } from "../../app/shared/vocabulary";
import { cellText } from "./cells";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { actionKey, threadCells, threadOf } from "./thread-cells";
import { validateRows } from "./validate-rows";

export interface PlanActionRow {
  plan: string;
  code: string;
  title: string;
  ownerEmail: string;
  startDate: string;
  dueDate: string;
  /** Undefined (absent or empty): as it is, or not started for a new action. */
  status?: ActionStatus;
  objectives?: string[];
  indicators?: string[];
}

export const PLAN_ACTION_COLUMNS = {
  required: ["plan", "code", "title", "owner_email", "start_date", "due_date"],
  optional: ["status", "objectives", "indicators"],
} as const;

const STATUSES = new Map<string, ActionStatus>(ACTION_STATUSES.map((s) => [s.replace("_", " "), s]));
for (const s of ACTION_STATUSES) STATUSES.set(s, s);

export function validatePlanActions(table: Table, context?: ImportContext): ValidationResult<PlanActionRow> {
  const thread = threadOf(context);
  return validateRows(table, PLAN_ACTION_COLUMNS, (row) => {
    const { cells, col, label, report, claimKey } = row;
    const cell = threadCells(row, context);
    const plan = cell.code("plan", "plan");
    if (plan && !thread.plans.has(plan))
      report(label.plan, `${quote(plan)} is not a plan of this organisation: import the plans first`);
    const code = cell.code("code", "action");
    if (plan && code) {
      const earlier = claimKey(plan, code.toLowerCase());
      if (earlier) report(label.code, `Duplicate action: line ${earlier.line} already has ${code} in ${plan}`);
    }
    const title = cell.text("title", "action");
    const ownerEmail = cell.person("owner_email", "owner");
    const startDate = cell.day("start_date", "start date", true);
    const dueDate = cell.day("due_date", "due date", true);
    if (startDate && dueDate && dueDate < startDate) report(label.due_date, "The due date is before the start date");
    const statusText = col.status >= 0 ? cellText(cells[col.status]) : null;
    const status = statusText === null ? undefined : STATUSES.get(statusText.toLowerCase());
    if (statusText !== null && !status)
      report(
        label.status,
        `${quote(statusText)} is not a status: use not started, on track, at risk or complete (overdue follows from the date)`,
      );
    const objectives = cell.codeList("objectives", "objective", (c) => thread.objectives.has(c));
    const indicators = cell.codeList("indicators", "indicator", (c) => context?.indicators.has(c) ?? false);
    return { plan, code, title, ownerEmail, startDate: startDate ?? "", dueDate: dueDate ?? "", status, objectives, indicators };
  });
}

export { actionKey };
