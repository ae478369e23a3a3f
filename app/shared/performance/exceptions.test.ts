import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCEPTION_RULES, type ExceptionRule } from "../vocabulary";
import { findExceptions, isException } from "./exceptions";
import type { TargetStatus } from "./status";

const STATUSES: TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_target", "no_data"];

describe("isException", () => {
  it.each<[TargetStatus, ExceptionRule, boolean]>([
    ["off_target", "not_on_target", true],
    ["within_tolerance", "not_on_target", true],
    ["on_target", "not_on_target", false],
    ["no_target", "not_on_target", false],
    ["no_data", "not_on_target", false],
    ["off_target", "off_target_only", true],
    ["within_tolerance", "off_target_only", false],
    ["on_target", "off_target_only", false],
    ["no_target", "off_target_only", false],
    ["no_data", "off_target_only", false],
  ])("%s under %s is an exception: %s", (status, rule, expected) => {
    expect(isException(status, rule)).toBe(expected);
  });
});

describe("findExceptions", () => {
  const rows = [
    { indicatorId: "BV66a", status: "within_tolerance" as const, value: 98.47 },
    { indicatorId: "BV212", status: "off_target" as const, value: 33.45 },
    { indicatorId: "LPI-07", status: "no_target" as const, value: 102 },
    { indicatorId: "xBV73", status: "off_target" as const, value: 11.2 },
    { indicatorId: "LPI-01", status: "on_target" as const, value: 99 },
  ];

  it("any figure not on target: amber and red rows, in order, with their other fields", () => {
    expect(findExceptions(rows, "not_on_target")).toEqual([rows[0], rows[1], rows[3]]);
  });

  it("off target only: red rows", () => {
    expect(findExceptions(rows, "off_target_only")).toEqual([rows[1], rows[3]]);
    expect(findExceptions([], "off_target_only")).toEqual([]);
  });

  it("off target only is always a subset of not on target, order preserved", () => {
    const rowsArb = fc.array(fc.record({ indicatorId: fc.string(), status: fc.constantFrom(...STATUSES) }));
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(...EXCEPTION_RULES), (list, rule) => {
        const exceptions = findExceptions(list, rule);
        const red = findExceptions(list, "off_target_only");
        const notGreen = findExceptions(list, "not_on_target");
        expect(red.every((row) => notGreen.includes(row))).toBe(true);
        // Every red row is an exception whatever the rule; nothing without a judged figure ever is.
        expect(exceptions.filter((row) => row.status === "off_target").length).toBe(red.length);
        expect(exceptions.some((row) => row.status === "no_data" || row.status === "no_target")).toBe(false);
        let cursor = 0;
        for (const row of exceptions) {
          cursor = list.indexOf(row, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
        }
      }),
    );
  });
});
