import type { TargetStatus } from "../../../app/shared/performance/status";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";
import { drawStatusMark, STATUS_MARK_WIDTH } from "./status-mark";

export type TableColumn<Row> = {
  header: string;
  /** Share of the table's width, relative to the other columns. */
  weight: number;
  text: (row: Row) => string;
  /** Draws the status shape before the text (which should be the status word). */
  status?: (row: Row) => TargetStatus;
  bold?: boolean;
};

const PAD_X = 4;
const PAD_Y = 3.5;
const LINE_GAP = 1;

type Layout = { x: number; width: number; textWidth: number }[];

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
  const layout = columnLayout(writer, columns);
  const headerHeight = rowHeight(
    writer,
    layout,
    columns.map((c) => ({ text: c.header, font: FONT.bold, status: false })),
    size,
  );
  const cellsOf = (row: Row) =>
    columns.map((c) => ({ text: c.text(row), font: c.bold ? FONT.bold : FONT.regular, status: Boolean(c.status) }));
  const firstRowHeight = rows.length > 0 ? rowHeight(writer, layout, cellsOf(rows[0]), size) : 0;
  writer.ensureSpace(headerHeight + Math.min(firstRowHeight, 120));

  writer.group("Table", () => {
    drawHeader(writer, columns, layout, headerHeight, size, false);
    let headerPage = writer.pageNumber;
    rows.forEach((row, index) => {
      const cells = cellsOf(row);
      const height = rowHeight(writer, layout, cells, size);
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

function columnLayout<Row>(writer: PdfWriter, columns: TableColumn<Row>[]): Layout {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  let x = writer.left;
  return columns.map((c) => {
    const width = (c.weight / total) * writer.width;
    const cell = { x, width, textWidth: width - 2 * PAD_X - (c.status ? STATUS_MARK_WIDTH : 0) };
    x += width;
    return cell;
  });
}

type Cell = { text: string; font: string; status: boolean };

function rowHeight(writer: PdfWriter, layout: Layout, cells: Cell[], size: number): number {
  let tallest = 0;
  cells.forEach((cell, i) => {
    writer.style(cell.font, size);
    tallest = Math.max(tallest, writer.measure(cell.text || " ", { width: layout[i].textWidth, lineGap: LINE_GAP }));
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
      const draw = () =>
        writer
          .style(FONT.bold, size)
          .text(column.header, layout[i].x + PAD_X, top + PAD_Y, { width: layout[i].textWidth, lineGap: LINE_GAP });
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
        writer.style(cells[i].font, size).text(cells[i].text, x, top + PAD_Y, { width: layout[i].textWidth, lineGap: LINE_GAP });
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
