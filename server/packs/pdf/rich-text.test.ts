import { describe, expect, it } from "vitest";
import type { RichText } from "../../../app/shared/packs/pack-document";
import { inlineRuns, linkTarget } from "./rich-text";
import { NESTING_LIMIT } from "../../../app/shared/commentary/nesting-limit";

const text = (t: string, ...marks: RichText["marks"] & object): RichText => ({ type: "text", text: t, marks });

describe("inlineRuns", () => {
  it("keeps bold, italic and both apart, and merges neighbours in the same style", () => {
    const paragraph: RichText = {
      type: "paragraph",
      content: [
        text("Plain "),
        text("and more. "),
        text("Bold", { type: "bold" }),
        text("Both", { type: "bold" }, { type: "italic" }),
        text(" slanted", { type: "italic" }),
      ],
    };
    expect(inlineRuns(paragraph)).toEqual([
      { text: "Plain and more. ", bold: false, italic: false, href: null },
      { text: "Bold", bold: true, italic: false, href: null },
      { text: "Both", bold: true, italic: true, href: null },
      { text: " slanted", bold: false, italic: true, href: null },
    ]);
  });

  it("turns a hard break into a new line", () => {
    const paragraph: RichText = { type: "paragraph", content: [text("one"), { type: "hardBreak" }, text("two")] };
    expect(
      inlineRuns(paragraph)
        .map((r) => r.text)
        .join(""),
    ).toBe("one\ntwo");
  });

  it("links http, https and mailto, printing the address when the text does not show it", () => {
    const link = (t: string, href: string) => text(t, { type: "link", attrs: { href } });
    const runs = inlineRuns({
      type: "paragraph",
      content: [
        link("the policy", "https://example.org/p"),
        link("https://example.org/q", "https://example.org/q"),
        link("email", "mailto:a@b.org"),
        link("bad", "javascript:alert(1)"),
      ],
    });
    expect(runs).toEqual([
      { text: "the policy", bold: false, italic: false, href: "https://example.org/p" },
      { text: " (https://example.org/p)", bold: false, italic: false, href: null },
      { text: "https://example.org/q", bold: false, italic: false, href: "https://example.org/q" },
      { text: "email", bold: false, italic: false, href: "mailto:a@b.org" },
      { text: " (a@b.org)bad", bold: false, italic: false, href: null },
    ]);
  });

  it("has no runs for an empty paragraph", () => {
    expect(inlineRuns({ type: "paragraph" })).toEqual([]);
    expect(inlineRuns({ type: "paragraph", content: [{ type: "text", text: "" }] })).toEqual([]);
  });
});

describe("linkTarget", () => {
  it.each([
    ["https://example.org", "https://example.org"],
    [" http://example.org ", "http://example.org"],
    ["MAILTO:clerk@example.org", "MAILTO:clerk@example.org"],
    ["javascript:alert(1)", null],
    ["file:///etc/passwd", null],
    ["/relative", null],
    [42, null],
    [null, null],
  ])("%s -> %s", (href, expected) => {
    expect(linkTarget(href)).toBe(expected);
  });
});

describe("a body nested deeper than the limit", () => {
  it("gives the marker for inline content below the limit, without running out of stack", () => {
    let deep: RichText = text("Too deep to print.");
    for (let i = 0; i < 10_000; i++) deep = { type: "strange", content: [deep] };
    const runs = inlineRuns({ type: "paragraph", content: [text("Kept. "), deep] });
    expect(runs.map((run) => run.text).join("")).toBe(`Kept. ${NESTING_LIMIT.marker}`);
  });
});
