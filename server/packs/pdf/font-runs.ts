import { FALLBACK_FACES, type FaceName, type TextFace } from "./fonts";

/** A stretch of text that one face prints. */
export type FontRun = { text: string; face: FaceName };

/** Whether a face has a glyph for a code point; the fonts' own character maps in the renderer. */
export type Coverage = (face: FaceName, codePoint: number) => boolean;

/** Characters that print nothing (joiners, variation selectors, controls) and only confuse line breaking. */
// eslint-disable-next-line no-misleading-character-class -- the variation selectors are listed on purpose, to be taken out
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f\u00ad\u0000-\u0008\u000b-\u001f\u007f]/gu;

/** Printable ASCII and newlines, which every text face has: nothing to split. */
const PLAIN = /^[\n\x20-\x7e]*$/;

const COMBINING_MARK = /^\p{M}$/u;

/**
 * An emoji written as several code points: joined (👩‍👩‍👧), flagged (🇬🇧, and 🏴󠁧󠁢󠁷󠁬󠁳󠁿 Wales, written
 * with tag characters), toned (👍🏽) or asking for emoji presentation (❤️). The emoji face
 * draws each as one glyph and records the whole sequence for copying and search, so it
 * goes to that face whole; taken apart, a family printed as three people and Wales's flag
 * as codes.
 */
const EMOJI_SEQUENCE =
  // eslint-disable-next-line no-misleading-character-class -- joiners, tones and tags listed on purpose, one by one
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u200d\ufe0e\ufe0f\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}])+$/u;
const EMOJI_GLYPH = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/gu;

/**
 * A skin tone (👍🏽). The emoji face is monochrome: it ligates a toned emoji into the plain
 * one, which then printed, and copied out of the PDF, without its tone. The tone is drawn
 * after the emoji as its own swatch instead, as Unicode asks where a combination has no
 * glyph, and both copy out as typed.
 */
const SKIN_TONE = /[\u{1f3fb}-\u{1f3ff}]/u;
const SKIN_TONE_PIECES = /([\u{1f3fb}-\u{1f3ff}])/u;

/** Whether the emoji face draws `segment` (one grapheme) whole: a sequence of emoji it has. */
function isWholeEmoji(segment: string, hasGlyph: Coverage): boolean {
  if (!EMOJI_SEQUENCE.test(segment)) return false;
  return [...segment.matchAll(EMOJI_GLYPH)].every(([emoji]) => hasGlyph("emoji", emoji.codePointAt(0) ?? 0));
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** How a character no font has is printed: visibly, and searchably, as its code. */
export function missingGlyphText(codePoint: number): string {
  return `[U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}]`;
}

/**
 * Splits `text` into runs by the face that prints each character: `face` where it has
 * the glyph, else the symbol face, else the emoji face. A character no face has becomes
 * "[U+XXXX]" in `face`, never a lookalike or a question mark. A combining accent stays
 * with the letter before it when that letter's face has it, and an emoji sequence goes
 * whole to the emoji face. Line endings become "\n", tabs spaces, and invisible
 * characters (joiners, variation selectors) elsewhere are dropped.
 */
export function fontRuns(text: string, face: TextFace, hasGlyph: Coverage): FontRun[] {
  if (PLAIN.test(text)) return [{ text, face }]; // most text, and the renderer calls this for every string it measures
  const runs: FontRun[] = [];
  const push = (piece: string, pieceFace: FaceName) => {
    const last = runs[runs.length - 1];
    if (last?.face === pieceFace) last.text += piece;
    else runs.push({ text: piece, face: pieceFace });
  };
  const normal = text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ");
  for (const { segment } of graphemes.segment(normal)) {
    if (!isWholeEmoji(segment, hasGlyph)) for (const char of segment.replace(INVISIBLE, "")) pushChar(char);
    else if (!SKIN_TONE.test(segment)) push(segment, "emoji");
    // Runs of their own, never merged: each is laid out apart, so the tone is not ligated away.
    else for (const piece of segment.split(SKIN_TONE_PIECES).filter(Boolean)) runs.push({ text: piece, face: "emoji" });
  }
  return runs.length > 0 ? runs : [{ text: "", face }];

  function pushChar(char: string) {
    const codePoint = char.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    if (char === "\n") push(char, last?.face ?? face);
    else if (last && COMBINING_MARK.test(char) && hasGlyph(last.face, codePoint)) last.text += char;
    else {
      const found = [face, ...FALLBACK_FACES].find((candidate) => hasGlyph(candidate, codePoint));
      if (found) push(char, found);
      else push(missingGlyphText(codePoint), face);
    }
  }
}
