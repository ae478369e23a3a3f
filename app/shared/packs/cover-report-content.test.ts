import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fragmentText } from "../commentary/commentary-content";
import { commentaryExtensions } from "../commentary/commentary-extensions";
import {
  checklistMap,
  coverReportFragment,
  coverReportGaps,
  isCoverReportEmpty,
  readChecklist,
  readCoverReport,
  readReportDetail,
  readReportDetails,
  REPORT_DETAIL_MAX_LENGTH,
  reportDetailsMap,
} from "./cover-report-content";
import { COVER_REPORT_SECTIONS, NO_IMPLICATIONS_AREAS } from "./cover-report-sections";
import type { RichText } from "./pack-document";

type Content = { sections?: Record<string, string>; ticked?: Record<string, unknown>; details?: Record<string, unknown> };

/** A cover report written the way the editor writes one: rich text through the shared schema, the rest in the two maps. */
function reportWith(content: Content): Y.Doc {
  const doc = new Y.Doc();
  const schema = getSchema(commentaryExtensions());
  doc.transact(() => {
    for (const [key, text] of Object.entries(content.sections ?? {})) {
      const paragraphs = text.split("\n\n").map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : [] }));
      prosemirrorJSONToYXmlFragment(schema, { type: "doc", content: paragraphs }, coverReportFragment(doc, key));
    }
    for (const [key, value] of Object.entries(content.ticked ?? {})) checklistMap(doc).set(key, value);
    for (const [key, value] of Object.entries(content.details ?? {})) reportDetailsMap(doc).set(key, value);
  });
  return doc;
}

const complete: Content = {
  sections: {
    summary: "Repairs performance fell in October.",
    recommendation: "The committee is asked to note the report.",
    considerations: "Two contractors left the framework.",
    equalities: "Older tenants wait longest; visits are prioritised.",
  },
  details: { author: "Tom Okafor, Repairs Manager", contact: "tom.okafor@northfield.example" },
};

/** A stand-in for the server's converter: one paragraph of the section's words, or null. */
const plain = (fragment: Y.XmlFragment): RichText | null => {
  const words = fragmentText(fragment);
  return words ? { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words }] }] } : null;
};

describe("readCoverReport", () => {
  it("gives every section in the sector's order with its title, empty ones as null", () => {
    const content = readCoverReport(
      reportWith({ sections: { equalities: "No different impact.", summary: "A summary." } }),
      plain,
    );
    expect(content.sections.map((s) => [s.key, s.title])).toEqual(COVER_REPORT_SECTIONS.map((s) => [s.key, s.title]));
    expect(content.sections.map((s) => (s.body ? fragmentWords(s.body) : null))).toEqual([
      "A summary.",
      null,
      null,
      "No different impact.",
      null,
    ]);
  });

  it("passes each section's own fragment to the converter", () => {
    const seen: string[] = [];
    readCoverReport(reportWith(complete), (fragment) => {
      seen.push(fragmentText(fragment));
      return null;
    });
    expect(seen).toEqual([...Object.values(complete.sections!), ""]);
  });

  it("lists every area of the checklist by its label, ticked only where true was written", () => {
    const content = readCoverReport(
      reportWith({ ticked: { risk: true, legal: true, personnel: "yes", financial: 1, environmental: false } }),
      plain,
    );
    expect(content.checklist).toEqual(
      NO_IMPLICATIONS_AREAS.map((area) => ({ area: area.label, noImplications: area.key === "risk" || area.key === "legal" })),
    );
  });

  it("trims the author, contact and background papers, and reads anything but text as blank", () => {
    const content = readCoverReport(
      reportWith({ details: { author: "  Tom Okafor ", contact: 42, backgroundPapers: "\nRepairs policy 2024\n" } }),
      plain,
    );
    expect(content).toMatchObject({ author: "Tom Okafor", contact: "", backgroundPapers: "Repairs policy 2024" });
  });

  it("reads a new document as a report with nothing in it", () => {
    expect(readCoverReport(new Y.Doc(), plain)).toEqual({
      sections: COVER_REPORT_SECTIONS.map((s) => ({ key: s.key, title: s.title, body: null })),
      checklist: NO_IMPLICATIONS_AREAS.map((a) => ({ area: a.label, noImplications: false })),
      author: "",
      contact: "",
      backgroundPapers: "",
    });
  });
});

describe("coverReportGaps", () => {
  it("asks for nothing more of a complete report", () => {
    expect(coverReportGaps(reportWith(complete))).toEqual([]);
  });

  it("names every empty required section and the missing author and contact, in order, for a new report", () => {
    expect(coverReportGaps(new Y.Doc())).toEqual([
      { key: "summary", message: "Summary is empty" },
      { key: "recommendation", message: "Recommendation is empty" },
      { key: "considerations", message: "Matters for consideration is empty" },
      { key: "equalities", message: "Equalities impact assessment is empty" },
      { key: "author", message: "No author is named" },
      { key: "contact", message: "No contact is given" },
    ]);
  });

  it.each([
    ["the summary", { ...complete, sections: { ...complete.sections, summary: "" } }, ["summary"]],
    [
      "a recommendation of blank paragraphs",
      { ...complete, sections: { ...complete.sections, recommendation: "  \n\n " } },
      ["recommendation"],
    ],
    ["the author, given as spaces", { ...complete, details: { ...complete.details, author: "   " } }, ["author"]],
    ["the contact", { ...complete, details: { author: "Tom Okafor" } }, ["contact"]],
  ])("names %s", (_label, content, keys) => {
    expect(coverReportGaps(reportWith(content)).map((g) => g.key)).toEqual(keys);
  });

  it("does not ask for the optional policy section, the checklist or background papers", () => {
    const gaps = coverReportGaps(reportWith({ ...complete, sections: { ...complete.sections, policy: "" } }));
    expect(gaps).toEqual([]);
  });
});

describe("the details and the checklist", () => {
  it("keeps a detail as typed for the editor, cut at its most", () => {
    const doc = reportWith({ details: { author: "Tom ", backgroundPapers: "x".repeat(5000) } });
    expect(readReportDetail(doc, "author")).toBe("Tom ");
    expect(readReportDetail(doc, "backgroundPapers")).toHaveLength(REPORT_DETAIL_MAX_LENGTH.backgroundPapers);
    expect(readReportDetails(doc).author).toBe("Tom");
  });

  it("reads every area, unticked unless true", () => {
    expect(readChecklist(reportWith({ ticked: { consultation: true, unknown: true } }))).toEqual(
      Object.fromEntries(NO_IMPLICATIONS_AREAS.map((a) => [a.key, a.key === "consultation"])),
    );
  });
});

describe("isCoverReportEmpty", () => {
  it.each([
    ["a new document", {}, true],
    ["blank paragraphs and spaces only", { sections: { summary: " \n\n " }, details: { author: "  " } }, true],
    ["an unticked box", { ticked: { risk: false } }, true],
    ["a ticked box", { ticked: { risk: true } }, false],
    ["a summary", { sections: { summary: "Words." } }, false],
    ["background papers", { details: { backgroundPapers: "None" } }, false],
  ])("%s: %s", (_label, content, empty) => {
    expect(isCoverReportEmpty(reportWith(content))).toBe(empty);
  });
});

function fragmentWords(node: RichText): string {
  return node.text ?? (node.content ?? []).map(fragmentWords).join("");
}
