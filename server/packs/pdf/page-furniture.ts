import type { PackDocument } from "../../../app/shared/packs/pack-document";
import { packKindLabel } from "./cover-page";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";

const FOOTER_SIZE = 7;

/** The right-hand part of every footer: the hash that identifies the version, and the page. */
export function footerText(sha256: string, page: number, pageCount: number): string {
  return `SHA-256 ${sha256} · Page ${page} of ${pageCount}`;
}

/** `text` cut at a word to fit `width` (as measured by `widthOf`), with "…"; "" if even one word does not fit. */
export function shortenToFit(text: string, width: number, widthOf: (text: string) => number): string {
  if (widthOf(text) <= width) return text;
  const words = text.split(/\s+/);
  while (words.length > 0) {
    words.pop();
    const candidate = `${words.join(" ").replace(/[\s,:;.–—-]+$/, "")}…`;
    if (words.length > 0 && widthOf(candidate) <= width) return candidate;
  }
  return "";
}

/**
 * Writes the running header and the footer on every page once the page count is known.
 * They sit in the margins, so the bottom margin is lifted while writing: otherwise pdfkit
 * would see text below the margin and start a new, blank page.
 */
export function drawPageFurniture(writer: PdfWriter, pack: PackDocument, sha256: string): void {
  const doc = writer.doc;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const page = doc.page;
    const margins = { ...page.margins };
    page.margins.bottom = 0;
    page.margins.top = 0;
    const left = margins.left;
    const width = page.width - margins.left - margins.right;
    writer.artifact(() => {
      const footerY = page.height - margins.bottom + 22;
      doc
        .save()
        .moveTo(left, footerY - 6)
        .lineTo(left + width, footerY - 6)
        .lineWidth(0.5)
        .stroke(COLOUR.rule)
        .restore();
      writer.style(FONT.regular, FOOTER_SIZE, COLOUR.muted);
      const right = footerText(sha256, index + 1, count);
      const rightWidth = writer.widthOf(right);
      writer.text(right, left + width - rightWidth, footerY, { lineBreak: false });
      const title = shortenToFit(pack.title, width - rightWidth - 16, (t) => writer.widthOf(t));
      if (title) writer.text(title, left, footerY, { lineBreak: false });

      if (index > start) {
        const headerY = margins.top - 30;
        writer.style(FONT.regular, FOOTER_SIZE, COLOUR.muted);
        const version = `${packKindLabel(pack)}, version ${pack.version.number}`;
        const versionWidth = writer.widthOf(version);
        const body = shortenToFit(
          `${pack.organisation.name} · ${pack.body.name} · ${pack.meeting.whenText}`,
          width - versionWidth - 16,
          (t) => writer.widthOf(t),
        );
        if (body) writer.text(body, left, headerY, { lineBreak: false });
        writer.text(version, left + width - versionWidth, headerY, { lineBreak: false });
        doc
          .save()
          .moveTo(left, headerY + 11)
          .lineTo(left + width, headerY + 11)
          .lineWidth(0.5)
          .stroke(COLOUR.faintRule)
          .restore();
      }
    }, "Pagination");
    Object.assign(page.margins, margins);
  }
}
