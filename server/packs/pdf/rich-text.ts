import { NESTING_LIMIT } from "../../../app/shared/commentary/nesting-limit";
import type { RichText } from "../../../app/shared/packs/pack-document";
import { COLOUR, FONT, type PdfWriter, type TextFace } from "./pdf-writer";
import { drawRichTable } from "./rich-table";

/** A stretch of text in one style, the unit pdfkit draws with `continued: true`. */
export type InlineRun = { text: string; bold: boolean; italic: boolean; href: string | null };

/** Only these schemes become live links; anything else is printed as plain text. */
export function linkTarget(href: unknown): string | null {
  if (typeof href !== "string") return null;
  return /^(https?:\/\/|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

/**
 * The styled runs of a paragraph, in order, with hard breaks as "\n" and neighbouring
 * runs of the same style merged. On paper a link cannot be followed, so when its text
 * does not already show the address, the address follows it in brackets.
 */
export function inlineRuns(node: RichText): InlineRun[] {
  const runs: InlineRun[] = [];
  const push = (run: InlineRun) => {
    const last = runs[runs.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
    else runs.push({ ...run });
  };
  const visit = (child: RichText, depth: number) => {
    if (depth > NESTING_LIMIT.maxDepth) {
      push({ text: NESTING_LIMIT.marker, bold: false, italic: false, href: null });
      return;
    }
    if (child.type === "hardBreak") {
      push({ text: "\n", bold: false, italic: false, href: null });
      return;
    }
    if (child.type === "text") {
      if (!child.text) return;
      const marks = new Set((child.marks ?? []).map((m) => m.type));
      const linkMark = child.marks?.find((m) => m.type === "link");
      const href = linkTarget(linkMark?.attrs?.href);
      const style = { bold: marks.has("bold"), italic: marks.has("italic") };
      push({ text: child.text, ...style, href });
      const shown = href?.replace(/^mailto:/i, "");
      if (href && shown && !child.text.includes(shown)) push({ text: ` (${shown})`, ...style, href: null });
      return;
    }
    for (const grandchild of child.content ?? []) visit(grandchild, depth + 1);
  };
  for (const child of node.content ?? []) visit(child, 1);
  return runs;
}

const BLOCK_GAP = 5;

type Frame = { x: number; width: number; size: number };

/** Draws a rich-text document (or `emptyText` in grey italics when there is none). */
export function drawRichText(writer: PdfWriter, body: RichText | null, frame: Frame & { emptyText?: string }): void {
  const blocks = body?.type === "doc" ? (body.content ?? []) : body ? [body] : [];
  if (!blocks.some(hasText)) {
    if (frame.emptyText)
      drawParagraph(writer, [{ text: frame.emptyText, bold: false, italic: true, href: null }], frame, COLOUR.muted);
    return;
  }
  for (const block of blocks) drawBlock(writer, block, frame, 1);
}

/** Walked with a stack of its own: a body may come nested deeper than the stack allows. */
function hasText(root: RichText): boolean {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.text?.trim()) return true;
    stack.push(...(node.content ?? []));
  }
  return false;
}

function drawBlock(writer: PdfWriter, node: RichText, frame: Frame, depth: number): void {
  if (depth > NESTING_LIMIT.maxDepth) {
    drawParagraph(writer, [{ text: NESTING_LIMIT.marker, bold: false, italic: true, href: null }], frame, COLOUR.muted);
    return;
  }
  switch (node.type) {
    case "bulletList":
    case "orderedList":
      drawList(writer, node, frame, depth);
      return;
    case "table":
      drawRichTable(writer, node, frame);
      return;
    case "paragraph":
    case "heading":
    case "text": {
      const runs = node.type === "text" ? inlineRuns({ type: "paragraph", content: [node] }) : inlineRuns(node);
      if (node.type === "heading") runs.forEach((run) => (run.bold = true));
      if (runs.length === 0) writer.gap(frame.size * 0.6);
      else drawParagraph(writer, runs, frame);
      return;
    }
    default:
      // Unknown blocks (a newer editor schema, say) still print their text.
      if (node.content?.some((child) => child.type === "text" || child.type === "hardBreak"))
        drawParagraph(writer, inlineRuns(node), frame);
      else for (const child of node.content ?? []) drawBlock(writer, child, frame, depth + 1);
  }
}

export function fontFor(run: InlineRun): TextFace {
  if (run.bold && run.italic) return FONT.boldItalic;
  if (run.bold) return FONT.bold;
  if (run.italic) return FONT.italic;
  return FONT.regular;
}

function drawParagraph(writer: PdfWriter, runs: InlineRun[], frame: Frame, colour: string = COLOUR.text): void {
  const doc = writer.doc;
  writer.ensureSpace(frame.size * 1.4);
  writer.group("P", () => {
    runs.forEach((run, index) => {
      const draw = () => {
        writer.style(fontFor(run), frame.size, run.href ? COLOUR.link : colour);
        const options = {
          width: frame.width,
          lineGap: 2,
          continued: index < runs.length - 1,
          link: run.href,
          underline: run.href !== null,
        };
        if (index === 0) writer.text(run.text, frame.x, doc.y, options);
        else writer.more(run.text, options);
      };
      // A link is a Link element holding its text and its annotation, so it is announced as a link.
      if (run.href) writer.block("Link", draw);
      else writer.content(draw);
    });
  });
  doc.x = frame.x;
  writer.gap(BLOCK_GAP);
}

const LIST_INDENT = 16;

function drawList(writer: PdfWriter, list: RichText, frame: Frame, depth: number): void {
  const doc = writer.doc;
  const start = typeof list.attrs?.start === "number" ? list.attrs.start : 1;
  writer.group("L", () => {
    (list.content ?? []).forEach((item, index) => {
      const marker = list.type === "orderedList" ? `${start + index}.` : "•";
      writer.ensureSpace(frame.size * 1.4);
      writer.group("LI", () => {
        const top = doc.y;
        writer.block("Lbl", () => {
          writer
            .style(FONT.regular, frame.size)
            .text(marker, frame.x, top, { width: LIST_INDENT - 3, align: "right", lineBreak: false });
        });
        doc.y = top;
        const body = { x: frame.x + LIST_INDENT + 3, width: frame.width - LIST_INDENT - 3, size: frame.size };
        writer.group("LBody", () => {
          const children = item.content ?? [];
          if (children.length === 0) writer.gap(frame.size * 1.4);
          for (const child of children) drawBlock(writer, child, body, depth + 1);
        });
      });
    });
  });
}
