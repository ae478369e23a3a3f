import { describe, expect, it } from "vitest";
import type { RichText } from "./pack-document";
import { richTextPlain } from "./rich-text-plain";
import { NESTING_LIMIT } from "../commentary/nesting-limit";

const text = (value: string, marks?: RichText["marks"]): RichText => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: RichText[]): RichText => ({ type: "paragraph", content });
const item = (...content: RichText[]): RichText => ({ type: "listItem", content });
const doc = (...content: RichText[]): RichText => ({ type: "doc", content });
const table = (...content: RichText[]): RichText => ({ type: "table", content });
const row = (...content: RichText[]): RichText => ({ type: "tableRow", content });
const cell = (type: "tableCell" | "tableHeader", ...content: RichText[]): RichText => ({ type, content });

describe("richTextPlain", () => {
  it.each<[string, RichText | null, string]>([
    ["nothing", null, ""],
    ["an empty document", doc(), ""],
    ["an empty paragraph", doc(paragraph()), ""],
    ["one paragraph", doc(paragraph(text("The report be noted."))), "The report be noted."],
    ["paragraphs, one to a line", doc(paragraph(text("First.")), paragraph(text("Second."))), "First.\nSecond."],
    ["marks are left out", doc(paragraph(text("very ", [{ type: "bold" }]), text("late", [{ type: "italic" }]))), "very late"],
    [
      "a link reads as its words",
      doc(paragraph(text("the plan", [{ type: "link", attrs: { href: "https://example.org/plan" } }]))),
      "the plan",
    ],
    [
      "a hard break starts a line",
      doc(paragraph(text("Line one"), { type: "hardBreak" }, text("line two"))),
      "Line one\nline two",
    ],
    [
      "bulleted lists",
      doc({ type: "bulletList", content: [item(paragraph(text("north"))), item(paragraph(text("south")))] }),
      "- north\n- south",
    ],
    [
      "numbered lists count from their start",
      doc({ type: "orderedList", attrs: { start: 3 }, content: [item(paragraph(text("three"))), item(paragraph(text("four")))] }),
      "3. three\n4. four",
    ],
    [
      "a nested list is indented under its item",
      doc({
        type: "bulletList",
        content: [item(paragraph(text("repairs")), { type: "bulletList", content: [item(paragraph(text("gas")))] })],
      }),
      "- repairs\n  - gas",
    ],
    [
      "unknown nodes keep their text",
      doc({ type: "heading", content: [text("Kept")] }, { type: "image", attrs: { src: "x" } }),
      "Kept",
    ],
    ["text loose among blocks is a line", doc(text("loose"), paragraph(text("para"))), "loose\npara"],
    [
      "a table is a line a row, cells separated by bars",
      doc(
        paragraph(text("Spend:")),
        table(
          row(cell("tableHeader", paragraph(text("Landlord"))), cell("tableHeader", paragraph(text("Spend")))),
          row(cell("tableCell", paragraph(text("Dŵr Cymru"))), cell("tableCell", paragraph(text("£2.4m", [{ type: "bold" }])))),
        ),
        paragraph(text("After.")),
      ),
      "Spend:\nLandlord | Spend\nDŵr Cymru | £2.4m\nAfter.",
    ],
    [
      "a cell's paragraphs and list join with spaces; an empty cell stays a place",
      doc(
        table(
          row(
            cell("tableCell", paragraph(text("one")), paragraph(text("two"))),
            cell("tableCell", paragraph()),
            cell("tableCell", { type: "bulletList", content: [item(paragraph(text("gas")))] }),
          ),
        ),
      ),
      "one two |  | - gas",
    ],
  ])("%s", (_name, input, expected) => {
    expect(richTextPlain(input)).toBe(expected);
  });

  it("keeps hostile text as text (escaping is the renderer's job)", () => {
    expect(richTextPlain(doc(paragraph(text("<script>alert(1)</script>"))))).toBe("<script>alert(1)</script>");
  });
});

describe("a body nested deeper than the limit", () => {
  it("reads as the marker below the limit, however deep, without running out of stack", () => {
    let deepList: RichText = paragraph(text("Too deep to read."));
    for (let i = 0; i < 10_000; i++) deepList = { type: "bulletList", content: [item(deepList)] };
    let deepInline: RichText = text("Also too deep.");
    for (let i = 0; i < 10_000; i++) deepInline = { type: "strange", content: [deepInline] };
    const plain = richTextPlain(doc(paragraph(text("Kept.")), deepList, paragraph(deepInline)));
    expect(plain.startsWith("Kept.\n- ")).toBe(true);
    expect(plain).toContain(NESTING_LIMIT.marker);
    expect(plain).not.toContain("Too deep to read.");
    expect(plain).not.toContain("Also too deep.");
  });
});
