// Reads the first worksheet of an .xlsx as a stream, with budgets. The parts
// of the workbook (the list of sheets, the shared strings, the number
// formats, the sheet itself) are inflated through zip-reader, which counts
// every byte, and parsed as XML events, so the reader never holds more than
// the rows it keeps; it stops at the first row past the row budget and the
// first cell past the cell budget. exceljs (used before) builds a model of the
// whole workbook first: 250 MB of memory and 9 s for a 100,000-row sheet, and
// no way to stop early.
//
// Cells come out as the user sees them: formulas give their cached result,
// rich text its text, errors (#N/A) their code so that a validator says
// "“#N/A” is not a number", dates as Date. A number formatted as a percentage
// is stored by Excel as a fraction (0.985 shown as 98.5%); we return the 98.5
// the user sees, the same as "98.5%" typed into a CSV.

import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { ImportLimits } from "./import-limits";
import { problem } from "./problems";
import { cellTooLong, ReadRefusal, tooManyRows } from "./read-refusal";
import type { CellValue, ReadResult, TableRow } from "./read-table";
import { inflateEntry, openZip, type InflateBudget } from "./zip-reader";

const MAX_COLUMNS = 16_384; // Excel's own: column XFD.

const damaged = (detail: string) =>
  new ReadRefusal(problem(null, null, `The Excel file could not be opened: it may be damaged or password-protected (${detail})`));

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits): Promise<ReadResult> {
  try {
    return await readWorkbook(bytes, limits);
  } catch (error) {
    if (error instanceof ReadRefusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** How a cell's number is shown: only dates and percentages change what it means. */
type NumberKind = "date" | "percent" | "plain";

async function readWorkbook(bytes: Uint8Array, limits: ImportLimits): Promise<ReadResult> {
  const zip = openZip(bytes, limits);
  const budget: InflateBudget = { bytesLeft: limits.maxUncompressedBytes, limits };
  const part = (name: string) => {
    const entry = zip.entries.get(name);
    return entry ? inflateEntry(zip, entry, budget) : null;
  };

  const root = await readRelationships(part("_rels/.rels"), "");
  const workbookPath = [...root.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookPart = part(workbookPath);
  if (!workbookPart) throw damaged("it has no workbook");
  const workbook = await readWorkbookPart(workbookPart);
  const relations = await readRelationships(part(relationshipsPathOf(workbookPath)), directoryOf(workbookPath));

  const first = workbook.sheets[0];
  if (!first) return { ok: false, problem: problem(null, null, "The workbook has no worksheets") };
  const sheetPath = relations.get(first.relationshipId)?.target;
  const sheetPart = sheetPath ? part(sheetPath) : null;
  if (!sheetPart) throw damaged(`the worksheet “${first.name}” is missing`);

  const related = [...relations.values()];
  const stringsPath = related.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const stylesPath = related.find((r) => r.type.endsWith("/styles"))?.target;
  const strings = stringsPath ? await readSharedStrings(part(stringsPath), limits) : [];
  const numberKinds = stylesPath ? await readStyles(part(stylesPath)) : [];

  const sheetRows = await readSheet(sheetPart, { strings, numberKinds, date1904: workbook.date1904, limits });
  const notices: string[] = [];
  if (workbook.sheets.length > 1) {
    notices.push(`Only the first worksheet, “${first.name}”, was read; the workbook has ${workbook.sheets.length} worksheets`);
  }

  const head = sheetRows[0];
  if (!head) return { ok: false, problem: problem(null, null, "The first worksheet is empty") };
  const header = head.cells.map(headerText);
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  const rows: TableRow[] = sheetRows.slice(1);
  for (const { cells } of rows) {
    // A workbook stores no trailing empty cells, so short rows are normal:
    // pad them to the header's width (a CSV short row, by contrast, is an error).
    while (cells.length < header.length) cells.push(null);
    while (cells.length > header.length && cells[cells.length - 1] === null) cells.pop();
  }
  return { ok: true, table: { header, headerLine: head.line, rows }, notices };
}

/** Headings are text; a date heading (a month column) is written as its ISO date for the validator to interpret. */
function headerText(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

// ---------------------------------------------------------------------------
// XML events over an inflating part
// ---------------------------------------------------------------------------

/** Element names without their namespace prefix: some writers use <x:row>, most <row>. */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

async function parseXml(chunks: AsyncIterable<Uint8Array>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on("doctype", () => {
    throw damaged("it declares a document type, which Excel never writes");
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(local(tag.name), tag.attributes as Record<string, string>, tag as SaxesTagPlain));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof ReadRefusal) throw error;
    throw damaged("a part is not well-formed XML");
  }
}

function directoryOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash + 1);
}

function relationshipsPathOf(path: string): string {
  const dir = directoryOf(path);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
}

/** A target is relative to the part that names it ("worksheets/sheet1.xml" from xl/), or absolute ("/xl/..."). */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

async function readRelationships(chunks: AsyncIterable<Uint8Array> | null, base: string): Promise<Map<string, Relationship>> {
  const relations = new Map<string, Relationship>();
  if (!chunks) return relations;
  await parseXml(chunks, {
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External") {
        relations.set(a.Id, { type: a.Type ?? "", target: resolveTarget(base, a.Target) });
      }
    },
  });
  return relations;
}

