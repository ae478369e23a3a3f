import { describe, expect, it } from "vitest";
import { papersFor, type PapersMeeting } from "./my-papers";

const meeting = (over: Partial<PapersMeeting> = {}): PapersMeeting => ({
  id: "m1",
  status: "agenda_published",
  pack: { packId: "p1", version: 1, frozenAt: new Date("2026-12-03T09:30:00Z"), pageCount: 24 },
  items: [
    { id: "i1", position: 1, kind: "apologies", title: "Apologies for absence", exempt: false },
    { id: "i5", position: 5, kind: "report", title: "Damp and mould – Tŷ Ŵyn", exempt: false },
    { id: "i6", position: 6, kind: "report", title: "Repairs contract", exempt: true },
  ],
  ...over,
});

describe("my papers", () => {
  it("links the published pack (web and PDF) and each report's cover report", () => {
    expect(papersFor("northfield", meeting())).toEqual({
      summary: "Agenda pack, published 3 December 2026 at 09:30, 24 pages.",
      pack: { web: "/o/northfield/packs/p1/v/1", pdf: "/o/northfield/packs/p1/v/1/pdf", label: "Read the agenda pack" },
      reports: [
        { href: "/o/northfield/meetings/m1/reports/i5", label: "Item 5: Damp and mould – Tŷ Ŵyn" },
        { href: "/o/northfield/meetings/m1/reports/i6", label: "Item 6: Repairs contract (exempt: not for publication)" },
      ],
    });
  });
  it("names a supplementary version", () => {
    const links = papersFor(
      "northfield",
      meeting({ pack: { packId: "p1", version: 2, frozenAt: new Date("2026-12-05T12:00:00Z"), pageCount: 1 } }),
    );
    expect(links.summary).toBe("Supplementary agenda pack (version 2), published 5 December 2026 at 12:00, 1 page.");
    expect(links.pack?.label).toBe("Read version 2 of the agenda pack");
  });
  it("says when there is nothing to read yet", () => {
    expect(papersFor("northfield", meeting({ status: "draft", pack: null }))).toEqual({
      summary: "The agenda is not published yet: the papers will be here when it is.",
      pack: null,
      reports: [],
    });
    expect(papersFor("northfield", meeting({ status: "in_session", pack: null })).summary).toMatch(/^The meeting is in session/);
  });
});
