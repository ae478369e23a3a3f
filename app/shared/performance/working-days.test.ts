import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bankHolidays,
  easterSunday,
  FIRST_SUPPORTED_YEAR,
  isWorkingDay,
  LAST_SUPPORTED_YEAR,
  MAX_WORKING_DAY,
  workingDayOfMonth,
} from "./working-days";

/* Every expected date below was worked by hand from a calendar and checked against GOV.UK's list. */

describe("easterSunday", () => {
  it.each([
    [2016, "2016-03-27"],
    [2019, "2019-04-21"],
    [2022, "2022-04-17"],
    [2024, "2024-03-31"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("in %i is %s", (year, day) => expect(easterSunday(year)).toBe(day));
});

describe("bankHolidays (England and Wales)", () => {
  it("2026: Christmas on a Friday puts Boxing Day on Monday 28 December", () => {
    expect(bankHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-06",
      "2026-05-04",
      "2026-05-25",
      "2026-08-31",
      "2026-12-25",
      "2026-12-28",
    ]);
  });

  it("2027: Christmas on a Saturday gives Monday 27 and Tuesday 28 December", () => {
    expect(bankHolidays(2027)).toEqual([
      "2027-01-01",
      "2027-03-26",
      "2027-03-29",
      "2027-05-03",
      "2027-05-31",
      "2027-08-30",
      "2027-12-27",
      "2027-12-28",
    ]);
  });

  it("2022: New Year substitute, the Platinum Jubilee, the Queen's funeral, Christmas on a Sunday", () => {
    expect(bankHolidays(2022)).toEqual([
      "2022-01-03",
      "2022-04-15",
      "2022-04-18",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-08-29",
      "2022-09-19",
      "2022-12-26",
      "2022-12-27",
    ]);
  });

  it("2023: the Coronation and New Year's substitute", () => {
    expect(bankHolidays(2023)).toEqual([
      "2023-01-02",
      "2023-04-07",
      "2023-04-10",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-08-28",
      "2023-12-25",
      "2023-12-26",
    ]);
  });

  it("2020: the early May holiday moved to Friday 8 May (VE Day)", () => {
    const days = bankHolidays(2020);
    expect(days).toContain("2020-05-08");
    expect(days).not.toContain("2020-05-04");
    expect(days).toHaveLength(8);
  });

  it("refuses a year outside the rules it knows", () => {
    expect(() => bankHolidays(1977)).toThrow(RangeError);
    expect(() => bankHolidays(2200)).toThrow(RangeError);
  });

  it("always has at least eight days, all weekdays, in the year asked", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_SUPPORTED_YEAR, max: LAST_SUPPORTED_YEAR }), (year) => {
        const days = bankHolidays(year);
        expect(days.length).toBeGreaterThanOrEqual(8);
        for (const day of days) {
          expect(day.startsWith(`${year}-`)).toBe(true);
          expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        }
      }),
    );
  });
});

describe("workingDayOfMonth", () => {
  it.each([
    // November 2026's figures due by working day 5 and 10 of December 2026.
    ["2026-12", 5, "2026-12-07"],
    ["2026-12", 10, "2026-12-14"],
    // 1 January 2027 is a holiday (Friday).
    ["2027-01", 1, "2027-01-04"],
    ["2027-01", 5, "2027-01-08"],
    // Good Friday 3 April and Easter Monday 6 April 2026.
    ["2026-04", 3, "2026-04-07"],
    // Early May holiday on 4 May 2026.
    ["2026-05", 1, "2026-05-01"],
    ["2026-05", 2, "2026-05-05"],
    // The Queen's funeral, Monday 19 September 2022.
    ["2022-09", 13, "2022-09-20"],
    // The Coronation, Monday 8 May 2023 (and 1 May).
    ["2023-05", 1, "2023-05-02"],
    ["2023-05", 5, "2023-05-09"],
  ])("%s, working day %i, is %s", (period, n, day) => expect(workingDayOfMonth(period as string, n as number)).toBe(day));

  it("refuses a working day outside 1 to the fewest any month has", () => {
    expect(() => workingDayOfMonth("2026-12", 0)).toThrow(RangeError);
    expect(() => workingDayOfMonth("2026-12", MAX_WORKING_DAY + 1)).toThrow(RangeError);
    expect(() => workingDayOfMonth("2026-12", 2.5)).toThrow(RangeError);
  });

  it("every month reaches the last allowed working day, which is a working day of that month", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST_SUPPORTED_YEAR, max: LAST_SUPPORTED_YEAR }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: MAX_WORKING_DAY }),
        (year, month, n) => {
          const period = `${year}-${String(month).padStart(2, "0")}`;
          const day = workingDayOfMonth(period, n);
          expect(day.startsWith(period)).toBe(true);
          expect(isWorkingDay(day)).toBe(true);
          if (n > 1) expect(workingDayOfMonth(period, n - 1) < day).toBe(true);
        },
      ),
    );
  });

  it("April 2023 has exactly eighteen working days (Easter on the 9th, April starting on a Saturday)", () => {
    expect(workingDayOfMonth("2023-04", 18)).toBe("2023-04-28");
  });
});
