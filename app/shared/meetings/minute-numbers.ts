/**
 * Minute numbers in a body's scheme: prefix, two-digit year, sequence within that year,
 * e.g. "PC 26/14" for the fourteenth minute of the Performance Committee in 2026.
 */
export function formatMinuteNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix} ${String(year % 100).padStart(2, "0")}/${sequence}`;
}

const MINUTE_NUMBER = /^([A-Z]{1,6}) (\d{2})\/(\d+)$/;

export function parseMinuteNumber(value: string): { prefix: string; year: number; sequence: number } | null {
  const match = MINUTE_NUMBER.exec(value);
  if (!match) return null;
  return { prefix: match[1], year: Number(match[2]), sequence: Number(match[3]) };
}

/**
 * The numbers for a meeting's items, continuing from the highest number the body has
 * already used that year (minute numbers run on across the year's meetings).
 */
export function allocateMinuteNumbers(prefix: string, year: number, usedThisYear: string[], count: number): string[] {
  const yy = year % 100;
  let last = 0;
  for (const used of usedThisYear) {
    const parsed = parseMinuteNumber(used);
    if (parsed && parsed.prefix === prefix && parsed.year === yy) last = Math.max(last, parsed.sequence);
  }
  return Array.from({ length: count }, (_, index) => formatMinuteNumber(prefix, year, last + index + 1));
}
