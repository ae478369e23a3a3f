import { describe, expect, it } from "vitest";
import { describeQuorumRule } from "./quorum-rule";
import { isIsoDate, londonDateAndTime, londonLocalToInstant } from "./london-time";

describe("London local time", () => {
  it.each([
    ["2026-11-23", "18:00", "2026-11-23T18:00:00.000Z"],
    ["2026-06-18", "18:00", "2026-06-18T17:00:00.000Z"],
    ["2026-03-29", "00:30", "2026-03-29T00:30:00.000Z"],
    ["2026-03-29", "02:00", "2026-03-29T01:00:00.000Z"],
    // The hour repeated when the clocks go back reads as its first (summer time) pass.
    ["2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
  ])("%s at %s in London is %s", (date, time, instant) => {
    const value = londonLocalToInstant(date, time);
    expect(value?.toISOString()).toBe(instant);
    expect(londonDateAndTime(value!)).toEqual({ date, time });
  });

  it("has no 01:30 on the day the clocks go forward", () => {
    expect(londonLocalToInstant("2026-03-29", "01:30")).toBeNull();
  });

  it("refuses dates and times that do not exist", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(londonLocalToInstant("2026-13-01", "10:00")).toBeNull();
    expect(londonLocalToInstant("2026-11-23", "24:00")).toBeNull();
  });
});

describe("describeQuorumRule", () => {
  it("names the count and any kind of member needed", () => {
    expect(describeQuorumRule({ quorumCount: 4, quorumRequiresKind: "tenant" })).toBe("4 members, including a tenant member");
    expect(describeQuorumRule({ quorumCount: 1, quorumRequiresKind: "independent" })).toBe(
      "1 member, including an independent member",
    );
    expect(describeQuorumRule({ quorumCount: 3, quorumRequiresKind: null })).toBe("3 members");
  });
});
