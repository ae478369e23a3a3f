import type { PackContentsEntry } from "../../../app/shared/packs/pack-document";
import { drawHeading, drawParagraph } from "./blocks";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";

const NUMBER_WIDTH = 36;
const LEVEL_2_INDENT = 16;

/**
 * The table of contents. Each line's height depends only on its title, never on the page
 * number printed beside it (the number has a column of its own), so the contents take
 * the same pages whether or not the numbers are known yet: the renderer's first pass
 * learns them, the second prints them.
 */
export function drawContents(
  writer: PdfWriter,
  entries: readonly PackContentsEntry[],
  pages: Readonly<Record<string, number>>,
): void {
  const doc = writer.doc;
  drawHeading(writer, "H1", "Contents");
  if (entries.length === 0) {
    drawParagraph(writer, "This pack has no items.", { colour: COLOUR.muted });
    return;
  }
  writer.group("TOC", () => {
    for (const entry of entries) {
      const indent = entry.level === 1 ? 0 : LEVEL_2_INDENT;
      const font = entry.level === 1 ? FONT.bold : FONT.regular;
      const size = entry.level === 1 ? 10.5 : 9.5;
      const titleWidth = writer.width - indent - NUMBER_WIDTH - 8;
      writer.style(font, size);
      const height = writer.measure(entry.title, { width: titleWidth, lineGap: 2 });
      const gapBefore = entry.level === 1 ? 5 : 1;
      writer.ensureSpace(gapBefore + height);
      writer.gap(gapBefore);
      const top = doc.y;
      const page = pages[entry.sectionId];
      const oneLine = height < size * 1.6;
      // Each entry is a Link inside its TOCI: one annotation over the title and its page number.
      writer.group("TOCI", () =>
        writer.group("Link", () => {
          writer.content(() => {
            writer.style(font, size).text(entry.title, writer.left + indent, top, { width: titleWidth, lineGap: 2 });
            const numberTop = top + height - doc.currentLineHeight(true) - 2;
            // The leading space separates title and number for a screen reader; it is invisible here.
            writer.style(font, size).text(page ? ` ${page}` : "", writer.left + writer.width - NUMBER_WIDTH, numberTop, {
              width: NUMBER_WIDTH,
              align: "right",
              lineBreak: false,
            });
          });
          const rect = { x: writer.left + indent, y: top, width: writer.width - indent, height };
          writer.goTo(entry.sectionId, rect, page ? `${entry.title}, page ${page}` : entry.title);
        }),
      );
      if (oneLine && page) {
        // Dot leaders from the end of the title to the number.
        writer.style(font, size);
        const from = writer.left + indent + writer.widthOf(entry.title) + 6;
        const to = writer.left + writer.width - NUMBER_WIDTH + 4;
        const baseline = top + size * 0.85;
        if (to > from)
          writer.artifact(() =>
            doc
              .save()
              .moveTo(from, baseline)
              .lineTo(to, baseline)
              .lineWidth(0.6)
              .dash(0.6, { space: 2.4 })
              .stroke(COLOUR.rule)
              .undash()
              .restore(),
          );
      }
      doc.x = writer.left;
      doc.y = top + height;
    }
  });
}
