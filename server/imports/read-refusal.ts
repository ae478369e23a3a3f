// Thrown from deep inside a reader (a zip part, an XML handler, a CSV record
// callback) when a file passes a limit or turns out damaged, and caught once
// where the file is read, so that the refusal becomes the file's one problem.

import { formatCount, type ImportLimits } from "./import-limits";
import { problem, type ImportProblem } from "./problems";

export class ReadRefusal extends Error {
  constructor(public readonly problem: ImportProblem) {
    super(problem.message);
    this.name = "ReadRefusal";
  }
}

export function tooManyRows(limits: ImportLimits): ReadRefusal {
  const most = formatCount(limits.maxRows);
  return new ReadRefusal(
    problem(null, null, `The file has more than ${most} rows; an import may have at most ${most}: split it into smaller files`),
  );
}

export function cellTooLong(line: number | null, column: string | null, limits: ImportLimits): ReadRefusal {
  const where = line !== null && column !== null ? `Cell ${column}${line} holds` : "A cell holds";
  return new ReadRefusal(
    problem(line, null, `${where} more than ${formatCount(limits.maxCellChars)} characters, the most a cell may hold`),
  );
}
