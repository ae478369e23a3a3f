import { z } from "zod";
import { addMonths, latestPeriodForFrequency, monthsPerPeriod } from "./periods";
import type { Frequency } from "./types";
import { MAX_WORKING_DAY, workingDayOfMonth } from "./working-days";

/**
 * An organisation's reporting timetable: a month's figures are due by working day N of
 * the next month and its exception commentaries by working day M (England and Wales
 * working days, ./working-days.ts). Until an admin sets one, the usual timetable of the
 * frameworks applies: figures by the 5th working day, commentaries by the 8th.
 */
export type ReportingTimetable = { figuresWorkingDay: number; commentariesWorkingDay: number };

export const DEFAULT_TIMETABLE: ReportingTimetable = { figuresWorkingDay: 5, commentariesWorkingDay: 8 };

const workingDay = (what: string) =>
  z.coerce
    .number({ message: `Enter the working day ${what} are due as a whole number` })
    .int(`Enter the working day ${what} are due as a whole number`)
    .min(1, `The working day ${what} are due is at least 1`)
    .max(MAX_WORKING_DAY, `The working day ${what} are due is at most ${MAX_WORKING_DAY} (every month has that many)`);

/** The timetable form and the command check the same things. */
export const reportingTimetableSchema = z
  .object({ figuresWorkingDay: workingDay("figures"), commentariesWorkingDay: workingDay("commentaries") })
  .refine((t) => t.commentariesWorkingDay >= t.figuresWorkingDay, {
    message: "Commentaries cannot be due before the figures they explain",
    path: ["commentariesWorkingDay"],
  });

export type MonthDueDates = { figures: string; commentaries: string };

/** When a month's figures and commentaries are due ("YYYY-MM-DD"), by the timetable. */
export function dueDatesFor(period: string, timetable: ReportingTimetable): MonthDueDates {
  const next = addMonths(period, 1);
  return {
    figures: workingDayOfMonth(next, timetable.figuresWorkingDay),
    commentaries: workingDayOfMonth(next, timetable.commentariesWorkingDay),
  };
}

/** "the 5th working day": how the timetable reads on a page. */
export function workingDayText(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `the ${n}${suffix} working day`;
}

/**
 * The next figure of an indicator after the month shown, and when it is due: next month
 * for a monthly one, the next quarter-end for a quarterly one, the next March for a
 * yearly one. The public pages say this instead of "No data".
 */
export function nextFigureDue(shownPeriod: string, frequency: Frequency, timetable: ReportingTimetable) {
  const period = latestPeriodForFrequency(addMonths(shownPeriod, monthsPerPeriod(frequency)), frequency);
  return { period, due: dueDatesFor(period, timetable).figures };
}
