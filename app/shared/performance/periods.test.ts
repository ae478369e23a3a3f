import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  formatPeriod,
  isFinancialYear,
  isPeriod,
  lastNPeriods,
  latestPeriodForFrequency,
  monthLabel,
  monthsPerPeriod,
  parseFinancialYear,
  parsePeriod,
  periodFitsFrequency,
  periodFromIndex,
  periodsOfFinancialYear,
  periodsPerYear,
  periodToIndex,
  isYearly,
  previousPeriod,
  quarterOf,
  samePeriodLastYear,
  yearToDatePeriods,
} from "./periods";
import type { Frequency } from "./types";

/** Any period from 2000-01 to 2099-12. */
const anyPeriod = fc.integer({ min: 2000 * 12, max: 2099 * 12 + 11 }).map(periodFromIndex);
const anyFrequency = fc.constantFrom<Frequency>("weekly", "monthly", "quarterly", "annual", "biennial", "triennial");

describe("period parsing", () => {
  it.each([
    ["2025-04", true],
    ["2026-12", true],
    ["2026-01", true],
    ["2025-4", false],
    ["2025-13", false],
    ["2025-00", false],
    ["25-04", false],
    [" 2025-04", false],
    ["2025-04-01", false],
    ["2025/04", false],
    [202504, false],
    [null, false],
    ["1990-01", true],
    ["2100-12", true],
    ["1989-12", false],
    ["2101-01", false],
    ["9999-12", false],
    ["0000-01", false],
  ])("isPeriod(%j) = %s", (value, expected) => {
    expect(isPeriod(value)).toBe(expected);
  });

  it("parses and formats", () => {
    expect(parsePeriod("2026-10")).toEqual({ year: 2026, month: 10 });
    expect(formatPeriod(2026, 3)).toBe("2026-03");
    expect(() => parsePeriod("2026-13")).toThrow(RangeError);
    expect(() => formatPeriod(2026, 0)).toThrow(RangeError);
  });

  it("round-trips through the month index", () => {
    fc.assert(
      fc.property(anyPeriod, (period) => {
        expect(periodFromIndex(periodToIndex(period))).toBe(period);
        expect(addMonths(addMonths(period, 1), -1)).toBe(period);
      }),
    );
  });
});

describe("financial years", () => {
  it.each([
    ["2025-04", "2025/26"],
    ["2025-12", "2025/26"],
    ["2026-01", "2025/26"],
    ["2026-03", "2025/26"],
    ["2026-04", "2026/27"],
    ["1999-12", "1999/00"],
    ["2000-02", "1999/00"],
    ["2099-05", "2099/00"],
  ])("%s is in %s", (period, year) => {
    expect(financialYearOf(period)).toBe(year);
  });

  it.each([
    ["2025/26", "2025-04", "2026-03"],
    ["1999/00", "1999-04", "2000-03"],
    ["2024/25", "2024-04", "2025-03"],
  ])("%s runs from %s to %s", (year, start, end) => {
    expect(financialYearStart(year)).toBe(start);
    expect(financialYearEnd(year)).toBe(end);
    expect(periodsOfFinancialYear(year)).toHaveLength(12);
    expect(periodsOfFinancialYear(year)[0]).toBe(start);
    expect(periodsOfFinancialYear(year)[11]).toBe(end);
  });

  it.each(["2025/27", "2025-26", "25/26", "2025/2026", ""])("rejects %j", (label) => {
    expect(isFinancialYear(label)).toBe(false);
    expect(() => parseFinancialYear(label)).toThrow(RangeError);
    expect(() => financialYearStart(label)).toThrow(RangeError);
  });

  it("round-trips for any period 2000-01..2099-12", () => {
    fc.assert(
      fc.property(anyPeriod, (period) => {
        const year = financialYearOf(period);
        expect(isFinancialYear(year)).toBe(true);
        const start = financialYearStart(year);
        const end = financialYearEnd(year);
        expect(start <= period && period <= end).toBe(true);
        expect(periodToIndex(end) - periodToIndex(start)).toBe(11);
        expect(parsePeriod(start).month).toBe(4);
        expect(financialYearOf(start)).toBe(year);
        expect(financialYearOf(end)).toBe(year);
        expect(periodsOfFinancialYear(year)).toContain(period);
      }),
    );
  });
});

