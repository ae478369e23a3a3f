// Validates the business plan's strategic objectives: one row per objective, under a
// theme of the library, with the person accountable, the years it spans and the
// indicators that measure it (ADR 021).

import { isFinancialYear } from "../../app/shared/performance/periods";
import { cellText } from "./cells";
import type { ImportContext, ValidationResult } from "./import-types";
import { quote } from "./problems";
import type { Table } from "./read-table";
import { THREAD_LIMITS, threadCells, threadOf } from "./thread-cells";
import { validateRows } from "./validate-rows";

export interface ObjectiveRow {
  code: string;
  title: string;
  /** The theme's name as the library spells it. */
  theme: string;
  accountableEmail: string;
  firstYear: string;
  lastYear: string;
  /** Indicator codes; undefined when the file has no such column (the links stay as they are). */
  indicators?: string[];
  description?: string;
}

export const OBJECTIVE_COLUMNS = {
  required: ["code", "title", "theme", "accountable_email", "period"],
  optional: ["indicators", "description"],
} as const;

// "2025/26–2027/28", with an en dash, a hyphen or "to"; a single year is a one-year objective.
const PERIOD = /^(\d{4}\/\d{2})\s*(?:[–—-]|to)\s*(\d{4}\/\d{2})$/;

export function validateObjectives(table: Table, context?: ImportContext): ValidationResult<ObjectiveRow> {
  const thread = threadOf(context);
  const themes = new Map([...thread.themes].map((name) => [name.toLowerCase(), name]));
  return validateRows(table, OBJECTIVE_COLUMNS, (row) => {
    const { cells, col, label, report, claimKey } = row;
    const cell = threadCells(row, context);
    const code = cell.code("code", "objective");
    if (code) {
      const earlier = claimKey(code.toLowerCase());
      if (earlier) report(label.code, `Duplicate objective: line ${earlier.line} already has ${code}`);
    }
    const title = cell.text("title", "title");
    const themeText = cellText(cells[col.theme]);
    const theme = themeText === null ? undefined : themes.get(themeText.toLowerCase());
    if (themeText === null) report(label.theme, "No theme: every objective sits under a strategic theme");
    else if (!theme)
      report(label.theme, `${quote(themeText)} is not a theme of this organisation: use one of the indicator library's themes`);
    const accountableEmail = cell.person("accountable_email", "accountable person");

    const periodText = cellText(cells[col.period]);
    let firstYear = "";
    let lastYear = "";
    if (periodText === null) report(label.period, "No period: give the financial years, e.g. 2025/26–2027/28");
    else {
      const match = PERIOD.exec(periodText);
      [firstYear, lastYear] = match ? [match[1]!, match[2]!] : [periodText, periodText];
      if (!isFinancialYear(firstYear) || !isFinancialYear(lastYear))
        report(label.period, `${quote(periodText)} is not a period: give financial years, e.g. 2025/26–2027/28`);
      else if (lastYear < firstYear) report(label.period, `${quote(periodText)} ends before it starts`);
    }
    const indicators = cell.codeList("indicators", "indicator", (c) => context?.indicators.has(c) ?? false);
    const description = cell.optionalText("description", "description", THREAD_LIMITS.text);
    return { code, title, theme: theme ?? "", accountableEmail, firstYear, lastYear, indicators, description };
  });
}
