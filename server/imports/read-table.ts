// Turns an upload (CSV or Excel workbook) into a plain table of cells, each
// row tagged with where it came from in the file, so that every problem can
// point at "line 14" of the spreadsheet the user has open. No meaning is
// given to the cells here: that is the validators' job.

import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { checkUploadSize, decodeUpload, DEFAULT_MAX_BYTES } from "./decode-text";
import { problem, type ImportProblem } from "./problems";

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
    return readXlsx(bytes);
  }

  const decoded = decodeUpload(bytes, maxBytes);
  if (!decoded.ok) return decoded;
  const read = readCsv(decoded.text);
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
 * below), so record k starts on line 1 + k + the newlines inside the cells
 * of the records before it. That is exact and cheaper than csv-parse's
 * per-record `info`, which roughly doubles parsing time on large files.
 */
export function readCsv(text: string): ReadResult {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n|\r|$/)));
  // Excel's "Unicode Text" export is tab-separated; a header with tabs and no
  // commas can only mean that.
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";

  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true, // A short or long row is reported by the validators, with its line.
      relax_quotes: true, // A " inside an unquoted cell (5" pipe) is just a character.
      skip_empty_lines: false, // Kept so that records and lines stay in step (see above).
      trim: true, // Also lets a quoted cell have spaces around it: a, "b, c"
    }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    return {
      ok: false,
      problem: problem(typeof e.lines === "number" ? e.lines : null, null, csvErrorMessage(e.code, e.message ?? "unknown error")),
    };
  }

  // Files from old Macs end lines with CR alone; everyone else uses LF or CRLF.
  const newline = text.includes("\n") ? "\n" : "\r";
  let line = 1;
  let header: string[] | null = null;
  let headerLine = 1;
  const rows: TableRow[] = [];

  for (const record of records) {
    const start = line;
    let blank = true;
    const cells: CellValue[] = new Array(record.length);
    for (let i = 0; i < record.length; i++) {
      const raw = record[i];
      if (raw.includes(newline)) line += raw.split(newline).length - 1;
      const cell = raw.trim(); // Also strips non-breaking spaces, which csv-parse leaves.
      cells[i] = cell === "" ? null : cell;
      if (cell !== "") blank = false;
    }
    line++;
    // An empty line, or a row of empty cells (",,,,", common in Excel exports), is not a row.
    if (blank) continue;
    if (header === null) {
      header = cells.map((c) => (c === null ? "" : String(c)));
      headerLine = start;
    } else {
      rows.push({ line: start, cells });
    }
  }

  if (header === null) return { ok: false, problem: problem(null, null, "The file is empty") };
  return { ok: true, table: { header, headerLine, rows }, notices: [] };
}

// ---------------------------------------------------------------------------
// Excel (.xlsx)
// ---------------------------------------------------------------------------

type ExcelValue = ExcelJS.CellValue;

/**
 * One workbook cell as the user sees it: formulas give their result, rich
 * text and hyperlinks their text, errors (#N/A) their code so that a
 * validator says "“#N/A” is not a number". A number formatted as a
 * percentage is stored by Excel as a fraction (0.985 shown as 98.5%); we
 * return the 98.5 the user sees, the same as "98.5%" typed into a CSV.
 */
function excelCell(value: ExcelValue, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return numFmt && numFmt.includes("%") ? Number((value * 100).toPrecision(12)) : value;
  }
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ("error" in value) return value.error;
  if ("richText" in value) return excelCell(value.richText.map((r) => r.text).join(""), undefined);
  if ("formula" in value || "sharedFormula" in value) {
    return excelCell((value as { result?: ExcelValue }).result ?? null, numFmt);
  }
  if ("hyperlink" in value) return excelCell((value as { text: ExcelValue }).text, undefined);
  return null;
}

/** Headings are text; a date heading (a month column) is written as its ISO date for the validator to interpret. */
function headerText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Uint8Array-backed Buffers in @types/node.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return {
      ok: false,
      problem: problem(null, null, "The Excel file could not be opened: it may be damaged or password-protected"),
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: problem(null, null, "The workbook has no worksheets") };

  const notices: string[] = [];
  if (workbook.worksheets.length > 1) {
    notices.push(
      `Only the first worksheet, “${sheet.name}”, was read; the workbook has ${workbook.worksheets.length} worksheets`,
    );
  }

  // Collect first, interpret after: eachRow is callback-based.
  const sheetRows: { line: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    let blank = true;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = excelCell(cell.value, cell.numFmt);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
      if (value !== null) blank = false;
    });
    if (!blank) sheetRows.push({ line: rowNumber, cells });
  });

  const first = sheetRows[0];
  if (!first) return { ok: false, problem: problem(null, null, "The first worksheet is empty") };
  const header = first.cells.map(headerText);
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const rows: TableRow[] = sheetRows.slice(1);
  for (const { cells } of rows) {
    // A workbook stores no trailing empty cells, so short rows are normal:
    // pad them to the header's width (a CSV short row, by contrast, is an error).
    while (cells.length < header.length) cells.push(null);
    while (cells.length > header.length && cells[cells.length - 1] === null) cells.pop();
  }
  return { ok: true, table: { header, headerLine: first.line, rows }, notices };
}
