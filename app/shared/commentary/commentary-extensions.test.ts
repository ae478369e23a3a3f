import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { commentaryExtensions, tableOverflow, tableSize } from "./commentary-extensions";
import { TABLE_LIMIT } from "./nesting-limit";

const schema = getSchema(commentaryExtensions());
const paragraph = (text: string) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const cell = (text: string, attrs?: Record<string, unknown>) => ({
  type: "tableCell",
  ...(attrs ? { attrs } : {}),
  content: [paragraph(text)],
});
const table = (rows: number, columns: number) => ({
  type: "table",
  content: Array.from({ length: rows }, (_, r) => ({
    type: "tableRow",
    content: Array.from({ length: columns }, (_, c) => cell(`r${r}c${c}`)),
  })),
});
const docOf = (...content: unknown[]) => schema.nodeFromJSON({ type: "doc", content });

describe("the schema's tables", () => {
  it("holds a table at the top level, with header cells, spans and lists in cells", () => {
    const doc = docOf(paragraph("Before"), {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableHeader", content: [paragraph("Contractor")] },
            { type: "tableHeader", content: [paragraph("Spend")] },
          ],
        },
        { type: "tableRow", content: [cell("Dŵr Cymru £2.4m", { colspan: 2 })] },
        {
          type: "tableRow",
          content: [
            cell("a"),
            { type: "tableCell", content: [{ type: "bulletList", content: [{ type: "listItem", content: [paragraph("b")] }] }] },
          ],
        },
      ],
    });
    expect(() => doc.check()).not.toThrow();
  });

  it("has no table in a list or in a cell", () => {
    const inList = () =>
      docOf({ type: "bulletList", content: [{ type: "listItem", content: [paragraph("x"), table(1, 1)] }] }).check();
    const inCell = () =>
      docOf({ type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [table(1, 1)] }] }] }).check();
    expect(inList).toThrow();
    expect(inCell).toThrow();
  });
});

describe("tableSize and tableOverflow", () => {
  it("counts rows and columns by the table map, a spanning cell as its columns", () => {
    const doc = docOf({ type: "table", content: [{ type: "tableRow", content: [cell("wide", { colspan: 3 }), cell("x")] }] });
    expect(tableSize(doc.child(0))).toEqual({ rows: 1, columns: 4 });
  });

  it.each<[string, number, number, number]>([
    ["within the limit", TABLE_LIMIT.maxRows, TABLE_LIMIT.maxColumns, 0],
    ["a row over", TABLE_LIMIT.maxRows + 1, 2, 1],
    ["two columns over", 2, TABLE_LIMIT.maxColumns + 2, 2],
  ])("%s", (_name, rows, columns, over) => {
    expect(tableOverflow(docOf(table(rows, columns)))).toBe(over);
  });

  it("sums over every table of the document", () => {
    expect(
      tableOverflow(docOf(table(TABLE_LIMIT.maxRows + 1, 1), paragraph("between"), table(1, TABLE_LIMIT.maxColumns + 1))),
    ).toBe(2);
  });
});
