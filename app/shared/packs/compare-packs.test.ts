import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PackComparison } from "../../components/packs/pack-comparison";
import { comparePacks, diffText, type PackChange, type PartChange, type WordRun } from "./compare-packs";
import type { PackDocument, PackItem, RichText } from "./pack-document";
import { samplePack } from "./pack-fixture";
import { publicCopy } from "./public-copy";

const doc = (...paragraphs: string[]): RichText => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

/** A deep copy with one change made to it, as a correction would. */
function corrected(change: (pack: PackDocument) => void, base = samplePack()): PackDocument {
  const pack = structuredClone(base);
  change(pack);
  return pack;
}

const words = (runs: WordRun[], kind: WordRun["kind"]) =>
  runs
    .filter((r) => r.kind === kind)
    .map((r) => r.text.trim())
    .join(" ");

function onlyItemChange(changes: PackChange[]): Extract<PackChange, { kind: "item-changed" }> {
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (change.kind !== "item-changed") throw new Error(`expected an item-changed, got ${change.kind}`);
  return change;
}

function onlyPart(changes: PackChange[]): PartChange {
  const change = onlyItemChange(changes);
  expect(change.parts).toHaveLength(1);
  return change.parts[0];
}

describe("comparePacks", () => {
  const before = samplePack();

  it("finds nothing between a pack and a copy of itself", () => {
    expect(comparePacks(before, structuredClone(before))).toEqual([]);
    expect(comparePacks(samplePack({ kind: "agenda" }), samplePack({ kind: "agenda" }))).toEqual([]);
  });

  it("ignores the version's own details: a correction always has a new number and reason", () => {
    const after = corrected(
      (p) =>
        (p.version = {
          ...p.version,
          number: 2,
          previousSha256: "a".repeat(64),
          reason: "Typo",
          frozenAtText: "20 October 2026 at 09:00",
        }),
    );
    expect(comparePacks(before, after)).toEqual([]);
  });

  it("diffs corrected minutes word by word", () => {
    const after = corrected((p) => (p.items[1].minutes = doc("The committee discussed item 2 at length. MARKER-minutes-2")));
    const part = onlyPart(comparePacks(before, after));
    expect(part).toMatchObject({ label: "Minutes", change: "changed" });
    expect(words(part.words, "added")).toBe("at length");
    expect(words(part.words, "removed")).toBe("");
    expect(part.words.map((w) => w.text).join("")).toBe("The committee discussed item 2 at length. MARKER-minutes-2");
  });

  it("says what a resolution's wording and tally were and became", () => {
    const after = corrected((p) => {
      p.items[2].resolutions[0] = {
        ...p.items[2].resolutions[0],
        wording: "the report at item 3 be approved. MARKER-resolution-3",
        tallyText: "For 6, against 0, abstentions 0",
      };
    });
    const part = onlyPart(comparePacks(before, after));
    expect(part.label).toBe("Resolutions");
    expect(words(part.words, "removed")).toBe("noted 5 1");
    expect(words(part.words, "added")).toBe("approved 6 0");
  });

  it("reports cover report sections, the checklist, declarations and agreed actions by name", () => {
    const after = corrected((p) => {
      const report = p.items[5].coverReport!;
      report.sections[1] = { ...report.sections[1], body: doc("Recommendation text, amended.") };
      report.checklist[1] = { ...report.checklist[1], noImplications: true };
      p.items[1].declarations.push({
        name: "Joan Whitaker",
        kindLabel: "Personal interest",
        note: "Relative employed by the contractor",
      });
      p.items[4].agreedActions.push({
        action: "Share the contractor plan",
        owner: "Tom Reed",
        dueText: "1 December 2026",
        indicator: "",
      });
    });
    const changes = comparePacks(before, after);
    expect(changes.map((c) => (c.kind === "item-changed" ? c.heading : c.kind))).toEqual([
      "PC 26/22 Report 2",
      "PC 26/25 Exceptions",
      "PC 26/26 Report 6",
    ]);
    const labels = changes.flatMap((c) => (c.kind === "item-changed" ? c.parts.map((p) => p.label) : []));
    expect(labels).toEqual([
      "Declarations of interest",
      "Agreed actions",
      "Cover report: Recommendation",
      "Cover report: no implications arising",
    ]);
    const checklist = changes
      .flatMap((c) => (c.kind === "item-changed" ? c.parts : []))
      .find((p) => p.label.endsWith("no implications arising"))!;
    expect(words(checklist.words, "removed")).toBe("No");
    expect(words(checklist.words, "added")).toBe("Yes");
  });

  it("shows a changed scorecard row alone, named by its indicator", () => {
    const after = corrected((p) => {
      const scorecard = p.items[3].appendices[0];
      if (scorecard.kind !== "scorecard") throw new Error("fixture changed");
      scorecard.rows[4] = { ...scorecard.rows[4], valueText: "95.5%", status: "on_target", statusText: "On target" };
    });
    const part = onlyPart(comparePacks(before, after));
    expect(part.label).toMatch(/^Scorecard: October 2026: KPI05 Indicator number 5/);
    expect(words(part.words, "removed")).toBe("92.0 Within tolerance");
    expect(part.words.map((w) => w.text).join("")).toContain("95.5% against a target of 95.0%");
    expect(words(part.words, "added")).toBe("95.5 On target");
  });

  it("shows an exception report's changed commentary and an action log row added", () => {
    const after = corrected((p) => {
      const exception = p.items[4].appendices[1];
      if (exception.kind !== "exception") throw new Error("fixture changed");
      exception.commentary.sections[1] = { ...exception.commentary.sections[1], body: doc("Repairs waited much longer.") };
      const log = p.items[2].appendices[0];
      if (log.kind !== "action_log") throw new Error("fixture changed");
      log.rows.push({ ...log.rows[0], reference: "PC 26/99", action: "A new action" });
    });
    const changes = comparePacks(before, after);
    const parts = changes.flatMap((c) => (c.kind === "item-changed" ? c.parts : []));
    expect(parts.map((p) => [p.label, p.change])).toEqual([
      ["Action log: PC 26/99", "added"],
      ["Exception report: KPI02 Indicator number 2: Impact on tenants", "changed"],
    ]);
    expect(words(parts[1].words, "added")).toBe("much");
  });

  it("gives a whole appendix added or removed as one part", () => {
    const after = corrected((p) => {
      p.items[4].appendices.pop();
      p.items[0].appendices.push({ kind: "action_log", sectionId: "item-1-action-log", title: "Action log", rows: [] });
    });
    const changes = comparePacks(before, after);
    const parts = changes.flatMap((c) => (c.kind === "item-changed" ? c.parts.map((p) => [c.heading, p.label, p.change]) : []));
    expect(parts).toEqual([
      ["PC 26/21 Report 1", "Action log", "added"],
      ["PC 26/25 Exceptions", "Exception report: KPI10 Indicator number 10", "removed"],
    ]);
  });

  it("reports items added, removed and retitled, matching the rest by title", () => {
    const extra: PackItem = {
      ...structuredClone(before.items[0]),
      sectionId: "item-9",
      number: 9,
      minuteNumber: "PC 26/29",
      title: "Any other business",
      minutes: doc("None."),
    };
    const after = corrected((p) => {
      p.items.splice(1, 1); // Report 2 taken out (numbers left as they were, as in a retitle-only correction)
      p.items[2] = { ...p.items[2], title: "Scorecard review: October" };
      p.items.push(extra);
    });
    const changes = comparePacks(before, after);
    expect(changes.map((c) => c.kind)).toEqual(["item-removed", "item-changed", "item-added"]);
    expect(changes[0]).toMatchObject({ kind: "item-removed", heading: "PC 26/22 Report 2" });
    expect(changes[1]).toMatchObject({
      kind: "item-changed",
      heading: "PC 26/24 Scorecard review: October",
      previousHeading: "PC 26/24 Scorecard review",
      parts: [],
    });
    if (changes[1].kind === "item-changed") expect(words(changes[1].headingWords!, "added")).toBe(": October");
    expect(changes[2]).toMatchObject({ kind: "item-added", heading: "PC 26/29 Any other business", sectionId: "item-9" });
  });

  it("reports changed attendance and quorum as the meeting's details", () => {
    const after = corrected((p) => {
      p.attendance.apologies = [];
      p.attendance.present.push({ name: "Mark Ellis", role: "Member, Independent" });
      p.quorumText = "Quorate: 5 of 6 members, including a tenant member";
    });
    const [change, ...rest] = comparePacks(before, after);
    expect(rest).toEqual([]);
    if (change.kind !== "details") throw new Error("expected details");
    expect(change.parts.map((p) => p.label)).toEqual(["Attendance", "Quorum"]);
    expect(words(change.parts[1].words, "removed")).toBe("4");
    expect(words(change.parts[1].words, "added")).toBe("5");
  });

  it("counts a change of spacing alone as no change", () => {
    const after = corrected((p) => (p.items[0].minutes = doc("The committee  discussed item 1.   MARKER-minutes-1")));
    expect(comparePacks(before, after)).toEqual([]);
  });

  it("compares public copies without reaching into exempt content", () => {
    const after = corrected((p) => (p.items[6].minutes = doc("Changed in private. MARKER-exempt-minutes")));
    expect(comparePacks(before, after)).toHaveLength(1);
    expect(comparePacks(publicCopy(before), publicCopy(after))).toEqual([]);
  });
});

