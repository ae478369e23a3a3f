import PDFDocument from "pdfkit";
import { packContents, type PackDocument } from "../../app/shared/packs/pack-document";
import { drawContents } from "./pdf/contents";
import { drawCoverPage, packKindLabel } from "./pdf/cover-page";
import { drawItem } from "./pdf/item-section";
import { fontFile, FontLayouts } from "./pdf/fonts";
import { drawPageFurniture } from "./pdf/page-furniture";
import { PAGE_MARGINS, PdfWriter } from "./pdf/pdf-writer";

export type RenderedPdf = {
  bytes: Uint8Array;
  pageCount: number;
  /** Section id to the page its heading is printed on, counting the cover as page 1. */
  pageMap: Record<string, number>;
};

/** Enough for the contents to settle; more would mean the layout depends on the numbers it prints. */
const MAX_PASSES = 3;

/**
 * Renders a frozen pack as the PDF committee record: cover, contents with exact page
 * numbers, every item and appendix, bookmarks, and the pack's hash on every page.
 *
 * Page numbers need two passes: the first lays the pack out to learn where each section
 * starts, the second prints those numbers in the contents (which take the same space
 * either way) and is the one kept. The same pack gives the same bytes: every date in the
 * file is the moment the pack was frozen.
 *
 * @param options.sha256 the hash of the pack's canonical JSON, printed in every footer.
 */
export async function renderPackPdf(pack: PackDocument, options: { sha256: string }): Promise<RenderedPdf> {
  let printed: Record<string, number> = {};
  const fonts = new FontLayouts();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const writer = layOutPack(pack, options.sha256, printed, fonts);
    if (samePages(writer.sectionPages, printed)) {
      drawPageFurniture(writer, pack, options.sha256);
      writer.finish();
      const pageCount = writer.pageCount; // read before ending: pdfkit empties its page buffer then
      return { bytes: await documentBytes(writer.doc), pageCount, pageMap: { ...writer.sectionPages } };
    }
    printed = { ...writer.sectionPages };
  }
  throw new Error(`The contents page numbers of "${pack.title}" did not settle after ${MAX_PASSES} passes`);
}

function layOutPack(pack: PackDocument, sha256: string, contentsPages: Record<string, number>, fonts: FontLayouts): PdfWriter {
  const frozenAt = dateOrEpoch(pack.version.frozenAt);
  const doc = new PDFDocument({
    size: "A4",
    margins: { ...PAGE_MARGINS },
    pdfVersion: "1.7",
    bufferPages: true,
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    // pdfkit loads its default font before any other is registered: make it ours, not Helvetica.
    font: fontFile("regular"),
    info: {
      Title: pack.title,
      Author: pack.organisation.name,
      Subject: `${packKindLabel(pack)} of ${pack.body.name}, ${pack.meeting.whenText}: version ${pack.version.number}`,
      Keywords: `${pack.body.name}; ${packKindLabel(pack)}; version ${pack.version.number}`,
      Creator: "Minuted",
      Producer: "Minuted (PDFKit)",
      CreationDate: frozenAt,
      ModDate: frozenAt,
    },
  });
  const writer = new PdfWriter(doc, fonts);
  drawCoverPage(writer, pack, sha256);
  writer.newPage();
  drawContents(writer, packContents(pack), contentsPages);
  pack.items.forEach((item, index) => {
    // Items run on from one another, but not on from an appendix: those are documents of their own.
    if (index === 0 || pack.items[index - 1].appendices.length > 0) writer.newPage();
    drawItem(writer, item);
  });
  return writer;
}

function samePages(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function dateOrEpoch(iso: string): Date {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function documentBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.end();
  });
}
