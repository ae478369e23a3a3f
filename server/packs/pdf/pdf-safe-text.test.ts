import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfSafeText } from "./pdf-safe-text";

/** What the standard PDF fonts can print: WinAnsi (Latin-1 and the cp1252 extras) and newlines. */
const printable = /^[\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/u;

describe("pdfSafeText", () => {
  it.each([
    ["plain text", "Repairs completed on time", "Repairs completed on time"],
    ["WinAnsi punctuation and currency", "– — ‘a’ “b” … £5 €6 ½ é ß", "– — ‘a’ “b” … £5 €6 ½ é ß"],
    ["arrows and comparisons", "a → b ≥ 5 ≤ 9 ≠ 3 ← c", "a -> b >= 5 <= 9 != 3 <- c"],
    ["multiplication sign", "3 × 2", "3 x 2"],
    ["minus sign", "−4.5", "-4.5"],
    ["accents outside Latin-1", "Łódź Kraków Dvořák ő", "Lódz Kraków Dvorák o"],
    ["decomposed accents are composed first", "cafe\u0301", "café"],
    ["ligatures", "ﬁnance", "finance"],
    ["emoji, one ? per character", "done 🎉 👍🏽 ❤️", "done ? ?? ?"],
    ["joined emoji", "👨‍👩‍👧", "???"],
    ["other scripts", "文字 مرحبا", "?? ?????"],
    ["zero-width and control characters", "a\u200bb\u0007c\ufeff", "abc"],
    ["line endings and tabs", "a\r\nb\rc\td", "a\nb\nc d"],
    ["ticks", "✓ done ✗ not", "Yes done No not"],
  ])("%s", (_, input, expected) => {
    expect(pdfSafeText(input)).toBe(expected);
  });

  // Code points from the basic plane's common blocks and the emoji planes (fast-check's
  // own "binary" strings are slow to set up).
  const anyText = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x33ff }),
        fc.integer({ min: 0xfb00, max: 0xffff }),
        fc.integer({ min: 0x1f300, max: 0x1faff }),
      ),
      { maxLength: 40 },
    )
    .map((codePoints) => String.fromCodePoint(...codePoints.filter((c) => c < 0xd800 || c > 0xdfff)));

  it("always returns printable text, and leaves printable text alone", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(pdfSafeText(input)).toMatch(printable);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 40 }), (input) => {
        const ascii = input.replace(/[\x00-\x1f\x7f]/g, "");
        expect(pdfSafeText(ascii)).toBe(ascii);
      }),
    );
  });
});
