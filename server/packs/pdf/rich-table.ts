import { TABLE_LIMIT } from "../../../app/shared/commentary/nesting-limit";
import type { RichText } from "../../../app/shared/packs/pack-document";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";
import { fontFor, inlineRuns, type InlineRun } from "./rich-text";

/*
 * A table written in rich text (a cover report's, the minutes', a commentary's), drawn
 * on paper: every cell bordered, words wrapping within their column, a cell spanning
 * columns or rows drawn across them, the header row (a first row of header cells) drawn
 * again at the top of each page the table runs onto, and a row never split across pages.
 * A row too tall for a whole page is printed cell after cell at full width.
 */

/** One place in the grid: the cell that starts there, or a place covered by a cell above spanning rows. */
export type GridSlot =
  | { kind: "cell"; cell: RichText; header: boolean; column: number; colspan: number; rowspan: number }
  | { kind: "covered"; column: number; colspan: number; continues: boolean };

export type TableGrid = { columns: number; rows: GridSlot[][] };

const spanOf = (value: unknown, max: number) =>
  typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.min(value, max) : 1;

/** The table's cells placed in columns, as a browser places them: spans taken into account. */
export function tableGrid(table: RichText): TableGrid {
  const rows = (table.content ?? []).filter((row) => row.type === "tableRow").slice(0, TABLE_LIMIT.maxRows);
  // By column: how many rows below the current one a cell above still covers, and its width.
  const covering = new Map<number, { left: number; colspan: number }>();
  const grid: GridSlot[][] = [];
  let columns = 0;
  for (const row of rows) {
    const slots: GridSlot[] = [];
    let column = 0;
    const coverFrom = () => {
      for (let span = covering.get(column); span; span = covering.get(column)) {
        slots.push({ kind: "covered", column, colspan: span.colspan, continues: span.left > 1 });
        if (span.left > 1) covering.set(column, { ...span, left: span.left - 1 });
        else covering.delete(column);
        column += span.colspan;
      }
    };
    for (const cell of row.content ?? []) {
      coverFrom();
      if (column >= TABLE_LIMIT.maxColumns) break;
      const colspan = Math.min(spanOf(cell.attrs?.colspan, TABLE_LIMIT.maxColumns), TABLE_LIMIT.maxColumns - column);
      const rowspan = spanOf(cell.attrs?.rowspan, TABLE_LIMIT.maxRows);
      slots.push({ kind: "cell", cell, header: cell.type === "tableHeader", column, colspan, rowspan });
      if (rowspan > 1) covering.set(column, { left: rowspan - 1, colspan });
      column += colspan;
    }
    coverFrom();
    columns = Math.max(columns, column);
    grid.push(slots);
  }
  return { columns: Math.max(columns, 1), rows: grid };
}

/**
 * Column widths that add up to `width`: each column as wide as its longest line would
 * like, never narrower than `floor` (or its fair share, when that is less), the rest
 * shared out in proportion.
 */
export function columnWidths(natural: number[], width: number, floor: number): number[] {
  const count = natural.length;
  const minimum = Math.min(floor, width / count);
  const wanted = natural.map((w) => Math.max(minimum, w));
  const fixed = new Set<number>();
  let widths = wanted;
  for (let round = 0; round < count; round++) {
    const fixedWidth = fixed.size * minimum;
    const free = wanted.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0);
    const scale = free > 0 ? (width - fixedWidth) / free : 0;
    widths = wanted.map((w, i) => (fixed.has(i) ? minimum : w * scale));
    const under = widths.map((w, i) => (!fixed.has(i) && w < minimum ? i : -1)).filter((i) => i >= 0);
    if (under.length === 0) break;
    under.forEach((i) => fixed.add(i));
  }
  return widths;
}

const PAD_X = 4;
const PAD_Y = 3;
const LINE_GAP = 1.5;
const PARAGRAPH_GAP = 2;
const LIST_INDENT = 10;
/** The narrowest a column is made while others want more room. */
const COLUMN_FLOOR = 42;
/** Past this, a column's words wrap rather than widen it further (in points). */
const NATURAL_CAP = 260;

type Frame = { x: number; width: number; size: number };

/** A cell's content as lines of runs to print: paragraphs, and list items with their marker. */
type CellLine = { runs: InlineRun[]; indent: number; marker: string | null };

function cellLines(cell: RichText): CellLine[] {
  const lines: CellLine[] = [];
  const visit = (node: RichText, indent: number, depth: number) => {
    if (depth > 8) return; // cells hold paragraphs and lists; the schema goes no deeper
    if (node.type === "bulletList" || node.type === "orderedList") {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      (node.content ?? []).forEach((item, index) => {
        const marker = node.type === "orderedList" ? `${start + index}.` : "•";
        const before = lines.length;
        for (const child of item.content ?? []) visit(child, indent + LIST_INDENT, depth + 1);
        if (lines.length > before) lines[before].marker = marker;
        else lines.push({ runs: [], indent: indent + LIST_INDENT, marker });
      });
      return;
    }
    if (node.type === "paragraph") {
      lines.push({ runs: inlineRuns(node), indent, marker: null });
      return;
    }
    for (const child of node.content ?? []) visit(child, indent, depth + 1);
  };
  for (const child of cell.content ?? []) visit(child, 0, 1);
  return lines;
}

