import { describe, expect, it } from "vitest";
import { valueWithAuditMark } from "./unaudited";

describe("valueWithAuditMark", () => {
  it.each<[string, boolean | undefined, string]>([
    ["98.47%", true, "98.47% (unaudited)"],
    ["98.47%", false, "98.47%"],
    // A pack frozen before figures could be marked has no mark at all.
    ["£1,379,674", undefined, "£1,379,674"],
    ["No data", true, "No data (unaudited)"],
  ])("%s, unaudited %s: %s", (value, unaudited, expected) => {
    expect(valueWithAuditMark(value, unaudited)).toBe(expected);
  });
});
