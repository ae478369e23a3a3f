// A problem found while reading or validating an upload. Problems are
// collected, never thrown: the performance team fixes a spreadsheet in one
// sitting only if they see every problem at once, so each validator makes a
// single pass and records all of them. They see at most a hundred, though,
// with the count of the rest: a 4.5 MB file of bad rows once made a 192 MB
// answer, and nobody reads past the first screen before fixing the file.

import { formatCount, MAX_PROBLEMS_LISTED } from "./import-limits";

export interface ImportProblem {
  /** 1-based line in the file (CSV physical line, or worksheet row); null for whole-file problems. */
  line: number | null;
  /** The column heading as written in the file, or null when the problem is about a whole row or file. */
  column: string | null;
  /** Plain English, written for the person who filled in the spreadsheet. */
  message: string;
  /** Only on the last entry of a capped list (see capProblems): how many problems were found and not listed. */
  more?: number;
}

export function problem(line: number | null, column: string | null, message: string): ImportProblem {
  return { line, column, message };
}

/** Curly quotes, as the product writes them everywhere a user's own text is echoed back. */
export function quote(text: string): string {
  return `\u201C${text}\u201D`;
}

/**
 * "Line 14, column value: “abc” is not a number". The location comes first
 * so that a long list reads like a checklist down the spreadsheet.
 */
export function formatProblem(p: ImportProblem): string {
  if (p.line !== null && p.column !== null) return `Line ${p.line}, column ${p.column}: ${p.message}`;
  if (p.line !== null) return `Line ${p.line}: ${p.message}`;
  if (p.column !== null) return `Column ${p.column}: ${p.message}`;
  return p.message;
}

/** Sort for display: whole-file problems first, then by line; stable within a line. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

/**
 * The problems to show for one file: all of them up to the cap, otherwise the
 * first ones by line and a last entry that counts the rest ("…and 4,321 more
 * problems"). Applied once, where a file is parsed, so the page, the API and
 * the command line all list the same.
 */
export function capProblems(problems: readonly ImportProblem[], max: number = MAX_PROBLEMS_LISTED): ImportProblem[] {
  if (problems.length <= max) return [...problems];
  const more = problems.length - max;
  return [
    ...sortProblems(problems).slice(0, max),
    {
      line: null,
      column: null,
      message: `…and ${formatCount(more)} more ${more === 1 ? "problem" : "problems"}: fix these and upload the file again to see the rest`,
      more,
    },
  ];
}

/** How many problems the file has, counting those a capped list leaves out. */
export function problemCount(problems: readonly ImportProblem[]): number {
  return problems.reduce((n, p) => n + (p.more ?? 1), 0);
}
