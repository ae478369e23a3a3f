import { describe, expect, it } from "vitest";
import type { CoverReportContent } from "../packs/pack-document";
import { paperSourceText, roomPaper } from "./papers-in-the-room";

const text = (words: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words }] }] });

const report: CoverReportContent = {
  sections: [
    { key: "summary", title: "Summary", body: text("Arrears fell to £1,379,674.") },
    { key: "recommendation", title: "Recommendation", body: text("That the plan be approved.") },
    { key: "considerations", title: "Matters for consideration", body: null },
    { key: "equalities", title: "Equalities impact assessment", body: text("None adverse.") },
  ],
  checklist: [],
  author: "Siôn Llŷr-Ŵyn",
  contact: "0161 000 0000",
  backgroundPapers: "",
};

describe("a report's paper in the room", () => {
  it("puts Summary and Recommendation first and keeps the rest in order", () => {
    const paper = roomPaper(report, { kind: "draft" });
    expect(paper.lead.map((s) => s.title)).toEqual(["Summary", "Recommendation"]);
    expect(paper.rest.map((s) => s.key)).toEqual(["considerations", "equalities"]);
    expect(paper.author).toBe("Siôn Llŷr-Ŵyn");
  });

  it("says which text members are reading", () => {
    expect(paperSourceText({ kind: "presented", version: 2, frozenAtText: "7 December 2026 at 18:30", captured: true })).toBe(
      "As presented: the papers captured when the meeting opened (agenda pack version 2, 7 December 2026 at 18:30).",
    );
    expect(paperSourceText({ kind: "presented", version: 1, frozenAtText: "1 December 2026 at 09:00", captured: false })).toBe(
      "As presented: the published agenda pack, version 1 (1 December 2026 at 09:00).",
    );
    expect(paperSourceText({ kind: "draft" })).toMatch(/^Draft: the report as it stands now/);
  });
});
