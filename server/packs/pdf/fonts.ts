import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";

/*
 * The fonts the PDF is set in, shipped in npm packages (nothing is fetched at run time)
 * and embedded as subsets, so every reader sees the same letters: Noto Sans for the
 * text, Noto Sans Math for arrows and symbols (→ ≥ ≠ ✓), and Noto Emoji, in one
 * colour, for emoji. A character none of them has is printed as its code ("[U+1F9FF]").
 * All three are under the SIL Open Font License 1.1, which allows embedding.
 */

const FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  italic: "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  boldItalic: "@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf",
  symbols: "@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf",
  emoji: "@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf",
} as const;

/** A face text is set in: one of the four text faces, or a fallback for what they lack. */
export type FaceName = keyof typeof FILES;
export type TextFace = Exclude<FaceName, "symbols" | "emoji">;
export const FALLBACK_FACES = ["symbols", "emoji"] as const satisfies readonly FaceName[];

type LoadedFace = { path: string; font: Font };

const resolveFont = createRequire(import.meta.url).resolve;

function load(name: FaceName): LoadedFace {
  const path = resolveFont(FILES[name]);
  return { path, font: create(readFileSync(path)) };
}

/*
 * Parsed once, when the renderer is first imported: to know which characters each face
 * has, and for pdfkit to lay words out with (see FontLayouts). Nothing here changes what
 * is printed; fontkit only keeps the tables it has decoded.
 */
const FACES: Readonly<Record<FaceName, LoadedFace>> = Object.freeze({
  regular: load("regular"),
  bold: load("bold"),
  italic: load("italic"),
  boldItalic: load("boldItalic"),
  symbols: load("symbols"),
  emoji: load("emoji"),
});

/** Whether `face` can print `codePoint`. */
export function faceHasGlyph(face: FaceName, codePoint: number): boolean {
  return FACES[face].font.hasGlyphForCodePoint(codePoint);
}

/** The distance from the top of a line to the baseline, as a fraction of the font size. */
export function faceAscent(face: FaceName): number {
  return FACES[face].font.ascent / FACES[face].font.unitsPerEm;
}

/**
 * The file of a face, which is also its name in a document: pdfkit caches a font by the
 * name it was loaded under, and its default font is loaded by file, so naming every face
 * by its file loads each once per document. (A face registered under another name is
 * read again at every switch when pdfkit finds it has the font under its own name.)
 */
export function fontFile(face: FaceName): string {
  return FACES[face].path;
}

/**
 * The glyph layouts of the words set in each face, kept for all the documents of one
 * render. Laying a word out in an embedded font (kerning, accents) is most of the cost
 * of setting text, and each pass of a render sets the same words again.
 */
export class FontLayouts {
  private readonly byFace = new Map<FaceName, object>();

  /** Sets `face` as the document's font, laying words out through this render's cache. */
  use(doc: PDFKit.PDFDocument, face: FaceName): PDFKit.PDFDocument {
    doc.font(FACES[face].path);
    // Two private parts of pdfkit's embedded font, each replaced only if it is there:
    // - `font`, the parsed file it lays words out with, becomes the one parsed when this
    //   module loaded, so the tables a layout reads are decoded once, not per document.
    //   The document's own subset and metrics still come from its copy of the same file.
    // - `layoutCache`, words already laid out, one per document, becomes one per render.
    //   A layout holds only glyph ids, widths and code points, as good for any document.
    // If pdfkit's internals change, neither happens and text is set as before, more slowly.
    const embedded = (doc as unknown as { _font?: { font?: Font; layoutCache?: object } })._font;
    if (!embedded) return doc;
    if (embedded.font?.postscriptName === FACES[face].font.postscriptName) embedded.font = FACES[face].font;
    if (typeof embedded.layoutCache === "object") {
      let shared = this.byFace.get(face);
      if (!shared) this.byFace.set(face, (shared = embedded.layoutCache));
      embedded.layoutCache = shared;
    }
    return doc;
  }
}