async function readWorkbookPart(chunks: AsyncIterable<Uint8Array>) {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  await parseXml(chunks, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") {
        // The relationship id is r:id, whatever the prefix is called.
        const idKey = Object.keys(a).find((k) => k.includes(":") && local(k) === "id");
        sheets.push({ name: a.name ?? "", relationshipId: idKey ? a[idKey] : "" });
      }
    },
  });
  return { sheets, date1904 };
}

/** Shared strings: plain (<si><t>) or rich (<si><r><t>), without the phonetic guides (<rPh>). */
async function readSharedStrings(chunks: AsyncIterable<Uint8Array> | null, limits: ImportLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!chunks) return strings;
  let current = "";
  let inText = false;
  let phonetic = 0;
  await parseXml(chunks, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "t") inText = phonetic === 0;
      else if (name === "rPh") phonetic++;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") strings.push(current);
    },
    text(text) {
      if (!inText) return;
      current += text;
      if (current.length > limits.maxCellChars) throw cellTooLong(null, null, limits);
    },
  });
  return strings;
}

// Built-in number formats (ECMA-376 part 1, 18.8.30) that show a date or time, or a percentage.
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILT_IN_PERCENTS = new Set([9, 10]);

function kindOfFormat(code: string): NumberKind {
  if (code.includes("%")) return "percent";
  // A date format has y, m, d, h or s outside quoted text and [colour]/[locale] sections.
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim()) ? "date" : "plain";
}

/** The kind of number each cell style shows, by style index (the s="3" of a cell). */
async function readStyles(chunks: AsyncIterable<Uint8Array> | null): Promise<NumberKind[]> {
  const kinds: NumberKind[] = [];
  if (!chunks) return kinds;
  const custom = new Map<number, NumberKind>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await parseXml(chunks, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), kindOfFormat(a.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of formatIds) {
    kinds.push(custom.get(id) ?? (BUILT_IN_DATES.has(id) ? "date" : BUILT_IN_PERCENTS.has(id) ? "percent" : "plain"));
  }
  return kinds;
}

// ---------------------------------------------------------------------------
// The worksheet
// ---------------------------------------------------------------------------

interface SheetContext {
  strings: string[];
  numberKinds: NumberKind[];
  date1904: boolean;
  limits: ImportLimits;
}

/** "C14" -> 3; 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_COLUMNS) throw damaged(`the cell reference ${reference.slice(0, 12)} is past the last column`);
  }
  return column;
}

function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const text = (value: string): CellValue => {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** Excel counts days from 30 December 1899 (or 1 January 1904); the result is midnight UTC of that day. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

function cellValue(type: string, raw: string | null, inline: string | null, style: number, sheet: SheetContext): CellValue {
  switch (type) {
    case "s": {
      const shared = raw === null ? undefined : sheet.strings[Number(raw)];
      return shared === undefined ? null : text(shared);
    }
    case "inlineStr":
      return inline === null ? null : text(inline);
    case "str": // A formula's text result.
    case "e": // An error such as #DIV/0!, kept as its code.
      return raw === null ? null : text(raw);
    case "b":
      return raw === null ? null : raw.trim() === "1" || raw.trim() === "true" ? "true" : "false";
    case "d": {
      if (raw === null) return null;
      const date = new Date(raw.trim());
      return Number.isNaN(date.getTime()) ? text(raw) : date;
    }
    default: {
      if (raw === null || raw.trim() === "") return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return null;
      const kind = sheet.numberKinds[style] ?? "plain";
      if (kind === "percent") return Number((n * 100).toPrecision(12));
      if (kind === "date") {
        const date = excelDate(n, sheet.date1904);
        return Number.isNaN(date.getTime()) ? n : date;
      }
      return n;
    }
  }
}

/** The sheet's non-blank rows, in order, each with its worksheet row number. */
async function readSheet(chunks: AsyncIterable<Uint8Array>, sheet: SheetContext): Promise<TableRow[]> {
  const { limits } = sheet;
  const rows: TableRow[] = [];
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let blank = true;
  let column = 0;
  let type = "n";
  let style = 0;
  let raw: string | null = null;
  let inline: string | null = null;
  let reading: "value" | "inline" | null = null;
  let phonetic = 0;

  const tooLong = () => cellTooLong(rowNumber, columnName(column), limits);

  await parseXml(chunks, {
    open(name, a) {
      switch (name) {
        case "row": {
          const r = Number(a.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          blank = true;
          column = 0;
          break;
        }
        case "c":
          column = a.r ? columnOf(a.r) || column + 1 : column + 1;
          type = a.t ?? "n";
          style = Number(a.s ?? 0);
          raw = null;
          inline = null;
          break;
        case "v":
          raw = "";
          reading = "value";
          break;
        case "is":
          inline = "";
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inline !== null && phonetic === 0) reading = "inline";
          break;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          reading = null;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c": {
          const value = cellValue(type, raw, inline, style, sheet);
          if (value === null) break;
          while (cells.length < column - 1) cells.push(null);
          cells[column - 1] = value;
          blank = false;
          break;
        }
        case "row":
          if (blank) break;
          // The first row kept is the heading row: only the rows after it count.
          if (rows.length > limits.maxRows) throw tooManyRows(limits);
          rows.push({ line: rowNumber, cells });
          break;
      }
    },
    text(chunk) {
      if (reading === "value") {
        raw += chunk;
        if ((raw as string).length > limits.maxCellChars) throw tooLong();
      } else if (reading === "inline") {
        inline += chunk;
        if ((inline as string).length > limits.maxCellChars) throw tooLong();
      }
    },
  });
  return rows;
}
