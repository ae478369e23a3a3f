import { describe, expect, it } from "vitest";
import { pickDefaultPeriod, isPublishedPeriod, monthInProgress } from "./reporting-period";

describe("pickDefaultPeriod (the default reporting period) and monthInProgress", () => {
  it.each([
    // [last published, latest with figures, default, month in progress]
    [null, null, null, null],
    // Never published: today's behaviour, the latest month with figures (and it is the one being worked on).
    [null, "2026-10", "2026-10", "2026-10"],
    // An early figure for October does not move the default off September.
    ["2026-09", "2026-10", "2026-09", "2026-10"],
    ["2026-10", "2026-10", "2026-10", null],
    // Figures deleted after publication: the published month still stands.
    ["2026-10", "2026-08", "2026-10", null],
    // An early figure for November while October is worked on: October is the month in progress.
    ["2026-09", "2026-11", "2026-09", "2026-10"],
  ] as const)(
    "published %s, latest figures %s → default %s, in progress %s",
    (lastPublished, latestWithFigures, expected, inProgress) => {
      expect(pickDefaultPeriod({ lastPublished, latestWithFigures })).toBe(expected);
      expect(monthInProgress({ lastPublished, latestWithFigures })).toBe(inProgress);
    },
  );
});

describe("isPublishedPeriod", () => {
  it.each([
    ["2026-09", null, false],
    ["2026-09", "2026-09", true],
    ["2026-08", "2026-09", true],
    ["2026-10", "2026-09", false],
  ] as const)("%s with last published %s → %s", (period, lastPublished, expected) => {
    expect(isPublishedPeriod(period, lastPublished)).toBe(expected);
  });
});
