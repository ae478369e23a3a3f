/**
 * Working days in England and Wales: Monday to Friday, except bank holidays.
 *
 * No bank-holiday library is installed, so the statutory rules are computed here (Banking
 * and Financial Dealings Act 1971 and the annual proclamations), with a short table of the
 * days proclaimed once (a jubilee, a royal wedding, a funeral, a coronation) or moved (VE
 * Day's anniversary moved the early May holiday in 1995 and 2020). The table is checked
 * against the GOV.UK list (gov.uk/bank-holidays); a day proclaimed in future needs a line
 * here. Rules hold from 1978 (the first early May bank holiday) on.
 *
 * Days are "YYYY-MM-DD" strings and the arithmetic is on UTC dates, so no time zone or
 * summer time can shift a day.
 */

type Day = string;

/** Days proclaimed once, in addition to the usual ones. */
const EXTRA_BANK_HOLIDAYS: readonly Day[] = [
  "1999-12-31", // Millennium
  "2002-06-03", // Golden Jubilee
  "2011-04-29", // Royal wedding
  "2012-06-05", // Diamond Jubilee
  "2022-06-03", // Platinum Jubilee
  "2022-09-19", // State funeral of Queen Elizabeth II
  "2023-05-08", // Coronation of King Charles III
];

/** Usual holidays moved by proclamation: the usual day is not a holiday that year, the new one is. */
const MOVED_BANK_HOLIDAYS: readonly { from: Day; to: Day }[] = [
  { from: "1995-05-01", to: "1995-05-08" }, // early May moved to VE Day's 50th anniversary
  { from: "2002-05-27", to: "2002-06-04" }, // spring holiday moved for the Golden Jubilee
  { from: "2012-05-28", to: "2012-06-04" }, // spring holiday moved for the Diamond Jubilee
  { from: "2020-05-04", to: "2020-05-08" }, // early May moved to VE Day's 75th anniversary
  { from: "2022-05-30", to: "2022-06-02" }, // spring holiday moved for the Platinum Jubilee
];

export const FIRST_SUPPORTED_YEAR = 1978;
export const LAST_SUPPORTED_YEAR = 2199;

const MS_PER_DAY = 86_400_000;

const toUtc = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day);
const format = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (ms: number) => new Date(ms).getUTCDay();

/** Easter Sunday (Gregorian), by the anonymous ("Meeus/Jones/Butcher") computus. */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format(toUtc(year, month, day));
}

/** The first Monday on or after a day. */
const mondayOnOrAfter = (ms: number) => ms + ((8 - weekday(ms)) % 7) * MS_PER_DAY;
/** The day itself, or the Monday after when it falls on a Saturday or Sunday. */
const weekdayOrNextMonday = (ms: number) => (weekday(ms) === 6 || weekday(ms) === 0 ? mondayOnOrAfter(ms) : ms);
/** The last Monday of a month. */
const lastMonday = (year: number, month: number) => {
  const last = toUtc(year, month + 1, 0);
  return last - ((weekday(last) + 6) % 7) * MS_PER_DAY;
};

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR)
    throw new RangeError(`Bank holidays are known for ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}, not ${year}`);
}

/** The bank holidays of England and Wales in a calendar year, in date order. */
export function bankHolidays(year: number): Day[] {
  checkYear(year);
  const days: number[] = [];
  // New Year's Day, or the Monday after when it falls at a weekend.
  days.push(weekdayOrNextMonday(toUtc(year, 1, 1)));
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  days.push(easter - 2 * MS_PER_DAY, easter + MS_PER_DAY);
  days.push(mondayOnOrAfter(toUtc(year, 5, 1)), lastMonday(year, 5), lastMonday(year, 8));
  // Christmas and Boxing Day: a day at a weekend is replaced by the next weekday not already a holiday.
  const christmas = toUtc(year, 12, 25);
  const boxing = toUtc(year, 12, 26);
  const christmasDay = weekdayOrNextMonday(christmas);
  let boxingDay = weekdayOrNextMonday(boxing);
  if (boxingDay === christmasDay) boxingDay += MS_PER_DAY;
  days.push(christmasDay, boxingDay);

  const usual = days.map(format);
  const moved = MOVED_BANK_HOLIDAYS.filter((m) => m.from.startsWith(`${year}-`));
  const result = usual.map((day) => moved.find((m) => m.from === day)?.to ?? day);
  result.push(...EXTRA_BANK_HOLIDAYS.filter((day) => day.startsWith(`${year}-`)));
  return [...new Set(result)].sort();
}

export function isBankHoliday(day: Day): boolean {
  return bankHolidays(Number(day.slice(0, 4))).includes(day);
}

/** Monday to Friday and not a bank holiday of England and Wales. */
export function isWorkingDay(day: Day): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const wd = weekday(ms);
  return wd !== 0 && wd !== 6 && !isBankHoliday(day);
}

/** The fewest working days any month has (a December with Christmas on a weekday, and so on). */
export const MAX_WORKING_DAY = 18;

/**
 * The day that is working day `n` (1 = the first working day) of a month "YYYY-MM".
 * `n` runs from 1 to MAX_WORKING_DAY, which every month reaches.
 */
export function workingDayOfMonth(period: string, n: number): Day {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAY)
    throw new RangeError(`A working day of the month is between 1 and ${MAX_WORKING_DAY}, not ${n}`);
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  checkYear(year);
  const holidays = new Set(bankHolidays(year));
  let count = 0;
  for (let day = 1; day <= 31; day++) {
    const ms = toUtc(year, month, day);
    if (new Date(ms).getUTCMonth() !== month - 1) break;
    const wd = weekday(ms);
    if (wd === 0 || wd === 6 || holidays.has(format(ms))) continue;
    count += 1;
    if (count === n) return format(ms);
  }
  throw new RangeError(`${period} has fewer than ${n} working days`);
}
