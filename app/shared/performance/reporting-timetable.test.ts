import { describe, expect, it } from "vitest";
import { DEFAULT_TIMETABLE, dueDatesFor, nextFigureDue, reportingTimetableSchema, workingDayText } from "./reporting-timetable";

describe("dueDatesFor", () => {
  it("November 2026 under the default timetable: figures by 7 December, commentaries by 10 December", () => {
    expect(dueDatesFor("2026-11", DEFAULT_TIMETABLE)).toEqual({ figures: "2026-12-07", commentaries: "2026-12-10" });
  });

  it("December 2026, working days 3 and 6 of January 2027 (New Year's Day a holiday)", () => {
    expect(dueDatesFor("2026-12", { figuresWorkingDay: 3, commentariesWorkingDay: 6 })).toEqual({
      figures: "2027-01-06",
      commentaries: "2027-01-11",
    });
  });

  it("March 2026 (year end): April 2026 with Good Friday and Easter Monday", () => {
    expect(dueDatesFor("2026-03", { figuresWorkingDay: 3, commentariesWorkingDay: 4 })).toEqual({
      figures: "2026-04-07",
      commentaries: "2026-04-08",
    });
  });
});

describe("reportingTimetableSchema", () => {
  it("takes whole working days from a form", () => {
    expect(reportingTimetableSchema.parse({ figuresWorkingDay: "5", commentariesWorkingDay: "10" })).toEqual({
      figuresWorkingDay: 5,
      commentariesWorkingDay: 10,
    });
  });

  it.each([
    [{ figuresWorkingDay: "0", commentariesWorkingDay: "3" }, "at least 1"],
    [{ figuresWorkingDay: "5", commentariesWorkingDay: "19" }, "at most 18"],
    [{ figuresWorkingDay: "2.5", commentariesWorkingDay: "3" }, "whole number"],
    [{ figuresWorkingDay: "six", commentariesWorkingDay: "8" }, "whole number"],
    [{ figuresWorkingDay: "8", commentariesWorkingDay: "5" }, "before the figures"],
  ])("refuses %o with a message (%s)", (input, message) => {
    const parsed = reportingTimetableSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toContain(message);
  });
});

describe("workingDayText", () => {
  it.each([
    [1, "the 1st working day"],
    [2, "the 2nd working day"],
    [3, "the 3rd working day"],
    [5, "the 5th working day"],
    [11, "the 11th working day"],
    [12, "the 12th working day"],
    [13, "the 13th working day"],
  ])("%i reads %s", (n, text) => expect(workingDayText(n)).toBe(text));
});

describe("nextFigureDue", () => {
  it.each([
    ["2026-10", "monthly", "2026-11", "2026-12-07"],
    ["2026-09", "quarterly", "2026-12", "2027-01-08"],
    ["2026-10", "quarterly", "2026-12", "2027-01-08"],
    ["2026-09", "annual", "2027-03", "2027-04-07"],
    ["2027-03", "annual", "2028-03", "2028-04-07"],
  ] as const)("after %s, a %s indicator's next figure is %s, due by %s", (shown, frequency, period, due) => {
    expect(nextFigureDue(shown, frequency, DEFAULT_TIMETABLE)).toEqual({ period, due });
  });
});
