import { describe, expect, it } from "vitest";
import { TABLE_LIMIT } from "./nesting-limit";
import { cleanPastedHtml, PASTE_NOTICE, pasteNotice } from "./paste-cleaning";
import { EXCEL_HTML, WORD_HTML } from "./paste-fixture";

/** The cleaned HTML without the whitespace between tags, to compare by eye. */
const tight = (html: string) => cleanPastedHtml(html).html.replace(/>\s+</g, "><").trim();

describe("cleanPastedHtml: Word", () => {
  const cleaned = cleanPastedHtml(WORD_HTML);
  const html = tight(WORD_HTML);

  it("keeps bold, italic and links, and leaves out styles, classes, <o:p> and the head", () => {
    expect(html).toContain("<p><strong>Capital programme 2026/27</strong></p>");
    expect(html).toContain(
      '<p>Spend is on <em>track</em>; see the <a href="https://www.northfield.example/capital">capital plan</a>.</p>',
    );
    expect(html).not.toMatch(/style=|class=|o:p|mso-|MsoNormal|Calibri|<head|<meta|<xml/);
  });

  it("makes Word's list paragraphs a list, without the bullet written as text", () => {
    expect(html).toContain("<ul><li><p>Kitchens and bathrooms</p></li><li><p>Fire doors</p></li></ul>");
    expect(html).not.toContain("·");
  });

  it("drops the image (VML and <img>) and says so", () => {
    expect(html).not.toMatch(/img|v:shape|v:imagedata|clip_image/);
    expect(cleaned.removed).toBe(true);
    expect(pasteNotice(cleaned)).toBe(`${PASTE_NOTICE}.`);
  });

  it("keeps the table's cells and words exactly, without widths or borders", () => {
    expect(html).toContain(
      "<table><tr><td><p><strong>Contractor</strong></p></td><td><p><strong>Spend</strong></p></td></tr>" +
        "<tr><td><p>Dŵr Cymru</p></td><td><p>£2.4m</p></td></tr>" +
        "<tr><td><p>Łódź Windows Ltd</p></td><td><p>£310,000</p></td></tr></table>",
    );
    expect(cleaned.tableCut).toBe(false);
  });
});

describe("cleanPastedHtml: Excel", () => {
  it("keeps a cell made bold by a class, and a cell spanning two columns", () => {
    expect(tight(EXCEL_HTML)).toBe(
      "<table><tr><td><strong>Scheme</strong></td><td><strong>Units</strong></td></tr>" +
        "<tr><td>Tŷ Newydd</td><td>48</td></tr>" +
        '<tr><td colspan="2">Total cost £2.4m</td></tr></table>',
    );
  });
});

describe("cleanPastedHtml: other cases", () => {
  it.each<[string, string, string]>([
    ["plain HTML passes unchanged", "<p>One <strong>two</strong></p>", "<p>One <strong>two</strong></p>"],
    [
      "a span's bold and italic style become elements",
      '<span style="font-weight:700;font-style:italic">x</span>',
      "<strong><em>x</em></strong>",
    ],
    [
      "Google Docs' <b> that is not bold is dropped",
      '<b style="font-weight:normal" id="docs-internal-guid-1"><p>x</p></b>',
      "<p>x</p>",
    ],
    ["a bookmark is not a link", '<p><a name="_Toc1" href="#_Toc1">Intro</a></p>', "<p>Intro</p>"],
    [
      "a numbered Word list is an <ol>",
      wordList(["1.", 1, "First"], ["2.", 1, "Second"]),
      "<ol><li><p>First</p></li><li><p>Second</p></li></ol>",
    ],
    [
      "a second level nests in the item above it",
      wordList(["·", 1, "Repairs"], ["o", 2, "Gas"], ["·", 1, "Voids"]),
      "<ul><li><p>Repairs</p><ul><li><p>Gas</p></li></ul></li><li><p>Voids</p></li></ul>",
    ],
    [
      "a table inside a cell becomes paragraphs in that cell",
      "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>",
      "<table><tr><td><p>a</p><p>b</p></td></tr></table>",
    ],
    ["script and style are dropped with their content", "<script>alert(1)</script><style>p{}</style><p>ok</p>", "<p>ok</p>"],
    ["a lone < is kept as text", "<p>a < b</p>", "<p>a &lt; b</p>"],
    ["an unclosed paragraph ends at the next block", "<p>one<p>two", "<p>one</p><p>two</p>"],
  ])("%s", (_name, input, expected) => {
    expect(tight(input)).toBe(expected);
  });

  it("leaves what was copied from an editor as it is, with its slice depth", () => {
    const copied = '<meta charset="utf-8"><ul data-pm-slice="3 3 []"><li><p>one</p></li></ul>';
    expect(cleanPastedHtml(copied)).toEqual({ html: copied, removed: false, tableCut: false });
  });

  it("says nothing was removed from plain HTML", () => {
    const cleaned = cleanPastedHtml("<p>One <em>two</em></p><ul><li>three</li></ul>");
    expect(cleaned.removed).toBe(false);
    expect(pasteNotice(cleaned)).toBeNull();
  });

  it("cuts a table to the limit and says so", () => {
    const cells = (n: number) => Array.from({ length: n }, (_, i) => `<td>c${i + 1}</td>`).join("");
    const rows = Array.from(
      { length: TABLE_LIMIT.maxRows + 5 },
      (_, r) => `<tr>${cells(TABLE_LIMIT.maxColumns + 3).replace(/c/g, `r${r + 1}c`)}</tr>`,
    );
    const cleaned = cleanPastedHtml(`<table>${rows.join("")}</table>`);
    expect(cleaned.tableCut).toBe(true);
    expect(cleaned.html.match(/<tr>/g)).toHaveLength(TABLE_LIMIT.maxRows);
    expect(cleaned.html.match(/<td>/g)).toHaveLength(TABLE_LIMIT.maxRows * TABLE_LIMIT.maxColumns);
    expect(cleaned.html).toContain(`r1c${TABLE_LIMIT.maxColumns}<`);
    expect(cleaned.html).not.toContain(`r1c${TABLE_LIMIT.maxColumns + 1}<`);
    expect(cleaned.html).not.toContain(`r${TABLE_LIMIT.maxRows + 1}c1<`);
    expect(pasteNotice(cleaned)).toBe(
      `Tables may have at most ${TABLE_LIMIT.maxRows} rows and ${TABLE_LIMIT.maxColumns} columns: the rest of the pasted table was left out.`,
    );
  });

  it("counts a cell spanning columns as that many columns", () => {
    const html = `<table><tr><td colspan="${TABLE_LIMIT.maxColumns}">wide</td><td>over</td></tr></table>`;
    expect(tight(html)).toBe(`<table><tr><td colspan="${TABLE_LIMIT.maxColumns}">wide</td></tr></table>`);
  });
});

/** Word list paragraphs: [marker, level, words]. */
function wordList(...items: [string, number, string][]): string {
  return items
    .map(
      ([marker, level, words]) =>
        `<p class=MsoListParagraph style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>${words}<o:p></o:p></p>`,
    )
    .join("\n");
}
