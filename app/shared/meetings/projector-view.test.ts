import { describe, expect, it } from "vitest";
import { distinctLines, kindCaption, projectedMotion } from "./projector-view";

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
