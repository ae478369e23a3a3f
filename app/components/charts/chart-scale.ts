/**
 * Small helpers for drawing charts in SVG: a linear scale and "nice" axis ticks
 * (steps of 1, 2, 2.5 or 5 times a power of ten), so axes read 20, 25, 30
 * rather than 21.37, 24.81.
 */

export type Scale = (value: number) => number;

/** Maps a domain [d0, d1] linearly onto a range [r0, r1]. A zero-width domain maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): Scale {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest nice step that covers `span` in at most `count` intervals. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((s) => s * power >= raw - 1e-12) ?? 10;
  return Number((step * power).toPrecision(12));
}

/** Decimal places a step needs to be written exactly: 5 -> 0, 0.5 -> 1, 0.25 -> 2. */
export function stepDecimals(step: number): number {
  let decimals = 0;
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9) decimals++;
  return decimals;
}

export type Axis = { min: number; max: number; step: number; ticks: number[]; decimals: number };

/**
 * An axis that covers every value, with about `count` intervals between nice
 * bounds. A single value (or all equal) gets a small band around it. Negative
 * bounds are never invented for values that are all zero or more.
 */
export function niceAxis(values: readonly number[], count = 5): Axis {
  const finite = values.filter((v) => Number.isFinite(v));
  let low = finite.length ? Math.min(...finite) : 0;
  let high = finite.length ? Math.max(...finite) : 1;
  if (high - low < 1e-9 * Math.max(1, Math.abs(high))) {
    // Tiny magnitudes are float noise around zero: give them a unit band.
    const pad = Math.abs(low) >= 1e-6 ? Math.abs(low) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const padding = (high - low) * 0.05;
  const allNonNegative = finite.every((v) => v >= 0);
  low -= padding;
  high += padding;
  if (allNonNegative && low < 0) low = 0;
  const step = niceStep(high - low, count);
  const min = Math.floor(low / step + 1e-9) * step;
  const max = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step * 1e-9; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks, decimals: stepDecimals(step) };
}
