import type { TargetStatus } from "../../../app/shared/performance/status";
import { COLOUR, FONT, type OutlineItem, type PdfWriter, type TextFace } from "./pdf-writer";
import { drawStatusMark, STATUS_MARK_WIDTH } from "./status-mark";

/*
 * The small building blocks every section is made of: headings that are never left
 * alone at the foot of a page, label-and-value lists, plain paragraphs and notes.
 */

const HEADING = {
  H1: { tag: "H1", size: 15, gapBefore: 0, gapAfter: 6, keepWithNext: 110 },
  /** An appendix: a document in its own right under its item, so as large as an item. */
  appendix: { tag: "H2", size: 14, gapBefore: 0, gapAfter: 4, keepWithNext: 110 },
  H2: { tag: "H2", size: 12, gapBefore: 10, gapAfter: 4, keepWithNext: 70 },
  H3: { tag: "H3", size: 10, gapBefore: 6, gapAfter: 3, keepWithNext: 45 },
} as const;

/**
 * A heading kept with what follows it. With `section`, the heading starts a section of
 * the contents: its page is recorded and it gets a link target and a bookmark.
 */
export function drawHeading(
  writer: PdfWriter,
  level: keyof typeof HEADING,
  text: string,
  section?: { id: string; outlineParent: OutlineItem | null },
): OutlineItem | null {
  const style = HEADING[level];
  writer.gap(style.gapBefore);
  writer.style(FONT.bold, style.size, COLOUR.heading);
  writer.ensureSpace(writer.measure(text, { width: writer.width }) + style.keepWithNext);
  const outline = section ? writer.anchor(section.id, text, section.outlineParent) : null;
  writer.block(style.tag, () => {
    writer.style(FONT.bold, style.size, COLOUR.heading).text(text, writer.left, writer.doc.y, { width: writer.width });
  });
  writer.doc.x = writer.left;
  writer.gap(style.gapAfter);
  return outline;
}

export function drawParagraph(
  writer: PdfWriter,
  text: string,
  options: { size?: number; font?: TextFace; colour?: string; x?: number; width?: number; gapAfter?: number } = {},
): void {
  const size = options.size ?? 10;
  const x = options.x ?? writer.left;
  const width = options.width ?? writer.width - (x - writer.left);
  writer.ensureSpace(size * 1.4);
  writer.block("P", () => {
    writer
      .style(options.font ?? FONT.regular, size, options.colour ?? COLOUR.text)
      .text(text, x, writer.doc.y, { width, lineGap: 2 });
  });
  writer.doc.x = writer.left;
  writer.gap(options.gapAfter ?? 5);
}

/** "Label: value" as two columns; one tagged paragraph per line so it reads in order. */
export type Fact = { label: string; value: string; bold?: boolean; status?: TargetStatus };

export function drawFacts(writer: PdfWriter, facts: readonly Fact[], options: { labelWidth?: number; size?: number } = {}): void {
  const doc = writer.doc;
  const size = options.size ?? 10;
  const labelWidth = options.labelWidth ?? 110;
  for (const fact of facts) {
    const valueX = writer.left + labelWidth + (fact.status ? STATUS_MARK_WIDTH : 0);
    const valueWidth = writer.width - (valueX - writer.left);
    const valueFont = fact.bold ? FONT.bold : FONT.regular;
    const valueOptions = { width: valueWidth, lineGap: 2 };
    writer.style(FONT.bold, size);
    const labelHeight = writer.measure(`${fact.label} `, { width: labelWidth - 8, lineGap: 2 });
    writer.style(valueFont, size);
    const height = Math.max(writer.measure(fact.value || " ", valueOptions), labelHeight);
    writer.ensureSpace(height);
    const top = doc.y;
    const page = writer.pageNumber;
    writer.block("P", () => {
      // The trailing space keeps label and value apart when the text is read or copied out.
      writer.style(FONT.bold, size, COLOUR.muted).text(`${fact.label} `, writer.left, top, { width: labelWidth - 8, lineGap: 2 });
      if (fact.status) drawStatusMark(doc, fact.status, writer.left + labelWidth, top + size * 0.55, size * 0.8);
      writer.style(valueFont, size).text(fact.value, valueX, top, valueOptions);
    });
    doc.x = writer.left;
    // A value longer than a page has flowed on: carry on below it.
    doc.y = (writer.pageNumber === page ? Math.max(doc.y, top + height) : doc.y) + 3;
  }
}

/** A shaded, ruled box around a short notice (the exempt-item notice, a correction). */
export function drawNote(writer: PdfWriter, text: string, options: { bold?: boolean } = {}): void {
  const doc = writer.doc;
  const pad = 7;
  const font = options.bold ? FONT.bold : FONT.regular;
  writer.style(font, 10);
  const height = writer.measure(text, { width: writer.width - 2 * pad - 4, lineGap: 2 }) + 2 * pad;
  writer.ensureSpace(height);
  const top = doc.y;
  writer.artifact(() => {
    doc.save().rect(writer.left, top, writer.width, height).fill(COLOUR.noteFill).restore();
    doc.save().rect(writer.left, top, 3, height).fill(COLOUR.noteRule).restore();
  });
  writer.block("P", () => {
    writer.style(font, 10).text(text, writer.left + pad + 4, top + pad, { width: writer.width - 2 * pad - 4, lineGap: 2 });
  });
  doc.x = writer.left;
  doc.y = top + height;
  writer.gap(8);
}

/** A thin rule across the text width. */
export function drawRule(writer: PdfWriter, colour: string = COLOUR.rule): void {
  const doc = writer.doc;
  const y = doc.y;
  writer.artifact(() =>
    doc
      .save()
      .moveTo(writer.left, y)
      .lineTo(writer.left + writer.width, y)
      .lineWidth(0.6)
      .stroke(colour)
      .restore(),
  );
  writer.gap(6);
}
