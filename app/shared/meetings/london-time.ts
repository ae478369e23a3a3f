import { isIsoDate } from "../dates";

/**
 * Meetings are arranged in UK local time ("Thursday at 6pm") whatever the server's own
 * zone; they are stored as instants. These turn one into the other across the clock
 * changes.
 */

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The London wall-clock date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function londonDateAndTime(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export { isIsoDate };

export const isClockTime = (value: string) => TIME.test(value);

/**
 * The instant at which London's clocks read `date` `time`, or null when they never do
 * (the hour skipped when the clocks go forward in March). In the hour repeated in
 * October, the first (summer time) reading is taken.
 */
export function londonLocalToInstant(date: string, time: string): Date | null {
  if (!isIsoDate(date) || !isClockTime(time)) return null;
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // London is UTC or UTC+1: try summer time first, so the repeated hour reads as its first pass.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    const back = londonDateAndTime(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}
