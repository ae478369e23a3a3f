import { fontRuns, type FontRun } from "./font-runs";
import { faceAscent, faceHasGlyph, type FontLayouts, type TextFace } from "./fonts";

export type { TextFace } from "./fonts";

/*
 * A thin layer over pdfkit that every part of the pack renderer draws through, so three
 * rules hold everywhere: text is printed in a font that has its characters (see
 * fontRuns), content is tagged (a structure tree for screen readers, decoration marked
 * as artifacts), and page breaks keep the tagging intact.
 */

/** The text faces (Noto Sans); `style` sets one. */
export const FONT = {
  regular: "regular",
  bold: "bold",
  italic: "italic",
  boldItalic: "boldItalic",
} as const satisfies Record<string, TextFace>;

export const COLOUR = {
  text: "#1a1a1a",
  muted: "#555555",
  heading: "#1f3a5f",
  link: "#1a4f8b",
  rule: "#b8bec6",
  faintRule: "#dde1e6",
  headerFill: "#e9eef4",
  stripeFill: "#f6f8fa",
  noteFill: "#fbf3e4",
  noteRule: "#c98a1e",
} as const;

/** Points; A4 is 595.28 x 841.89. The header and footer sit inside the top and bottom margins. */
export const PAGE_MARGINS = { top: 64, bottom: 60, left: 52, right: 52 } as const;

/** pdfkit types its outline items too narrowly: `top`/`left` place the destination. */
export type OutlineItem = { addItem(title: string, options?: { expanded?: boolean; top?: number; left?: number }): OutlineItem };

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  /** Section id to the page its heading is on, filled in by `anchor` as the pack is drawn. */
  readonly sectionPages: Record<string, number> = {};
  private readonly parents: PDFKit.PDFStructureElement[];
  /** The text face `style` last set; fallback faces are only ever set for one run. */
  private face: TextFace = FONT.regular;
  private size = 12;
  private readonly fonts: FontLayouts;

  constructor(doc: PDFKit.PDFDocument, fonts: FontLayouts) {
    this.doc = doc;
    this.fonts = fonts;
    fonts.use(doc, this.face);
    const root = doc.struct("Document");
    doc.addStructure(root);
    this.parents = [root];
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** The current page, counting the cover as 1. */
  get pageNumber(): number {
    // Pages are buffered and drawn in order, so the current page is the last one.
    return this.doc.bufferedPageRange().count;
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  remaining(): number {
    return this.bottom - this.doc.y;
  }

  /** Starts a new page, carrying open tags across (pdfkit's own overflow does the same). */
  newPage(): void {
    this.doc.continueOnNewPage();
  }

  /** A new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top + 1) this.newPage();
  }

  /** Leaves a gap, but never carries it over to the top of a new page. */
  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** A container in the structure tree (Sect, Table, TR, L, LI): what `build` tags goes inside it. */
  group(tag: string, build: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    const element = this.doc.struct(tag, options);
    this.current.add(element);
    this.parents.push(element);
    try {
      build();
    } finally {
      this.parents.pop();
      element.end();
    }
  }

  /** Content tagged as `tag` (P, H1, TD, Link, Figure...), drawn by `draw`. */
  block(tag: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    this.current.add(this.doc.struct(tag, options, [draw]));
  }

  /** Content of the enclosing `group` itself (the plain text of a P that also holds a Link). */
  content(draw: () => void): void {
    this.current.add(draw);
  }

  /**
   * A link to a section of this document over a rectangle, as an annotation of the
   * enclosing group (a Link element), so the structure tree holds the link with its text.
   */
  goTo(sectionId: string, rect: { x: number; y: number; width: number; height: number }, description: string): void {
    // pdfkit files an annotation under `structParent` (its typings leave the option out),
    // and writes a JavaScript string as a PDF name: a String object is written as text.
    const options = {
      structParent: this.current,
      Contents: new String(description),
    } as unknown as PDFKit.Mixins.AnnotationOption;
    this.doc.goTo(rect.x, rect.y, rect.width, rect.height, sectionId, options);
  }

  /** Decoration (rules, fills, repeated headers, page furniture) that assistive technology skips. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
    }
  }

  /**
   * Writes text in the current style, each character in a face that has it. All drawn
   * text goes through here, `more` or `measure`.
   */
  text(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): this {
    this.write(this.runs(text), options, { x, y });
    return this;
  }

  /** Continues a run started by `text` with `continued: true`. */
  more(text: string, options: PDFKit.Mixins.TextOptions = {}): this {
    this.write(this.runs(text), options, null);
    return this;
  }

  style(font: TextFace, size: number, colour: string = COLOUR.text): this {
    this.face = font;
    this.size = size;
    this.fonts.use(this.doc, font).fontSize(size).fillColor(colour);
    return this;
  }

  /** The height `text` takes at the current font and size. */
  measure(text: string, options: PDFKit.Mixins.TextOptions): number {
    const runs = this.runs(text);
    if (runs.length === 1) return this.doc.heightOfString(runs[0].text, options);
    // pdfkit measures one font at a time. Measured as continued runs, like `write` draws
    // them, the line wrapper carries on across runs exactly as it will when drawing.
    let height = 0;
    runs.forEach((run, index) => {
      this.fonts.use(this.doc, run.face);
      height += this.doc.heightOfString(run.text, { ...options, continued: index < runs.length - 1 });
    });
    this.fonts.use(this.doc, this.face);
    return height;
  }

  widthOf(text: string): number {
    let width = 0;
    for (const run of this.runs(text)) width += this.fonts.use(this.doc, run.face).widthOfString(run.text);
    this.fonts.use(this.doc, this.face);
    return width;
  }

  private runs(text: string): FontRun[] {
    return fontRuns(text, this.face, faceHasGlyph);
  }

  /**
   * Draws runs as one piece of text, switching font between them. Every run sits on the
   * text face's baseline: pdfkit would otherwise place each on its own font's ascender.
   */
  private write(runs: FontRun[], options: PDFKit.Mixins.TextOptions, at: { x: number; y: number } | null): void {
    const doc = this.doc;
    if (runs.length === 1 && runs[0].face === this.face) {
      if (at) doc.text(runs[0].text, at.x, at.y, options);
      else doc.text(runs[0].text, options);
      return;
    }
    const baseline = options.baseline ?? -faceAscent(this.face) * this.size;
    runs.forEach((run, index) => {
      const last = index === runs.length - 1;
      const runOptions = { ...options, baseline, continued: last ? options.continued : true };
      this.fonts.use(doc, run.face);
      if (index === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
      else doc.text(run.text, runOptions);
    });
    this.fonts.use(doc, this.face);
  }

  /** Marks the current position as the start of a section: for links, bookmarks and the page map. */
  anchor(sectionId: string, outlineTitle: string, outlineParent: OutlineItem | null): OutlineItem {
    this.sectionPages[sectionId] = this.pageNumber;
    const top = Math.max(0, this.doc.y - 6);
    // pdfkit turns `top` (measured down from the top edge) into PDF coordinates.
    this.doc.addNamedDestination(sectionId, "XYZ", 0, top, null);
    const parent = outlineParent ?? (this.doc.outline as unknown as OutlineItem);
    // pdfkit computes the destination's left edge as page width - `left`.
    return parent.addItem(outlineTitle, { top, left: this.doc.page.width });
  }

  private get current(): PDFKit.PDFStructureElement {
    return this.parents[this.parents.length - 1];
  }

  /** Closes the structure tree; call once, before the document ends. */
  finish(): void {
    this.parents[0].end();
  }
}