const lineText = (line: CellLine) => line.runs.map((run) => run.text).join("");

/** The height of a cell's lines in `width`, measured in the boldest face they use. */
function measureCell(writer: PdfWriter, lines: CellLine[], width: number, size: number, header: boolean): number {
  let height = 0;
  lines.forEach((line, index) => {
    const bold = header || line.runs.some((run) => run.bold);
    writer.style(bold ? FONT.bold : FONT.regular, size);
    height += writer.measure(lineText(line) || " ", { width: Math.max(1, width - line.indent), lineGap: LINE_GAP });
    if (index > 0) height += PARAGRAPH_GAP;
  });
  return height;
}

function naturalWidth(writer: PdfWriter, lines: CellLine[], size: number, header: boolean): number {
  let widest = 0;
  for (const line of lines) {
    writer.style(header || line.runs.some((run) => run.bold) ? FONT.bold : FONT.regular, size);
    for (const part of lineText(line).split("\n")) widest = Math.max(widest, writer.widthOf(part) + line.indent);
  }
  return Math.min(widest, NATURAL_CAP) + 2 * PAD_X + 1;
}

/** Draws the lines of a cell from `top`; gives the height drawn. `untagged` inside an artifact (a repeated header). */
function drawCellLines(
  writer: PdfWriter,
  lines: CellLine[],
  frame: Frame,
  top: number,
  header: boolean,
  untagged: boolean,
): number {
  const doc = writer.doc;
  const group = (tag: string, draw: () => void) => (untagged ? draw() : writer.group(tag, draw));
  const block = (tag: string, draw: () => void) => (untagged ? draw() : writer.block(tag, draw));
  const content = (draw: () => void) => (untagged ? draw() : writer.content(draw));
  doc.y = top;
  lines.forEach((line, index) => {
    if (index > 0) doc.y += PARAGRAPH_GAP;
    const x = frame.x + line.indent;
    const width = Math.max(1, frame.width - line.indent);
    const lineTop = doc.y;
    const drawLine = () => {
      if (line.marker) {
        block("Lbl", () => {
          writer.style(FONT.regular, frame.size).text(line.marker!, x - LIST_INDENT, lineTop, {
            width: LIST_INDENT - 2,
            align: "right",
            lineBreak: false,
          });
        });
        doc.y = lineTop;
      }
      const runs = line.runs.length ? line.runs : [{ text: " ", bold: false, italic: false, href: null }];
      group(line.marker ? "LBody" : "P", () => {
        runs.forEach((run, i) => {
          const draw = () => {
            const face = header ? (run.italic ? FONT.boldItalic : FONT.bold) : fontFor(run);
            writer.style(face, frame.size, run.href ? COLOUR.link : COLOUR.text);
            const options = {
              width,
              lineGap: LINE_GAP,
              continued: i < runs.length - 1,
              link: run.href,
              underline: run.href !== null,
            };
            if (i === 0) writer.text(run.text, x, lineTop, options);
            else writer.more(run.text, options);
          };
          if (run.href) block("Link", draw);
          else content(draw);
        });
      });
    };
    // A list item in a cell: its number or bullet (Lbl) and its words (LBody).
    if (line.marker) group("LI", drawLine);
    else drawLine();
  });
  return doc.y - top;
}

type PlacedSlot = GridSlot & { x: number; width: number; lines: CellLine[] };