describe("quarters", () => {
  it.each([
    ["2025-04", 1, "Q1 2025/26 (April to June 2025)"],
    ["2025-06", 1, "Q1 2025/26 (April to June 2025)"],
    ["2025-08", 2, "Q2 2025/26 (July to September 2025)"],
    ["2025-12", 3, "Q3 2025/26 (October to December 2025)"],
    ["2026-01", 4, "Q4 2025/26 (January to March 2026)"],
    ["2026-03", 4, "Q4 2025/26 (January to March 2026)"],
    ["2000-02", 4, "Q4 1999/00 (January to March 2000)"],
  ])("%s is Q%s: %s", (period, quarter, label) => {
    const q = quarterOf(period);
    expect(q.quarter).toBe(quarter);
    expect(q.label).toBe(label);
  });

  it("contains its period, spans three months and round-trips", () => {
    fc.assert(
      fc.property(anyPeriod, (period) => {
        const q = quarterOf(period);
        expect(q.firstPeriod <= period && period <= q.lastPeriod).toBe(true);
        expect(periodToIndex(q.lastPeriod) - periodToIndex(q.firstPeriod)).toBe(2);
        expect(q.financialYear).toBe(financialYearOf(period));
        expect(quarterOf(q.firstPeriod)).toEqual(q);
        expect(quarterOf(q.lastPeriod)).toEqual(q);
        // The quarter-end is the quarterly reporting period.
        expect(periodFitsFrequency(q.lastPeriod, "quarterly")).toBe(true);
        expect(q.quarter).toBe(Math.floor((yearToDatePeriods(period).length - 1) / 3) + 1);
        expect(q.label.startsWith(`Q${q.quarter} ${q.financialYear} (`)).toBe(true);
      }),
    );
  });
});

describe("frequencies", () => {
  it.each<[string, Frequency, boolean]>([
    ["2025-10", "monthly", true],
    ["2025-10", "weekly", true],
    ["2025-06", "quarterly", true],
    ["2025-09", "quarterly", true],
    ["2025-12", "quarterly", true],
    ["2026-03", "quarterly", true],
    ["2025-10", "quarterly", false],
    ["2025-04", "quarterly", false],
    ["2026-03", "annual", true],
    ["2025-12", "annual", false],
    ["2026-03", "biennial", true],
    ["2025-09", "biennial", false],
    ["2026-03", "triennial", true],
    ["2025-06", "triennial", false],
  ])("%s fits %s: %s", (period, frequency, expected) => {
    expect(periodFitsFrequency(period, frequency)).toBe(expected);
  });

  it.each<[Frequency, number, number]>([
    ["weekly", 1, 12],
    ["monthly", 1, 12],
    ["quarterly", 3, 4],
    ["annual", 12, 1],
    // Surveys every two or three years are due at a year-end like annual figures; the years between have none.
    ["biennial", 12, 1],
    ["triennial", 12, 1],
  ])("%s steps %s month(s), %s a year", (frequency, months, perYear) => {
    expect(monthsPerPeriod(frequency)).toBe(months);
    expect(periodsPerYear(frequency)).toBe(perYear);
  });

  it.each<[string, Frequency, string]>([
    ["2026-10", "monthly", "2026-10"],
    ["2026-10", "quarterly", "2026-09"],
    ["2026-09", "quarterly", "2026-09"],
    ["2026-02", "quarterly", "2025-12"],
    ["2026-10", "annual", "2026-03"],
    ["2026-03", "annual", "2026-03"],
    ["2026-02", "annual", "2025-03"],
    ["2026-10", "biennial", "2026-03"],
    ["2026-02", "triennial", "2025-03"],
  ])("latest %s figure due by %s is %s", (period, frequency, expected) => {
    expect(latestPeriodForFrequency(period, frequency)).toBe(expected);
  });

  it("counts annual, two-yearly and three-yearly figures as yearly, and nothing else", () => {
    expect((["weekly", "monthly", "quarterly", "annual", "biennial", "triennial"] as const).filter(isYearly)).toEqual([
      "annual",
      "biennial",
      "triennial",
    ]);
  });

  it("latest due period fits the frequency and is less than one step back", () => {
    fc.assert(
      fc.property(anyPeriod, anyFrequency, (period, frequency) => {
        const latest = latestPeriodForFrequency(period, frequency);
        expect(periodFitsFrequency(latest, frequency)).toBe(true);
        const back = periodToIndex(period) - periodToIndex(latest);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThan(monthsPerPeriod(frequency));
      }),
    );
  });
});

