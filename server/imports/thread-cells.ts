// Cells of the golden thread's imports (objectives, plans, plan actions, milestones):
// days, lists of codes, people and texts with a limit. Shared by their four validators.

import { isIsoDate } from "../../app/shared/dates";
import { cellText, excelSerialToDate, showCell } from "./cells";
import type { ImportContext, ThreadContext } from "./import-types";
import { quote } from "./problems";
import type { CellValue } from "./read-table";
import type { RowContext } from "./validate-rows";

export const THREAD_LIMITS = { code: 40, title: 300, text: 4000, listed: 50 } as const;

const UK_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$/;

/** A day as YYYY-MM-DD from 31/03/2027, 2027-03-31, a date cell or an Excel serial; null when it is none of them. */
export function parseDayCell(cell: CellValue): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return cell > 30_000 && cell < 80_000 ? excelSerialToDate(cell).toISOString().slice(0, 10) : null;
  const text = cellText(cell);
  if (text === null) return null;
  const uk = UK_DAY.exec(text);
  const day = uk ? `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}` : (ISO_DAY.exec(text)?.[1] ?? null);
  return day !== null && isIsoDate(day) ? day : null;
}

export const EMPTY_THREAD: ThreadContext = { themes: new Set(), objectives: new Set(), plans: new Set(), planActions: new Set() };

export const threadOf = (context: ImportContext | undefined): ThreadContext => context?.thread ?? EMPTY_THREAD;

export const actionKey = (plan: string, action: string) => `${plan}\u0000${action}`;

/** Helpers bound to one row: each reports its own problem and returns a usable value. */
export function threadCells<Name extends string>(row: RowContext<Name>, context: ImportContext | undefined) {
  const { cells, col, label, report } = row;
  const has = (name: Name) => col[name] >= 0;
  return {
    has,
    /** A required text, at most `max` characters. */
    text(name: Name, what: string, max: number = THREAD_LIMITS.title): string {
      const value = cellText(cells[col[name]]);
      if (value === null) report(label[name], `No ${what}`);
      else if (value.length > max) report(label[name], `Keep the ${what} to ${max} characters or fewer`);
      return value ?? "";
    },
    /** An optional text; undefined when the file has no such column (what is there stays). */
    optionalText(name: Name, what: string, max: number = THREAD_LIMITS.text): string | undefined {
      if (!has(name)) return undefined;
      const value = cellText(cells[col[name]]) ?? "";
      if (value.length > max) report(label[name], `Keep the ${what} to ${max} characters or fewer`);
      return value;
    },
    code(name: Name, what: string): string {
      const value = cellText(cells[col[name]]);
      if (value === null) report(label[name], `No ${what} code`);
      else if (value.length > THREAD_LIMITS.code)
        report(label[name], `Keep the ${what} code to ${THREAD_LIMITS.code} characters or fewer`);
      else if (/[;\u0000]/.test(value)) report(label[name], `${quote(value)} is not a code: a code has no semicolon`);
      return value ?? "";
    },
    day(name: Name, what: string, required: boolean): string | null {
      const cell = cells[col[name]];
      if (!has(name) || cell === null || cellText(cell) === null) {
        if (required) report(label[name], `No ${what}: give a date such as 31/03/2027`);
        return null;
      }
      const day = parseDayCell(cell);
      if (day === null) report(label[name], `${quote(showCell(cell))} is not a date: use DD/MM/YYYY, e.g. 31/03/2027`);
      return day;
    },
    /** A member of the organisation by address, in lower case; the same words for unknown and another organisation's. */
    person(name: Name, what: string): string {
      const value = cellText(cells[col[name]]);
      if (value === null) {
        report(label[name], `No ${what}: give the address of a member of this organisation`);
        return "";
      }
      const email = value.toLowerCase();
      if (!context?.people.has(email))
        report(label[name], `${quote(value)} is not a member of this organisation: invite them first`);
      return email;
    },
    /** "BV66a; BV66b": codes separated by semicolons, each known; undefined when the column is absent. */
    codeList(name: Name, what: string, known: (code: string) => boolean): string[] | undefined {
      if (!has(name)) return undefined;
      const value = cellText(cells[col[name]]);
      if (value === null) return [];
      const codes = [
        ...new Set(
          value
            .split(";")
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ];
      if (codes.length > THREAD_LIMITS.listed) report(label[name], `List at most ${THREAD_LIMITS.listed} ${what}s`);
      const unknown = codes.filter((c) => !known(c));
      if (unknown.length)
        report(
          label[name],
          `${unknown.map(quote).join(", ")} ${unknown.length === 1 ? "is not" : "are not"} ${what} code${
            unknown.length === 1 ? "" : "s"
          } of this organisation: separate codes with semicolons`,
        );
      return codes;
    },
  };
}
