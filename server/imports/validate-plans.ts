// Validates service plans and service improvement plans: one row per plan, with the
// team or service area, the owner and the financial year (ADR 021).

import type { PlanKind } from "../../app/shared/vocabulary";
import { cellText, parseFinancialYearCell, showCell } from "./cells";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { threadCells } from "./thread-cells";
import { validateRows } from "./validate-rows";

export interface PlanRow {
  code: string;
  title: string;
  kind: PlanKind;
  serviceArea: string;
  ownerEmail: string;
  year: string;
}

export const PLAN_COLUMNS = { required: ["code", "title", "kind", "service_area", "owner_email", "year"], optional: [] } as const;

const KINDS = new Map<string, PlanKind>([
  ["service", "service"],
  ["service plan", "service"],
  ["improvement", "improvement"],
  ["service improvement plan", "improvement"],
  ["sip", "improvement"],
]);

export function validatePlans(table: Table, context?: ImportContext): ValidationResult<PlanRow> {
  return validateRows(table, PLAN_COLUMNS, (row) => {
    const { cells, col, label, report, claimKey } = row;
    const cell = threadCells(row, context);
    const code = cell.code("code", "plan");
    if (code) {
      const earlier = claimKey(code.toLowerCase());
      if (earlier) report(label.code, `Duplicate plan: line ${earlier.line} already has ${code}`);
    }
    const title = cell.text("title", "title");
    const kindText = cellText(cells[col.kind]);
    const kind = kindText === null ? undefined : KINDS.get(kindText.toLowerCase());
    if (!kind)
      report(
        label.kind,
        `${kindText === null ? "No kind" : `${quote(kindText)} is not a kind of plan`}: use service or improvement (a SIP)`,
      );
    const serviceArea = cell.text("service_area", "team or service area");
    const ownerEmail = cell.person("owner_email", "owner");
    const year = parseFinancialYearCell(cells[col.year]);
    if (year === null)
      report(
        label.year,
        cellText(cells[col.year]) === null
          ? "No year: give the financial year, e.g. 2026/27"
          : `${quote(showCell(cells[col.year]))} is not a financial year: use e.g. 2026/27`,
      );
    return { code, title, kind: kind ?? "service", serviceArea, ownerEmail, year: year ?? "" };
  });
}
