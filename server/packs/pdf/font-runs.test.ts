import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fontRuns, missingGlyphText } from "./font-runs";
import { faceHasGlyph } from "./fonts";

/** What joins, tones or flags an emoji sequence: no glyph of its own. */
// eslint-disable-next-line no-misleading-character-class -- joiners, tones and tags listed on purpose, one by one
const SEQUENCE_PART = /[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

/* Against the real fonts: what these tests check is what the PDF will print. */
const runs = (text: string) => fontRuns(text, "regular", faceHasGlyph);
const plain = (text: string) =>
  runs(text)
    .map((r) => r.text)
    .join("");

describe("fontRuns", () => {
  it.each([
    ["plain text", "Repairs completed on time"],
    ["Welsh", "Siôn Llŷr-Ŵyn, Tŷ Ŵyn, Siân"],
    ["Irish", "Seán Ó Muirí"],
    ["Polish", "Łódź, Żółć, Dvořák, ő"],
    ["Romanian", "Țară, Ștefan"],
    ["Greek", "Ωμέγα"],
    ["Turkish", "Ğüneş, İstanbul, ı"],
    ["money and punctuation", "£1,379,674 €5 – — ‘a’ “b” … ½ × −4.5"],
  ])("prints %s in the text face, as it is", (_, text) => {
    expect(runs(text)).toEqual([{ text, face: "regular" }]);
  });

  it("prints arrows and comparisons in the symbol face, emoji in the emoji face", () => {
    expect(runs("a → b ≥ 5 ✓ 🏠 done")).toEqual([
      { text: "a ", face: "regular" },
      { text: "→", face: "symbols" },
      { text: " b ", face: "regular" },
      { text: "≥", face: "symbols" },
      { text: " 5 ", face: "regular" },
      { text: "✓", face: "symbols" },
      { text: " ", face: "regular" },
      { text: "🏠", face: "emoji" },
      { text: " done", face: "regular" },
    ]);
  });

  it("keeps the face it is asked for (bold, italic) for the text it has", () => {
    expect(fontRuns("Tŷ 🎉", "bold", faceHasGlyph)).toEqual([
      { text: "Tŷ ", face: "bold" },
      { text: "🎉", face: "emoji" },
    ]);
  });

  it.each([
    ["a joined family", "👨‍👩‍👧"],
    ["the flag of Wales (tag characters)", "🏴󠁧󠁢󠁷󠁬󠁳󠁿"],
    ["a flag of regional indicators", "🇬🇧"],
    ["emoji presentation", "❤️"],
  ])("keeps %s whole, in the emoji face, which draws it as one glyph", (_, emoji) => {
    expect(runs(`Tŷ ${emoji} Ŵyn`)).toEqual([
      { text: "Tŷ ", face: "regular" },
      { text: emoji, face: "emoji" },
      { text: " Ŵyn", face: "regular" },
    ]);
  });

  it("draws a skin tone after its emoji as a swatch, in runs of their own that are never ligated together", () => {
    expect(runs("Tŷ 👍🏽 Ŵyn")).toEqual([
      { text: "Tŷ ", face: "regular" },
      { text: "👍", face: "emoji" },
      { text: "🏽", face: "emoji" },
      { text: " Ŵyn", face: "regular" },
    ]);
    expect(plain("👩🏿‍💻 👋🏻")).toBe("👩🏿‍💻 👋🏻");
  });

  it("prints a character no font has as its code, visibly and searchably", () => {
    expect(runs("文字 𓀀!")).toEqual([{ text: "[U+6587][U+5B57] [U+13000]!", face: "regular" }]);
    expect(missingGlyphText(0x1f9ff)).toBe("[U+1F9FF]");
    expect(missingGlyphText(0x41)).toBe("[U+0041]");
  });

  it.each([
    ["decomposed accents are composed", "cafe\u0301 Tŷ", "café Tŷ"],
    ["zero-width and control characters are dropped", "a\u200bb\u0007c\ufeff", "abc"],
    ["line endings and tabs", "a\r\nb\rc\td", "a\nb\nc d"],
    ["an emoji accent that is not part of an emoji sequence is dropped", "🏠\u200b!", "🏠!"],
  ])("%s", (_, input, expected) => {
    expect(plain(input)).toBe(expected);
  });

  // Code points from the basic plane's common blocks and the emoji planes.
  const anyText = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0x20, max: 0x33ff }),
        fc.integer({ min: 0xfb00, max: 0xffff }),
        fc.integer({ min: 0x1f300, max: 0x1faff }),
      ),
      { maxLength: 40 },
    )
    .map((codePoints) => String.fromCodePoint(...codePoints.filter((c) => c < 0xd800 || c > 0xdfff)));

  it("gives every character to a face that has it, or prints its code", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        for (const run of runs(input)) {
          const shown = run.text.replace(/\[U\+[0-9A-F]{4,6}\]/g, "").replace(/\n/g, "");
          for (const char of shown) {
            if (run.face === "emoji" && SEQUENCE_PART.test(char)) continue; // inside a sequence drawn whole
            expect(faceHasGlyph(run.face, char.codePointAt(0)!), `${char} in ${run.face}`).toBe(true);
          }
        }
      }),
    );
  });

  it("leaves printable ASCII alone, in one run", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 40 }), (input) => {
        const ascii = input.replace(/[\x00-\x1f\x7f]/g, "");
        expect(runs(ascii)).toEqual([{ text: ascii, face: "regular" }]);
      }),
    );
  });
});