describe("diffText", () => {
  it("keeps every word of both texts, in order", () => {
    const runs = diffText("the plan was agreed", "the revised plan was noted");
    expect(
      runs
        .filter((r) => r.kind !== "added")
        .map((r) => r.text)
        .join("")
        .replace(/\s+/g, " ")
        .trim(),
    ).toBe("the plan was agreed");
    expect(
      runs
        .filter((r) => r.kind !== "removed")
        .map((r) => r.text)
        .join("")
        .replace(/\s+/g, " ")
        .trim(),
    ).toBe("the revised plan was noted");
  });
});

describe("PackComparison", () => {
  const html = (changes: PackChange[]) => renderToStaticMarkup(createElement(PackComparison, { changes }));

  it("says when there are no differences", () => {
    expect(html([])).toContain("No differences");
  });

  it("marks insertions and deletions in words as well as with ins and del", () => {
    const before = samplePack();
    const after = corrected((p) => (p.items[1].minutes = doc("The committee noted item 2. MARKER-minutes-2")), before);
    const out = html(comparePacks(before, after));
    expect(out).toContain('<del><span class="visually-hidden">removed: </span>discussed</del>');
    expect(out).toContain('<ins><span class="visually-hidden">added: </span>noted</ins>');
    expect(out).toContain("<h3>PC 26/22 Report 2</h3>");
    expect(out).toContain("<dt>Minutes</dt>");
    expect(out).not.toContain("No differences");
  });

  it("escapes hostile text in a change", () => {
    const before = samplePack({ items: 2, exemptItem: false });
    const after = corrected((p) => (p.items[0].minutes = doc("<script>alert(1)</script>")), before);
    const out = html(comparePacks(before, after));
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;alert(");
    expect(out).toContain(")&lt;/script&gt;");
  });
});
