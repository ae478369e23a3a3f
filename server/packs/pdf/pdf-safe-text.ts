/*
 * The PDF uses the standard 14 fonts (Helvetica, Courier), which need no font files but
 * can only show the WinAnsi character set. pdfkit prints anything else as a wrong glyph
 * or nothing, so every string drawn on a page passes through pdfSafeText first.
 */

/** The characters WinAnsi has beyond Latin-1 (code points 0x80-0x9F of the encoding). */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Readable stand-ins for characters people type that WinAnsi lacks. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "→": "->",
  "←": "<-",
  "↔": "<->",
  "⇒": "=>",
  "↑": "up",
  "↓": "down",
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "≈": "~",
  // × is in WinAnsi, but is spelt "x" so a figure reads the same in the PDF as in text copied from it.
  "×": "x",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "—",
  "′": "'",
  "″": '"',
  // Letters with no decomposition to strip an accent from.
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  "✓": "Yes",
  "✔": "Yes",
  "✗": "No",
  "✘": "No",
  "\u2007": " ",
  "\u2009": " ",
  "\u202f": " ",
  "\t": " ",
};

/** Characters that print nothing (joiners, variation selectors, controls) and only confuse line breaking. */
// eslint-disable-next-line no-misleading-character-class -- variation selectors are listed on purpose, to be removed
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\u00ad\u0000-\u0008\u000b-\u001f\u007f]/gu;

/** Printable ASCII and newlines: nothing to change. */
const PLAIN = /^[\n\x20-\x7e]*$/;

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Text as the standard PDF fonts can print it: common symbols become their ASCII
 * spelling ("→" -> "->", "≥" -> ">="), accented letters outside Latin-1 lose their
 * accent ("ő" -> "o"), and anything else (emoji, other scripts) becomes "?", one per
 * character, so it is visibly missing rather than silently wrong.
 */
export function pdfSafeText(text: string): string {
  if (PLAIN.test(text)) return text; // most text, and the renderer calls this for every string it measures
  let out = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n").replace(INVISIBLE, "")) {
    if (Object.hasOwn(REPLACEMENTS, char)) out += REPLACEMENTS[char];
    else if (isWinAnsi(char)) out += char;
    else out += withoutAccents(char);
  }
  return out;
}

function withoutAccents(char: string): string {
  const plain = char.normalize("NFKD").replace(/\p{M}/gu, "");
  return plain.length > 0 && [...plain].every(isWinAnsi) ? plain : "?";
}
