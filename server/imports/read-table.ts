// Turns an upload (CSV or Excel workbook) into a plain table of cells, each
// row tagged with where it came from in the file, so that every problem can
// point at "line 14" of the spreadsheet the user has open. No meaning is
// given to the cells here: that is the validators' job.

import { parse as parseCsv } from "csv-parse/sync";
import { checkUploadSize, decodeUpload, DEFAULT_MAX_BYTES } from "./decode-text";
import { DEFAULT_IMPORT_LIMITS, formatCount, type ImportLimits } from "./import-limits";
import { problem, type ImportProblem } from "./problems";
import { cellTooLong, ReadRefusal, tooManyRows } from "./read-refusal";
import { readXlsx } from "./read-xlsx";

/** Text from CSV; numbers and dates only from a workbook (CSV cells stay text until a validator parses them). */
export type CellValue = string | number | Date | null;

export interface TableRow {
  /** 1-based: the physical line in a CSV (header = line 1), or the worksheet row number. */
  line: number;
  cells: CellValue[];
}

export interface Table {
  header: string[];
  /** Where the header is: usually 1, later when the file starts with blank lines. */
  headerLine: number;
  rows: TableRow[];
}

export type ReadResult = { ok: true; table: Table; notices: string[] } | { ok: false; problem: ImportProblem };

export interface ReadOptions {
  maxBytes?: number;
  limits?: ImportLimits;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": every .xlsx is a zip archive.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // The pre-2007 binary .xls format.

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0
    ? ""
    : filename
        .slice(dot + 1)
        .trim()
        .toLowerCase();
}

/** The content decides, not the name: people rename files, and browsers send odd names. */
export function looksLikeXlsx(bytes: Uint8Array, filename: string): boolean {
  return startsWith(bytes, ZIP_MAGIC) || extensionOf(filename) === "xlsx";
}

export async function readTable(bytes: Uint8Array, filename: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const sizeProblem = checkUploadSize(bytes, maxBytes);
  if (sizeProblem) return { ok: false, problem: sizeProblem };

  if (startsWith(bytes, OLE_MAGIC) || extensionOf(filename) === "xls") {
    return {
      ok: false,
      problem: problem(null, null, "This is an old-style Excel file (.xls): open it in Excel and save it as .xlsx or CSV"),
    };
  }
  if (looksLikeXlsx(bytes, filename)) {
    if (!startsWith(bytes, ZIP_MAGIC)) {
      return {
        ok: false,
        problem: problem(null, null, "The file is named .xlsx but is not an Excel workbook: save it again from Excel"),
      };
    }
    return readXlsx(bytes, limits);
  }

  const decoded = decodeUpload(bytes, maxBytes);
  if (!decoded.ok) return decoded;
  const read = readCsv(decoded.text, limits);
  return read.ok ? { ...read, notices: [...decoded.notices, ...read.notices] } : read;
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/** csv-parse's own error texts are for programmers; these say what to fix. */
function csvErrorMessage(code: string | undefined, fallback: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'A quotation mark opens a cell but never closes it: check for a stray " in this row or the ones after it';
    case "CSV_INVALID_CLOSING_QUOTE":
      return "A quotation mark is followed by more text in the same cell: put the whole cell in quotes and double any quotes inside it";
    default:
      return `The file could not be read as CSV (${fallback})`;
  }
}

/**
 * Reads CSV text. Rows keep their physical line number, which is not the
 * record index: a quoted cell may span lines, and blank lines are skipped.
 * csv-parse is asked to keep empty lines (as one-empty-cell records, dropped
 * here), so record k starts on line 1 + k + the newlines inside the cells of
 * the records before it. That is exact and cheaper than csv-parse's
 * per-record `info`, which roughly doubles parsing time on large files.
 *
 * Each record is turned into a row as soon as csv-parse has it (and not kept
 * by csv-parse), so the budgets stop the reading there: at the first row past
 * the row budget, the first cell past the cell budget, and, inside csv-parse,
 * the first line past the row-length budget before it is even split.
 */
export function readCsv(text: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): ReadResult {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|\r|$/)));
  // Excel's "Unicode Text" export is tab-separated; a header with tabs and no
  // commas can only mean that.
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";

  // Files from old Macs end lines with CR alone; everyone else uses LF or CRLF.
  const newline = text.includes("\n") ? "\n" : "\r";
  let line = 1;
  let header: string[] | null = null;
  let headerLine = 1;
  const rows: TableRow[] = [];

  const take = (record: string[]): null => {
    const start = line;
    let blank = true;
    const cells: CellValue[] = new Array(record.length);
    for (let i = 0; i < record.length; i++) {
      const raw = record[i];
      if (raw.length > limits.maxCellChars) throw cellTooLong(start, null, limits);
      if (raw.includes(newline)) line += raw.split(newline).length - 1;
      const cell = raw.trim(); // Also strips non-breaking spaces, which csv-parse leaves.
      cells[i] = cell === "" ? null : cell;
      if (cell !== "") blank = false;
    }
    line++;
    // An empty line, or a row of empty cells (",,,,", common in Excel exports), is not a row.
    if (blank) return null;
    if (header === null) {
      header = cells.map((c) => (c === null ? "" : String(c)));
      headerLine = start;
    } else {
      if (rows.length >= limits.maxRows) throw tooManyRows(limits);
      rows.push({ line: start, cells });
    }
    return null; // Kept here, not by csv-parse.
  };

  try {
    parseCsv(text, {
      delimiter,
      relax_column_count: true, // A short or long row is reported by the validators, with its line.
      relax_quotes: true, // A " inside an unquoted cell (5" pipe) is just a character.
      skip_empty_lines: false, // Kept so that records and lines stay in step (see above).
      trim: true, // Also lets a quoted cell have spaces around it: a, "b, c"
      max_record_size: limits.maxRowChars,
      on_record: take,
    });
  } catch (error) {
    if (error instanceof ReadRefusal) return { ok: false, problem: error.problem };
    const e = error as { code?: string; lines?: number; message?: string };
    const at = typeof e.lines === "number" ? e.lines : null;
    if (e.code === "CSV_MAX_RECORD_SIZE") {
      return {
        ok: false,
        problem: problem(
          at,
          null,
          `The row is longer than ${formatCount(limits.maxRowChars)} characters, the most a row may hold`,
        ),
      };
    }
    return { ok: false, problem: problem(at, null, csvErrorMessage(e.code, e.message ?? "unknown error")) };
  }

  if (header === null) return { ok: false, problem: problem(null, null, "The file is empty") };
  return { ok: true, table: { header, headerLine, rows }, notices: [] };
}
