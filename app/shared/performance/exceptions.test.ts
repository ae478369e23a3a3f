import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findExceptions, isException } from "./exceptions";
import type { TargetStatus } from "./status";

const STATUSES: TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_target", "no_data"];

describe("findExceptions", () => {
  it.each<[TargetStatus, boolean]>([
    ["off_target", true],
    ["within_tolerance", false],
    ["on_target", false],
    ["no_target", false],
    ["no_data", false],
  ])("%s is an exception: %s", (status, expected) => {
    expect(isException(status)).toBe(expected);
  });

  it("keeps only off-target rows, in order, with their other fields", () => {
    const rows = [
      { indicatorId: "BV66a", status: "within_tolerance" as const, value: 98.47 },
      { indicatorId: "BV212", status: "off_target" as const, value: 33.45 },
      { indicatorId: "LPI-07", status: "no_target" as const, value: 102 },
      { indicatorId: "xBV73", status: "off_target" as const, value: 11.2 },
    ];
    expect(findExceptions(rows)).toEqual([rows[1], rows[3]]);
    expect(findExceptions([])).toEqual([]);
  });

  it("returns exactly the off-target rows, order preserved", () => {
    const rowsArb = fc.array(fc.record({ indicatorId: fc.string(), status: fc.constantFrom(...STATUSES) }));
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const exceptions = findExceptions(rows);
        expect(exceptions.every((row) => row.status === "off_target")).toBe(true);
        expect(exceptions.length).toBe(rows.filter((row) => row.status === "off_target").length);
        let cursor = 0;
        for (const row of exceptions) {
          cursor = rows.indexOf(row, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
        }
      }),
    );
  });
});
