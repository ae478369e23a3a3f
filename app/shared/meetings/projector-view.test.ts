import { describe, expect, it } from "vitest";
import { distinctLines, kindCaption, projectedMotion, projectorPage } from "./projector-view";

describe("projector lines", () => {
  it("never repeats a title: Any other business / Any other business", () => {
    expect(distinctLines(["Any other business", "Any other business"])).toEqual(["Any other business"]);
    expect(distinctLines(["Any other business.", "any  other business"])).toEqual(["Any other business."]);
  });

  it("drops a line whose words an earlier line already says, keeps different ones", () => {
    expect(distinctLines(["Rent arrears report", "Report", "Presented by Priya Shah"])).toEqual([
      "Rent arrears report",
      "Presented by Priya Shah",
    ]);
    expect(distinctLines(["Corporate scorecard", "Scorecard review"])).toEqual(["Corporate scorecard", "Scorecard review"]);
    // Words, not letters: "Report" is not inside "Reporting".
    expect(distinctLines(["Reporting timetable", "Report"])).toEqual(["Reporting timetable", "Report"]);
  });

  it("captions an item with its kind only when the title does not say it", () => {
    expect(kindCaption({ kind: "any_other_business", title: "Any other business" })).toBe("");
    expect(kindCaption({ kind: "scorecard_review", title: "Corporate scorecard" })).toBe("Scorecard review");
    expect(kindCaption({ kind: "report", title: "Rent arrears recovery plan" })).toBe("Report");
  });

  it("skips blank lines and keeps Welsh and emoji as typed", () => {
    expect(distinctLines(["", null, "Tŷ Ŵyn 🏠", undefined, "tŷ ŵyn"])).toEqual(["Tŷ Ŵyn 🏠"]);
  });
});

describe("the motion on the projector", () => {
  const m = (id: string, agendaItemId: string, status: "open" | "carried" | "lost" | "withdrawn") => ({
    id,
    agendaItemId,
    status,
  });

  it("shows the vote in progress, else the last decided, never another item's or a withdrawn one", () => {
    expect(projectedMotion([m("a", "i1", "carried"), m("b", "i1", "open")], "i1")?.id).toBe("b");
    expect(projectedMotion([m("a", "i1", "carried"), m("b", "i1", "lost"), m("c", "i1", "withdrawn")], "i1")?.id).toBe("b");
    expect(projectedMotion([m("a", "i2", "open")], "i1")).toBeNull();
    expect(projectedMotion([m("a", "i1", "withdrawn")], "i1")).toBeNull();
  });
});

describe("the projector's page", () => {
  const item = (id: string, exempt: boolean) => ({
    id,
    position: 1,
    kind: "report" as const,
    title: `Item ${id}`,
    presenter: null,
    exempt,
    minuteNumber: null,
    exemptParagraph: exempt ? "Paragraph 3" : null,
  });
  const session = {
    orgSlug: "northfield",
    organisationName: "Northfield Homes",
    meeting: {
      id: "m",
      title: "Performance Committee",
      when: "today",
      status: "in_session",
      currentItemId: "b",
      place: "Room 1",
    },
    items: [item("a", false), item("b", true)],
    contents: { a: "the open paper", b: "the exempt paper" },
    people: [{ id: "u", name: "Cllr Ann Chair" }],
    permissions: { canMinute: true },
  };

  it("keeps an exempt item's title and mark, never its paper", () => {
    const page = projectorPage(session);
    expect(page.contents).toEqual({ a: "the open paper" });
    expect(page.items.map((i) => [i.id, i.exempt, i.title])).toEqual([
      ["a", false, "Item a"],
      ["b", true, "Item b"],
    ]);
  });

  it("carries only what the screen shows: no members, permissions, place or exempt paragraph", () => {
    const page = projectorPage(session);
    const text = JSON.stringify(page);
    for (const hidden of ["Cllr Ann Chair", "canMinute", "Room 1", "Paragraph 3", "the exempt paper"])
      expect(text).not.toContain(hidden);
  });
});
