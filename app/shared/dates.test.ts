import { describe, expect, it } from "vitest";
import { formatUkDate, formatUkShortDate } from "./dates";

describe("UK dates", () => {
  it.each([
    ["2026-11-23T12:00:00Z", "23 November 2026", "23/11/2026"],
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    ["2026-06-30T23:30:00Z", "1 July 2026", "01/07/2026"],
    // 23:30 UTC on 31 December is still 31 December in London (GMT).
    ["2026-12-31T23:30:00Z", "31 December 2026", "31/12/2026"],
    ["2026-03-05T00:00:00+01:00", "4 March 2026", "04/03/2026"],
  ])("%s is %s / %s in the UK", (iso, long, short) => {
    expect(formatUkDate(new Date(iso))).toBe(long);
    expect(formatUkShortDate(new Date(iso))).toBe(short);
  });

  it("rejects an invalid date", () => {
    expect(() => formatUkDate(new Date("not a date"))).toThrow(RangeError);
    expect(() => formatUkShortDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
