const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day written YYYY-MM-DD that exists (no 31 June, no 29 February 2025). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Dates the UK way, in London time: "23 November 2026" and "23/11/2026". */
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Europe/London",
});
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

function toValidDate(date: Date | string): Date {
  const value = new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError("Not a valid date");
  return value;
}

/** "23 November 2026", the house style for dates in packs and minutes. */
export const formatUkDate = (date: Date | string) => LONG_DATE.format(toValidDate(date));
/** "23/11/2026", for tables where space is short. */
export const formatUkShortDate = (date: Date | string) => SHORT_DATE.format(toValidDate(date));
/** "23 November 2026 at 14:05". */
export const formatUkDateTime = (date: Date | string) => `${formatUkDate(date)} at ${TIME.format(toValidDate(date))}`;

/** A calendar day stored as "YYYY-MM-DD" (a due date), written "31 December 2026"; "" stays "". */
export const formatUkDay = (isoDay: string) => (isoDay ? formatUkDate(`${isoDay}T12:00:00Z`) : "");
