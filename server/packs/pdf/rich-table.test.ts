import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE_LIMIT } from "../../../app/shared/commentary/nesting-limit";
import type { PackDocument, RichText } from "../../../app/shared/packs/pack-document";
import { samplePack } from "../../../app/shared/packs/pack-fixture";
import { renderPackPdf } from "../render-pdf";
import { columnWidths, tableGrid } from "./rich-table";

const run = promisify(execFile);
const text = (t: string, ...marks: string[]): RichText => ({ type: "text", text: t, marks: marks.map((type) => ({ type })) });
const paragraph = (...content: RichText[]): RichText => ({ type: "paragraph", content });
const cell = (words: string | RichText[], attrs?: RichText["attrs"], type = "tableCell"): RichText => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: typeof words === "string" ? [paragraph(text(words))] : words,
});
const header = (words: string) => cell(words, undefined, "tableHeader");
const row = (...cells: RichText[]): RichText => ({ type: "tableRow", content: cells });
const table = (...rows: RichText[]): RichText => ({ type: "table", content: rows });

describe("tableGrid", () => {
  it("places cells in columns, a cell spanning columns over them", () => {
    const grid = tableGrid(table(row(header("a"), header("b"), header("c")), row(cell("wide", { colspan: 2 }), cell("z"))));
    expect(grid.columns).toBe(3);
    expect(grid.rows[1].map((slot) => [slot.kind, slot.column, slot.colspan])).toEqual([
      ["cell", 0, 2],
      ["cell", 2, 1],
    ]);
    expect(grid.rows[0].every((slot) => slot.kind === "cell" && slot.header)).toBe(true);
  });

  it("leaves the places under a cell spanning rows covered, and moves the next cells right", () => {
    const grid = tableGrid(
      table(row(cell("tall", { rowspan: 3 }), cell("1")), row(cell("2")), row(cell("3")), row(cell("x"), cell("y"))),
    );
    expect(
      grid.rows.map((r) =>
        r.map((slot) => (slot.kind === "cell" ? `${slot.column}` : `covered${slot.column}${slot.continues ? "+" : ""}`)),
      ),
    ).toEqual([
      ["0", "1"],
      ["covered0+", "1"],
      ["covered0", "1"],
      ["0", "1"],
    ]);
  });

  it("keeps within the limit whatever the spans say", () => {
    const many = Array.from({ length: TABLE_LIMIT.maxColumns + 4 }, (_, i) => cell(`c${i}`));
    const grid = tableGrid(table(row(...many), row(cell("huge", { colspan: 10_000, rowspan: 10_000 }))));
    expect(grid.columns).toBe(TABLE_LIMIT.maxColumns);
    expect(grid.rows[0]).toHaveLength(TABLE_LIMIT.maxColumns);
    expect(grid.rows[1][0]).toMatchObject({ colspan: TABLE_LIMIT.maxColumns });
  });
});

describe("columnWidths", () => {
  it.each<[string, number[], number, number[]]>([
    ["natural widths are stretched to fill the width", [100, 100], 400, [200, 200]],
    ["in proportion", [100, 300], 400, [100, 300]],
    ["a column never narrower than the floor", [10, 990], 500, [42, 458]],
    ["nor than its fair share when the floor is more", [10, 10, 10, 10], 100, [25, 25, 25, 25]],
  ])("%s", (_name, natural, width, expected) => {
    const widths = columnWidths(natural, width, 42);
    widths.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 5));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 5);
  });
});

describe("a rich-text table in the pack's PDF", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "minuted-rich-table-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A pack whose one cover report has `body` as its summary. */
  function packWith(body: RichText): PackDocument {
    const base = samplePack({ items: 6, exceptions: 0, indicators: 0, actions: 0, exemptItem: false });
    return {
      ...base,
      items: base.items.map((item) =>
        item.coverReport
          ? {
              ...item,
              coverReport: {
                ...item.coverReport,
                sections: item.coverReport.sections.map((s, i) => (i === 0 ? { ...s, body } : s)),
              },
            }
          : item,
      ),
    };
  }

  async function render(body: RichText, name: string): Promise<{ path: string; pages: string[]; layout: string[] }> {
    const pdf = await renderPackPdf(packWith(body), { sha256: "9".repeat(64) });
    const path = join(process.env.KEEP_PDF_DIR ?? dir, `${name}.pdf`);
    await writeFile(path, pdf.bytes);
    const read = async (layout: boolean) => {
      const { stdout, stderr } = await run("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", path, "-"], {
        maxBuffer: 32 << 20,
      });
      // Poppler warns of marked content opened and closed out of order (tagging broken by a page break, say).
      expect(stderr).toBe("");
      return stdout.split("\f").slice(0, -1);
    };
    return { path, pages: await read(false), layout: await read(true) };
  }

  it("prints each row's cells side by side, the words exactly as written", async () => {
    const body: RichText = {
      type: "doc",
      content: [
        paragraph(text("Capital spend this year:")),
        table(
          row(header("Contractor"), header("Spend"), header("Note")),
          row(cell("Dŵr Cymru"), cell([paragraph(text("£2.4m", "bold"))]), cell("Łódź Windows Ltd — Siôn Llŷr")),
          row(
            cell("Total", { colspan: 2 }),
            cell([{ type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("on track"))] }] }]),
          ),
        ),
        paragraph(text("After the table.")),
      ],
    };
    const { layout, pages } = await render(body, "simple");
    const all = layout.join("\n");
    expect(all).toMatch(/Contractor\s+Spend\s+Note/);
    expect(all).toMatch(/Dŵr Cymru\s+£2\.4m\s+Łódź Windows Ltd — Siôn Llŷr/);
    expect(all).toMatch(/Total\s+• on track/);
    const page = pages.findIndex((p) => p.includes("Capital spend this year:"));
    expect(pages[page].indexOf("Capital spend")).toBeLessThan(pages[page].indexOf("Contractor"));
    expect(pages[page].indexOf("Note")).toBeLessThan(pages[page].indexOf("After the table."));
  });

  it("wraps long words in a cell instead of running past the page, and repeats the header row on each page, never splitting a row", async () => {
    const long =
      "The contractor has agreed to bring forward the kitchen replacements in Tŷ Newydd and the fire door programme. ".repeat(2);
    const rows = Array.from({ length: TABLE_LIMIT.maxRows - 1 }, (_, i) =>
      row(cell(`Scheme ${i + 1}`), cell(i % 10 === 0 ? long : `£${(i + 1) * 1000}`), cell(`R${i + 1}-end`)),
    );
    const { pages, path } = await render(
      { type: "doc", content: [table(row(header("Scheme"), header("Detail"), header("Ref")), ...rows)] },
      "long",
    );
    const withRows = pages.filter((p) => /Scheme \d+/.test(p));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows) expect(p).toMatch(/Scheme\s+Detail\s+Ref/);
    // Each row's first and last cell are on the same page.
    for (let i = 1; i < TABLE_LIMIT.maxRows; i++) {
      const first = pages.findIndex((p) => new RegExp(`Scheme ${i}\\b`).test(p));
      const last = pages.findIndex((p) => p.includes(`R${i}-end`));
      expect(last, `row ${i}`).toBe(first);
    }
    // Nothing drawn beyond the right margin: every word's box ends within the page's text width.
    const { stdout } = await run("pdftotext", ["-bbox", path, "-"], { maxBuffer: 32 << 20 });
    const xMax = Math.max(...[...stdout.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(xMax).toBeLessThanOrEqual(595.28 - 52 + 1);
  });
});