describe("previous periods", () => {
  it.each<[string, Frequency, string]>([
    ["2025-01", "monthly", "2024-12"],
    ["2025-04", "monthly", "2025-03"],
    ["2025-12", "quarterly", "2025-09"],
    ["2025-06", "quarterly", "2025-03"],
    ["2025-10", "quarterly", "2025-09"],
    ["2026-03", "annual", "2025-03"],
    ["2025-10", "annual", "2025-03"],
  ])("previousPeriod(%s, %s) = %s", (period, frequency, expected) => {
    expect(previousPeriod(period, frequency)).toBe(expected);
  });

  it.each([
    ["2026-02", "2025-02"],
    ["2025-01", "2024-01"],
  ])("samePeriodLastYear(%s) = %s", (period, expected) => {
    expect(samePeriodLastYear(period)).toBe(expected);
  });

  it("step back by one period and one year", () => {
    fc.assert(
      fc.property(anyPeriod, (period) => {
        expect(previousPeriod(addMonths(period, 1))).toBe(period);
        const lastYear = parsePeriod(samePeriodLastYear(period));
        expect(lastYear.month).toBe(parsePeriod(period).month);
        expect(lastYear.year).toBe(parsePeriod(period).year - 1);
      }),
    );
  });
});

describe("year to date and last N periods", () => {
  it.each<[string, Frequency, string[]]>([
    ["2025-04", "monthly", ["2025-04"]],
    ["2025-06", "monthly", ["2025-04", "2025-05", "2025-06"]],
    ["2026-01", "quarterly", ["2025-06", "2025-09", "2025-12"]],
    ["2025-05", "quarterly", []],
    ["2026-03", "annual", ["2026-03"]],
    ["2025-10", "annual", []],
  ])("yearToDatePeriods(%s, %s)", (period, frequency, expected) => {
    expect(yearToDatePeriods(period, frequency)).toEqual(expected);
  });

  it("year to date for March is the whole year", () => {
    expect(yearToDatePeriods("2026-03")).toEqual(periodsOfFinancialYear("2025/26"));
  });

  it("year to date runs from April to the period, inside one financial year", () => {
    fc.assert(
      fc.property(anyPeriod, (period) => {
        const periods = yearToDatePeriods(period);
        expect(periods[0]).toBe(financialYearStart(financialYearOf(period)));
        expect(periods[periods.length - 1]).toBe(period);
        expect(periods.length).toBeGreaterThanOrEqual(1);
        expect(periods.length).toBeLessThanOrEqual(12);
        for (const p of periods) expect(financialYearOf(p)).toBe(financialYearOf(period));
      }),
    );
  });

  it.each<[string, number, Frequency, string[]]>([
    ["2026-10", 3, "monthly", ["2026-08", "2026-09", "2026-10"]],
    ["2026-02", 3, "monthly", ["2025-12", "2026-01", "2026-02"]],
    ["2026-10", 4, "quarterly", ["2025-12", "2026-03", "2026-06", "2026-09"]],
    ["2026-10", 2, "annual", ["2025-03", "2026-03"]],
    ["2026-10", 0, "monthly", []],
  ])("lastNPeriods(%s, %s, %s)", (period, count, frequency, expected) => {
    expect(lastNPeriods(period, count, frequency)).toEqual(expected);
  });

  it("13 months for a sparkline start at the same month last year", () => {
    const periods = lastNPeriods("2026-10", 13);
    expect(periods).toHaveLength(13);
    expect(periods[0]).toBe("2025-10");
    expect(periods[12]).toBe("2026-10");
  });

  it("last N periods are evenly spaced, due, oldest first and not after the period", () => {
    fc.assert(
      fc.property(anyPeriod, fc.integer({ min: 1, max: 40 }), anyFrequency, (period, count, frequency) => {
        const periods = lastNPeriods(period, count, frequency);
        expect(periods).toHaveLength(count);
        expect(periods[count - 1] <= period).toBe(true);
        for (const p of periods) expect(periodFitsFrequency(p, frequency)).toBe(true);
        for (let i = 1; i < count; i++) {
          expect(periodToIndex(periods[i]) - periodToIndex(periods[i - 1])).toBe(monthsPerPeriod(frequency));
        }
      }),
    );
  });
});

describe("labels and dates", () => {
  it.each([
    ["2026-10", "October 2026"],
    ["2025-01", "January 2025"],
  ])("monthLabel(%s) = %s", (period, label) => {
    expect(monthLabel(period)).toBe(label);
  });
});
