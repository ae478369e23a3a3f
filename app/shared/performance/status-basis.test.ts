import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUS_BASES, type StatusBasis } from "../vocabulary";
import type { TargetStatus } from "./status";
import { judgedStatus, statusTextWithBasis } from "./status-basis";

const STATUSES: TargetStatus[] = ["on_target", "within_tolerance", "off_target", "no_target", "no_data"];

describe("judgedStatus", () => {
  it.each<[StatusBasis, TargetStatus, TargetStatus, TargetStatus]>([
    ["period", "off_target", "on_target", "off_target"],
    ["year_to_date", "off_target", "on_target", "on_target"],
    ["period", "on_target", "within_tolerance", "on_target"],
    ["year_to_date", "on_target", "within_tolerance", "within_tolerance"],
    // No figure this period, but a year so far: year to date still judges it.
    ["year_to_date", "no_data", "off_target", "off_target"],
    ["period", "no_data", "off_target", "no_data"],
  ])("%s basis, period %s, year to date %s: %s", (basis, period, yearToDate, expected) => {
    expect(judgedStatus(basis, { period, yearToDate })).toBe(expected);
  });

  it("always answers one of the two statuses it is given, the one its basis names", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUS_BASES),
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...STATUSES),
        (basis, period, yearToDate) => {
          const judged = judgedStatus(basis, { period, yearToDate });
          expect(judged).toBe(basis === "period" ? period : yearToDate);
        },
      ),
    );
  });
});

describe("statusTextWithBasis", () => {
  it("says year to date where the status is judged on it, and nothing for the usual period basis", () => {
    expect(statusTextWithBasis("Off target", "year_to_date")).toBe("Off target (year to date)");
    expect(statusTextWithBasis("Off target", "period")).toBe("Off target");
  });
});
