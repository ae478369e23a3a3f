import type { TargetStatus } from "../../../app/shared/performance/status";
import { faceAscent } from "./fonts";
import { COLOUR, FONT, type PdfWriter, type TextFace } from "./pdf-writer";
import { drawStatusMark, STATUS_MARK_WIDTH } from "./status-mark";

export type TableColumn<Row> = {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  text: (row: Row) => string;
  /** Draws the status shape before the text (which should be the status word). */
  status?: (row: Row) => TargetStatus;
  bold?: boolean;
  /** Figures (money, percentages, counts): right-aligned and never broken across lines. Noto Sans's digits are all one width, so they line up without the `tnum` feature. */
  figures?: boolean;
};

const PAD_X = 4;
const PAD_Y = 3.5;
const LINE_GAP = 1;
/** Room beyond a figure's measured width, so rounding never pushes its last digit onto a new line. */
const FIGURE_SLACK = 0.5;
/** The most of their width the text columns give up to fit figures whole; past that, figures shrink. */
const MAX_TEXT_GIVE = 0.4;

type Layout = { x: number; width: number; textWidth: number; figures: boolean }[];

/**
 * A table that reads well on paper: the header row is repeated at the top of every page
 * the table runs onto, rows are never split across pages, and long text wraps within
 * its column. A row too tall for any page is printed as a list of "header: value" lines.
 */
export function drawTable<Row>(
  writer: PdfWriter,
  columns: TableColumn<Row>[],
  rows: readonly Row[],
  options: { size?: number } = {},
): void {
  const size = options.size ?? 8.5;
  const layout = columnLayout(writer, columns, rows, size);
  const headerHeight = rowHeight(
    writer,
    layout,
    columns.map((c) => ({ text: c.header, font: FONT.bold, status: false, size })),
  );
  const cellsOf = (row: Row) =>
    columns.map((c, i): Cell => {
      const cell = { text: c.text(row), font: c.bold ? FONT.bold : FONT.regular, status: Boolean(c.status), size };
      return layout[i].figures ? { ...cell, size: figureSize(writer, cell, layout[i].textWidth) } : cell;
    });
  const firstRowHeight = rows.length > 0 ? rowHeight(writer, layout, cellsOf(rows[0])) : 0;
  writer.ensureSpace(headerHeight + Math.min(firstRowHeight, 120));

  writer.group("Table", () => {
    drawHeader(writer, columns, layout, headerHeight, size, false);
    let headerPage = writer.pageNumber;
    rows.forEach((row, index) => {
      const cells = cellsOf(row);
      const height = rowHeight(writer, layout, cells);
      const pageRoom = writer.bottom - writer.doc.page.margins.top - headerHeight;
      if (height > pageRoom) {
        drawOversizedRow(writer, columns, row, size);
        return;
      }
      if (writer.doc.y + height > writer.bottom) writer.newPage();
      if (writer.pageNumber !== headerPage) {
        drawHeader(writer, columns, layout, headerHeight, size, true);
        headerPage = writer.pageNumber;
      }
      drawRow(writer, columns, row, cells, layout, height, size, index % 2 === 1);
    });
  });
  writer.gap(8);
}

/**
 * Columns share the width by weight, except that a column of figures is widened to its
 * widest figure, taking the room from the text columns (which can wrap), up to a limit.
 */
function columnLayout<Row>(writer: PdfWriter, columns: TableColumn<Row>[], rows: readonly Row[], size: number): Layout {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * writer.width);
  const padding = (c: TableColumn<Row>) => 2 * PAD_X + (c.status ? STATUS_MARK_WIDTH : 0);
  const needed = columns.map((c) => {
    if (!c.figures) return 0;
    writer.style(c.bold ? FONT.bold : FONT.regular, size);
    const widest = Math.max(0, ...rows.map((row) => writer.widthOf(c.text(row))));
    return widest + FIGURE_SLACK + padding(c);
  });
  const shortfall = needed.reduce((sum, need, i) => sum + Math.max(0, need - widths[i]), 0);
  const textWidth = widths.reduce((sum, width, i) => sum + (columns[i].figures ? 0 : width), 0);
  const taken = Math.min(shortfall, textWidth * MAX_TEXT_GIVE);
  if (taken > 0) {
    widths.forEach((width, i) => {
      widths[i] = columns[i].figures
        ? width + (Math.max(0, needed[i] - width) * taken) / shortfall
        : width - (width / textWidth) * taken;
    });
  }
  let x = writer.left;
  return columns.map((c, i) => {
    const cell = { x, width: widths[i], textWidth: widths[i] - padding(c), figures: Boolean(c.figures) };
    x += widths[i];
    return cell;
  });
}