/** Draws a rich-text table across `frame`. */
export function drawRichTable(writer: PdfWriter, table: RichText, frame: Frame): void {
  const doc = writer.doc;
  const size = Math.max(6, frame.size - 1);
  const grid = tableGrid(table);
  if (grid.rows.length === 0) return;

  // Column widths from the words of the cells that span one column.
  const natural = Array.from({ length: grid.columns }, () => 0);
  const linesOf = new Map<RichText, CellLine[]>();
  for (const row of grid.rows)
    for (const slot of row) {
      if (slot.kind !== "cell") continue;
      const lines = cellLines(slot.cell);
      linesOf.set(slot.cell, lines);
      if (slot.colspan === 1)
        natural[slot.column] = Math.max(natural[slot.column], naturalWidth(writer, lines, size, slot.header));
    }
  const widths = columnWidths(natural, frame.width, COLUMN_FLOOR);
  const xs = widths.map((_, i) => frame.x + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const place = (row: GridSlot[]): PlacedSlot[] =>
    row.map((slot) => {
      const width = widths.slice(slot.column, slot.column + slot.colspan).reduce((sum, w) => sum + w, 0);
      return { ...slot, x: xs[slot.column] ?? frame.x, width, lines: slot.kind === "cell" ? (linesOf.get(slot.cell) ?? []) : [] };
    });
  const heightOf = (row: PlacedSlot[]) =>
    2 * PAD_Y +
    Math.max(
      0,
      ...row.map((slot) =>
        slot.kind === "cell" && slot.rowspan === 1
          ? measureCell(writer, slot.lines, slot.width - 2 * PAD_X, size, slot.header)
          : size * 1.2,
      ),
    );

  const rows = grid.rows.map(place);
  const headerRow = rows[0].every((slot) => slot.kind === "cell" && slot.header) ? rows[0] : null;
  const headerHeight = headerRow ? heightOf(headerRow) : 0;
  const pageRoom = writer.bottom - doc.page.margins.top;

  writer.ensureSpace(Math.min(heightOf(rows[0]) + (rows[1] ? heightOf(rows[1]) : 0), pageRoom / 2));
  writer.group("Table", () => {
    let page = writer.pageNumber;
    rows.forEach((row, index) => {
      const height = heightOf(row);
      if (height > pageRoom - headerHeight) {
        drawOversizedRow(writer, row, frame, size);
        page = writer.pageNumber;
        return;
      }
      if (doc.y + height > writer.bottom) writer.newPage();
      if (headerRow && index > 0 && writer.pageNumber !== page) {
        // The header again at the top of the new page: page furniture, read once.
        writer.artifact(() => drawRow(writer, headerRow, headerHeight, size, null), "Pagination");
      }
      page = writer.pageNumber;
      writer.group("TR", () => drawRow(writer, row, height, size, (tag, draw) => writer.group(tag, draw)));
    });
  });
  doc.x = frame.x;
  writer.gap(6);
}

/** One row: each cell's words, then its borders. `tagged` wraps a cell in its TH or TD (null when it is an artifact). */
function drawRow(
  writer: PdfWriter,
  row: PlacedSlot[],
  estimated: number,
  size: number,
  tagged: ((tag: string, draw: () => void) => void) | null,
): void {
  const doc = writer.doc;
  const top = doc.y;
  let height = estimated;
  // Fills and borders are decoration; a repeated header row is drawn inside an artifact already.
  const decoration = (draw: () => void) => (tagged ? writer.artifact(draw) : draw());
  for (const slot of row) {
    if (slot.kind !== "cell") continue;
    const draw = () => {
      const frame = { x: slot.x + PAD_X, width: slot.width - 2 * PAD_X, size };
      height = Math.max(height, drawCellLines(writer, slot.lines, frame, top + PAD_Y, slot.header, !tagged) + 2 * PAD_Y);
    };
    if (slot.header)
      decoration(() => {
        doc.save().rect(slot.x, top, slot.width, estimated).fill(COLOUR.headerFill).restore();
      });
    if (tagged) tagged(slot.header ? "TH" : "TD", draw);
    else draw();
  }
  decoration(() => {
    doc.save().lineWidth(0.6).strokeColor(COLOUR.rule);
    for (const slot of row) {
      const right = slot.x + slot.width;
      const bottom = top + height;
      doc.moveTo(slot.x, top).lineTo(slot.x, bottom).moveTo(right, top).lineTo(right, bottom);
      // A cell spanning rows has no line across it where one row meets the next.
      if (slot.kind === "cell") doc.moveTo(slot.x, top).lineTo(right, top);
      if (slot.kind === "cell" ? slot.rowspan === 1 : !slot.continues) doc.moveTo(slot.x, bottom).lineTo(right, bottom);
    }
    doc.stroke().restore();
  });
  doc.x = row[0]?.x ?? doc.x;
  doc.y = top + height;
}

/** A row taller than a page: its cells one after another, at full width, each free to run onto the next page. */
function drawOversizedRow(writer: PdfWriter, row: PlacedSlot[], frame: Frame, size: number): void {
  const doc = writer.doc;
  writer.group("TR", () => {
    for (const slot of row) {
      if (slot.kind !== "cell") continue;
      writer.group(slot.header ? "TH" : "TD", () => {
        for (const line of slot.lines) {
          writer.ensureSpace(size * 2);
          const runs = line.runs.length ? line.runs : [{ text: " ", bold: false, italic: false, href: null }];
          writer.group("P", () => {
            runs.forEach((run, i) => {
              writer.content(() => {
                writer.style(fontFor(run), size, COLOUR.text);
                const options = { width: frame.width - line.indent, lineGap: LINE_GAP, continued: i < runs.length - 1 };
                const text = i === 0 && line.marker ? `${line.marker} ${run.text}` : run.text;
                if (i === 0) writer.text(text, frame.x + line.indent, doc.y, options);
                else writer.more(text, options);
              });
            });
          });
          writer.gap(PARAGRAPH_GAP);
        }
      });
      writer.artifact(() => {
        doc
          .save()
          .moveTo(frame.x, doc.y)
          .lineTo(frame.x + frame.width, doc.y)
          .lineWidth(0.6)
          .stroke(COLOUR.rule)
          .restore();
      });
      writer.gap(PAD_Y * 2);
    }
  });
  doc.x = frame.x;
}
