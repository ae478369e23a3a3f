// Matching a file's header row to the columns an import expects, and the
// per-row shape check that goes with it.
//
// Headings are matched case-insensitively and ignoring surrounding spaces,
// because people retype them ("Value", " value "). Spaces, hyphens and
// underscores inside a heading are treated alike too, so "Peer group",
// "peer-group" and "peer_group" all match: the difference is invisible to
// whoever typed it.

import { problem, quote, type ImportProblem } from "./problems";
import type { Table, TableRow } from "./read-table";

export interface ColumnSpec<Name extends string> {
  required: readonly Name[];
  optional: readonly Name[];
}

export interface HeaderMatch<Name extends string> {
  /** Index of each expected column in the row's cells; -1 when an optional column is absent. */
  index: Record<Name, number>;
  /** Each expected column's heading as written in the file, for problems ("column Value"). */
  label: Record<Name, string>;
  /** Positions and headings of columns that are not expected, for the caller to interpret or ignore. */
  extras: { index: number; heading: string }[];
  /** Cells a row must have: up to the last non-empty heading (trailing empty headings do not count). */
  width: number;
  problems: ImportProblem[];
}

const SEPARATORS = /[\s_-]+/g;

export function normaliseHeading(heading: string): string {
  return heading.trim().toLowerCase().replace(SEPARATORS, "_");
}

/** "A", "B", ... "Z", "AA": how a spreadsheet user finds a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** "indicator, period, area and value, and optionally status and note" */
export function describeColumns(spec: ColumnSpec<string>): string {
  const required = list(spec.required);
  return spec.optional.length === 0 ? required : `${required}, and optionally ${list(spec.optional)}`;
}

export function matchHeaders<Name extends string>(table: Table, spec: ColumnSpec<Name>): HeaderMatch<Name> {
  const index = {} as Record<Name, number>;
  const label = {} as Record<Name, string>;
  const wanted = new Set<string>([...spec.required, ...spec.optional]);
  for (const name of wanted) {
    index[name as Name] = -1;
    label[name as Name] = name;
  }
  const extras: { index: number; heading: string }[] = [];
  const problems: ImportProblem[] = [];
  const seenAt = new Map<string, number>();

  table.header.forEach((heading, i) => {
    const key = normaliseHeading(heading);
    if (key === "") return; // Trailing empty headings come from stray commas or formatting.
    const earlier = seenAt.get(key);
    if (earlier !== undefined) {
      problems.push(
        problem(
          table.headerLine,
          heading.trim(),
          `The column ${quote(heading.trim())} appears twice (columns ${columnLetter(earlier)} and ${columnLetter(i)}): keep one`,
        ),
      );
      return;
    }
    seenAt.set(key, i);
    if (wanted.has(key)) {
      index[key as Name] = i;
      label[key as Name] = heading.trim();
    } else {
      extras.push({ index: i, heading: heading.trim() });
    }
  });

  const missing = spec.required.filter((name) => index[name] < 0);
  if (missing.length > 0) {
    const names = list(missing.map(quote));
    problems.push(
      problem(
        table.headerLine,
        null,
        `Missing ${
          missing.length === 1 ? "column" : "columns"
        } ${names}. The first row must name the columns: ${describeColumns(spec)}`,
      ),
    );
  }
  let width = table.header.length;
  while (width > 0 && table.header[width - 1].trim() === "") width--;
  return { index, label, extras, width, problems };
}

/** "These columns are not used and were ignored: “RAG”, “Comments”", or null. */
export function ignoredColumnsNotice(extras: readonly { heading: string }[]): string | null {
  if (extras.length === 0) return null;
  const names = extras.map((e) => quote(e.heading)).join(", ");
  return extras.length === 1
    ? `The column ${names} is not used and was ignored`
    : `These columns are not used and were ignored: ${names}`;
}

/**
 * A CSV row with fewer cells than the header has lost a comma somewhere, so
 * every later cell is in the wrong column: we report the row once rather than
 * a misleading problem per cell. Extra cells matter only if they hold
 * something (Excel often writes trailing commas).
 */
export function checkRowWidth(row: TableRow, width: number): ImportProblem | null {
  const cells = row.cells;
  if (cells.length < width) {
    return problem(
      row.line,
      null,
      `This row has ${cells.length} ${
        cells.length === 1 ? "cell" : "cells"
      } but the header has ${width}: check for a missing comma or value`,
    );
  }
  for (let i = width; i < cells.length; i++) {
    if (cells[i] !== null) {
      return problem(
        row.line,
        null,
        `This row has more cells than the header has columns (something in column ${columnLetter(
          i,
        )}): check for an extra comma, or put a cell containing a comma in quotes`,
      );
    }
  }
  return null;
}

export const NO_ROWS_MESSAGE = "The file has a header but no rows";
