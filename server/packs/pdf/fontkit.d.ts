/** The little of fontkit (pdfkit's own font engine) that the renderer calls directly. */
declare module "fontkit" {
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    /** The ascender, in font units. */
    readonly ascent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array): Font;
}
