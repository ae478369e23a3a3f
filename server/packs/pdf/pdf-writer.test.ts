import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fontFile, FontLayouts } from "./fonts";
import { FONT, PAGE_MARGINS, PdfWriter } from "./pdf-writer";

function newWriter(): PdfWriter {
  const doc = new PDFDocument({ size: "A4", margins: { ...PAGE_MARGINS }, tagged: true, font: fontFile("regular") });
  return new PdfWriter(doc, new FontLayouts());
}

describe("PdfWriter", () => {
  // Table rows and page breaks are planned from `measure`: text in several fonts must take
  // the room it was given, or it runs over the row below.
  it.each([
    ["text face only", "Siân Llŷr and Seán Ó Muirí reported arrears at Tŷ Ŵyn in Łódź and İstanbul"],
    ["emoji and symbols among the text", "Tŷ Ŵyn 🏠 arrears → up ≥ 5% at Łódź 🎉 and Ωμέγα ✓ done 🚧 with more words to wrap"],
    ["a character no font has", "文字 marked 𓀀 and then some words that wrap onto another line"],
  ])("draws %s in the height it measures", (_, text) => {
    const writer = newWriter();
    const options = { width: 120, lineGap: 1 };
    writer.style(FONT.regular, 9);
    const measured = writer.measure(text, options);
    const top = writer.doc.y;
    writer.block("P", () => writer.text(text, writer.left, top, options));
    expect(measured).toBeGreaterThan(9 * 2); // it wraps
    expect(writer.doc.y - top).toBeCloseTo(measured, 3);
  });

  it("measures the width of text in several fonts as the sum of its runs", () => {
    const writer = newWriter();
    writer.style(FONT.bold, 10);
    const parts = writer.widthOf("Tŷ ") + writer.widthOf("🏠") + writer.widthOf(" →");
    expect(writer.widthOf("Tŷ 🏠 →")).toBeCloseTo(parts, 6);
    expect(writer.widthOf("🏠")).toBeGreaterThan(writer.widthOf("?"));
  });
});
