import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commentaryGaps, fragmentText, isCommentaryEmpty, isIsoDate, readActions, readRecoveryDate } from "./commentary-content";
import { isSafeHref } from "./commentary-extensions";
import { fillCommentary } from "./commentary-fixture";
import { NESTING_LIMIT } from "./nesting-limit";
import { nestDeeply } from "../../../tests/support/deep-content";

const OWNER = "0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f";
const complete = {
  sections: { reason: "Contractors left.", forecast: "98.9% at year end." },
  actions: [{ action: "Appoint a contractor", ownerId: OWNER, due: "2026-12-15" }],
  recoveryDate: "2027-01-31",
};
const docWith = (content: Parameters<typeof fillCommentary>[1]) => {
  const doc = new Y.Doc();
  fillCommentary(doc, content);
  return doc;
};

describe("isCommentaryEmpty", () => {
  it.each([
    ["a new document", {}, true],
    ["blank paragraphs only", { sections: { reason: "   \n\n " } }, true],
    ["an action row with nothing in it", { actions: [{}] }, true],
    ["a few words of impact", { sections: { impact: "None." } }, false],
    ["an action", { actions: [{ action: "Recruit" }] }, false],
    ["a recovery date", { recoveryDate: "2027-01-31" }, false],
  ])("%s: %s", (_label, content, empty) => {
    expect(isCommentaryEmpty(docWith(content))).toBe(empty);
  });
});

describe("commentaryGaps", () => {
  it("asks for nothing more of a complete commentary", () => {
    expect(commentaryGaps(docWith(complete))).toEqual([]);
  });
  it.each([
    ["the reason", { ...complete, sections: { forecast: "x" } }, ["reason"]],
    ["the forecast", { ...complete, sections: { reason: "x" } }, ["forecast"]],
    ["any action", { ...complete, actions: [] }, ["actions"]],
    ["an action's owner", { ...complete, actions: [{ action: "x", due: "2026-12-15" }] }, ["actions"]],
    ["an action's due date", { ...complete, actions: [{ action: "x", ownerId: OWNER }] }, ["actions"]],
    ["an action's description", { ...complete, actions: [{ ownerId: OWNER, due: "2026-12-15" }] }, ["actions"]],
    ["the recovery date", { ...complete, recoveryDate: "" }, ["recoveryDate"]],
  ])("names a missing %s", (_label, content, fields) => {
    expect(commentaryGaps(docWith(content)).map((g) => g.field)).toEqual(fields);
  });
  it("ignores a blank action row beside a complete one", () => {
    expect(commentaryGaps(docWith({ ...complete, actions: [...complete.actions, {}] }))).toEqual([]);
  });
  it("refuses an owner who is not one of the organisation's people", () => {
    expect(commentaryGaps(docWith(complete), () => false).map((g) => g.field)).toEqual(["actions"]);
  });
});

describe("reading what a client wrote", () => {
  it("reads malformed action fields and dates as blank", () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getArray("actions").push([map, new Y.Map()]);
    doc.getArray<unknown>("actions").push(["not a map"]);
    map.set("action", 42);
    map.set("ownerId", "<script>");
    map.set("due", "2026-02-30");
    map.set("status", "done");
    doc.getMap("details").set("recoveryDate", "31/01/2027");
    expect(readActions(doc)).toEqual([
      { id: "action-0", action: "", ownerId: "", due: "", status: "not_started" },
      { id: "action-1", action: "", ownerId: "", due: "", status: "not_started" },
    ]);
    expect(readRecoveryDate(doc)).toBe("");
  });
  it("keeps the words of a section, one line per block", () => {
    const doc = docWith({ sections: { reason: "First.\n\nSecond." } });
    expect(fragmentText(doc.getXmlFragment("reason"))).toBe("First.\nSecond.");
  });
  it.each([
    ["2027-01-31", true],
    ["2024-02-29", true],
    ["2025-02-29", false],
    ["2027-1-31", false],
    ["", false],
  ])("isIsoDate(%j) is %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe("isSafeHref", () => {
  it.each([
    ["https://example.org/plan", true],
    ["http://example.org", true],
    ["mailto:voids@example.org", true],
    ["javascript:alert(1)", false],
    ["JAVASCRIPT:alert(1)", false],
    ["java\nscript:alert(1)", false],
    ["\u0000javascript:alert(1)", false],
    ["data:text/html,<script>", false],
    ["vbscript:x", false],
    ["/relative/path", false],
    ["//evil.example", false],
    ["ftp://example.org", false],
    ["tel:+441234", false],
    ["", false],
  ])("%j is %s", (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

describe("content nested deeper than the limit (stored before the collab server refused it)", () => {
  it("reads a section nested 5,000 levels deep as the words above the limit and the marker, without running out of stack", () => {
    const doc = new Y.Doc();
    const reason = doc.getXmlFragment("reason");
    nestDeeply(reason, 10, "Shallow words.", "bulletList");
    nestDeeply(reason, 5000);
    expect(fragmentText(reason)).toBe(`Shallow words.\n${NESTING_LIMIT.marker}`);
    expect(isCommentaryEmpty(doc)).toBe(false);
  });
});
