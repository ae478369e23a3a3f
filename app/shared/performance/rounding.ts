/**
 * Rounding for presentation and for judging figures at their stated decimals.
 *
 * Rule of the module: keep full precision while combining, round only when a
 * figure is shown or compared (a figure shown as 98.25% must be judged as
 * 98.25, not as the 98.2499999 that produced it).
 */

/**
 * Significant digits kept when scrubbing binary floating-point noise. A double
 * holds 15–17; sums and quotients of a few dozen figures disturb the last two
 * or three, so 12 removes the noise (28.844999999999995 -> 28.845) while
 * keeping every digit that a housing figure normally carries.
 */
const SIGNIFICANT_DIGITS = 12;

/** The most significant digits a double reliably round-trips. */
const MAX_SIGNIFICANT_DIGITS = 15;

/** 10^0 … 10^15, all exact in binary. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Removes floating-point noise from a computed number without rounding it to
 * any particular number of decimals: 0.35 + 0.05 = 0.39999999999999997
 * becomes 0.4. Use it before comparing computed thresholds.
 */
export function scrubFloat(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * Rounds half away from zero to `decimals` places: 2.5 -> 3, -2.5 -> -3,
 * 1.005 -> 1.01.
 *
 * Why not `Math.round(x * 100) / 100` or `toFixed`? Both work on the binary
 * value, and 1.005 is stored as 1.00499999999999989…, so they give 1.00 where
 * every person checking the figure by hand expects 1.01. Instead the number
 * is first written to 12 significant digits (which recovers the decimal the
 * figure was meant to be), shifted by `decimals` in its decimal string form
 * (exact, unlike multiplying by 10^decimals), rounded, and shifted back.
 * Large numbers keep at least three digits beyond the rounding place (up to
 * the 15 a double can hold), so £12,345,678,901.125 still rounds to pence.
 *
 * Half away from zero (not banker's rounding) because that is what the
 * spreadsheets and published reports of the sector use.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`decimals must be an integer from 0 to 15, got ${decimals}`);
  }
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);

  // Fast path (scorecards round thousands of figures): when the scaled value
  // is clearly away from a half, binary error cannot change the answer, and
  // integer ÷ power of ten is the correctly rounded double of the decimal.
  // The window is far wider than any error the slow path's scrubbing absorbs.
  const scale = POWERS_OF_TEN[decimals];
  const scaled = magnitude * scale;
  if (scaled < 2 ** 52) {
    const distanceFromHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
    if (distanceFromHalf > 1e-9 + scaled * 1e-11) {
      const rounded = Math.round(scaled) / scale;
      return (value < 0 ? -rounded : rounded) || 0;
    }
  }

  // Slow path, at or near a half: decide on the decimal the figure meant.
  const integerDigits = magnitude >= 1 ? Math.floor(Math.log10(magnitude)) + 1 : 1;
  const digits = Math.min(MAX_SIGNIFICANT_DIGITS, Math.max(SIGNIFICANT_DIGITS, integerDigits + decimals + 3));
  const [mantissa, exponent] = magnitude.toExponential(digits - 1).split("e");
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  // Beyond 2^53 every double is already a whole number at this scale.
  if (shifted >= Number.MAX_SAFE_INTEGER) return value;
  // For positive numbers Math.round rounds halves up, i.e. away from zero.
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  // `|| 0` turns -0 into 0 so nothing ever shows "-0.00".
  return (value < 0 ? -rounded : rounded) || 0;
}
