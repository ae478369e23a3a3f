/** Dates the UK way, in London time: "23 November 2026" and "23/11/2026". */
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const shortDate = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/London" });
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

export const formatUkDate = (date: Date | string) => longDate.format(new Date(date));
export const formatUkShortDate = (date: Date | string) => shortDate.format(new Date(date));
export const formatUkDateTime = (date: Date | string) => dateTime.format(new Date(date)).replace(",", " at");