type Cell = { text: string; font: TextFace; status: boolean; size: number };

/** The size at which a figure fits its column on one line: the table's, or smaller when even a widened column is too narrow. */
function figureSize(writer: PdfWriter, cell: Cell, textWidth: number): number {
  writer.style(cell.font, cell.size);
  const width = writer.widthOf(cell.text) + FIGURE_SLACK;
  return width <= textWidth ? cell.size : Math.max(1, Math.floor(((cell.size * Math.max(0, textWidth)) / width) * 10) / 10);
}

function cellOptions(layout: Layout[number]): PDFKit.Mixins.TextOptions {
  return { width: layout.textWidth, lineGap: LINE_GAP, align: layout.figures ? "right" : "left" };
}

function rowHeight(writer: PdfWriter, layout: Layout, cells: Cell[]): number {
  let tallest = 0;
  cells.forEach((cell, i) => {
    writer.style(cell.font, cell.size);
    tallest = Math.max(tallest, writer.measure(cell.text || " ", cellOptions(layout[i])));
  });
  return tallest + 2 * PAD_Y;
}

function drawHeader<Row>(
  writer: PdfWriter,
  columns: TableColumn<Row>[],
  layout: Layout,
  height: number,
  size: number,
  repeated: boolean,
): void {
  const doc = writer.doc;
  const top = doc.y;
  writer.artifact(() => {
    doc.save().rect(writer.left, top, writer.width, height).fill(COLOUR.headerFill).restore();
    doc
      .save()
      .moveTo(writer.left, top + height)
      .lineTo(writer.left + writer.width, top + height)
      .lineWidth(0.8)
      .stroke(COLOUR.rule)
      .restore();
  });
  const drawCells = () =>
    columns.forEach((column, i) => {
      const options = { width: layout[i].textWidth, lineGap: LINE_GAP, align: layout[i].figures ? "right" : "left" } as const;
      const draw = () => writer.style(FONT.bold, size).text(column.header, layout[i].x + PAD_X, top + PAD_Y, options);
      if (repeated) draw();
      else writer.block("TH", draw);
    });
  // A header repeated on a later page is page furniture: a screen reader hears it once.
  if (repeated) writer.artifact(drawCells, "Pagination");
  else writer.group("TR", drawCells);
  doc.x = writer.left;
  doc.y = top + height;
}

function drawRow<Row>(
  writer: PdfWriter,
  columns: TableColumn<Row>[],
  row: Row,
  cells: Cell[],
  layout: Layout,
  height: number,
  size: number,
  striped: boolean,
): void {
  const doc = writer.doc;
  const top = doc.y;
  writer.artifact(() => {
    if (striped) doc.save().rect(writer.left, top, writer.width, height).fill(COLOUR.stripeFill).restore();
    doc
      .save()
      .moveTo(writer.left, top + height)
      .lineTo(writer.left + writer.width, top + height)
      .lineWidth(0.4)
      .stroke(COLOUR.faintRule)
      .restore();
  });
  writer.group("TR", () => {
    columns.forEach((column, i) => {
      writer.block("TD", () => {
        let x = layout[i].x + PAD_X;
        if (column.status) {
          drawStatusMark(doc, column.status(row), x, top + PAD_Y + size * 0.55);
          x += STATUS_MARK_WIDTH;
        }
        // A shrunken figure sits on the row's baseline.
        const y = top + PAD_Y + (size - cells[i].size) * faceAscent(cells[i].font);
        writer.style(cells[i].font, cells[i].size).text(cells[i].text, x, y, cellOptions(layout[i]));
      });
    });
  });
  doc.x = writer.left;
  doc.y = top + height;
}

function drawOversizedRow<Row>(writer: PdfWriter, columns: TableColumn<Row>[], row: Row, size: number): void {
  const doc = writer.doc;
  writer.group("TR", () => {
    for (const column of columns.filter((c) => c.text(row))) {
      writer.ensureSpace(size * 2);
      writer.block("TD", () => {
        writer
          .style(FONT.bold, size)
          .text(`${column.header}: `, writer.left + PAD_X, doc.y, { width: writer.width - 2 * PAD_X, continued: true });
        writer.style(FONT.regular, size).more(column.text(row), { continued: false });
      });
    }
  });
  writer.gap(PAD_Y * 2);
  doc.x = writer.left;
}
