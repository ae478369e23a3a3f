import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundTo, scrubFloat } from "./rounding";

describe("roundTo", () => {
  it.each([
    // [value, decimals, expected, why]
    [1.005, 2, 1.01, "binary 1.00499999… still rounds up: the decimal meant is 1.005"],
    [1.015, 2, 1.02, "another binary-below tie"],
    [2.5, 0, 3, "half away from zero, not banker's (which gives 2)"],
    [3.5, 0, 4, "half away from zero"],
    [-2.5, 0, -3, "negative halves go away from zero too"],
    [-1.005, 2, -1.01, "symmetric for negatives"],
    [1.2345, 3, 1.235, "tie at the third decimal"],
    [26.455, 2, 26.46, "BV212 2024-07: 1587.3 / 60 is exactly 26.455"],
    [28.844999999999995, 2, 28.85, "float noise from a sum is scrubbed before rounding"],
    [0.1 + 0.2, 1, 0.3, "0.30000000000000004"],
    [98.09342230695901, 2, 98.09, "ordinary case"],
    [1266590.4, 0, 1266590, "money to whole pounds"],
    [1266590.5, 0, 1266591, "money tie"],
    [123.456, 0, 123, "to a whole number"],
    [1e-20, 2, 0, "tiny numbers"],
    [0, 3, 0, "zero"],
    [12345678901.125, 2, 12345678901.13, "large money figure: more than 12 significant digits are kept when needed"],
  ])("roundTo(%s, %s) = %s (%s)", (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it("never returns negative zero, so nothing shows -0.00", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
  });

  it("passes non-finite values through", () => {
    expect(roundTo(Number.NaN, 2)).toBeNaN();
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it("leaves numbers beyond 2^53 alone instead of producing NaN", () => {
    expect(roundTo(1e25, 2)).toBe(1e25);
  });

  it.each([[-1], [1.5], [16]])("rejects decimals = %s", (decimals) => {
    expect(() => roundTo(1, decimals)).toThrow(RangeError);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const once = roundTo(value, decimals);
        expect(roundTo(once, decimals)).toBe(once);
      }),
    );
  });

  it("is odd-symmetric: roundTo(-x) = -roundTo(x)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        expect(roundTo(-value, decimals)).toBe(-roundTo(value, decimals) || 0);
      }),
    );
  });

  it("moves a value by at most half a unit in the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        const halfUnit = 0.5 * 10 ** -decimals;
        expect(Math.abs(roundTo(value, decimals) - value)).toBeLessThanOrEqual(halfUnit * (1 + 1e-9));
      }),
    );
  });

  it("agrees with exact decimal arithmetic for any decimal written with a few more places", () => {
    // value = k × 10^-(decimals + 3): exact answer from integer arithmetic.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 0, max: 4 }), (k, decimals) => {
        const value = Number(`${k}e-${decimals + 3}`);
        const quotient = Math.floor(k / 1000);
        const expected = Number(`${k % 1000 >= 500 ? quotient + 1 : quotient}e-${decimals}`);
        expect(roundTo(value, decimals)).toBe(expected);
        expect(roundTo(-value, decimals)).toBe(-expected || 0);
      }),
    );
  });
});

describe("scrubFloat", () => {
  it.each([
    [0.35 + 0.05, 0.4],
    [0.35 - 0.05, 0.3],
    [98.5 - 0.25, 98.25],
    [1266590, 1266590],
    [-0, 0],
  ])("scrubFloat(%s) = %s", (value, expected) => {
    expect(scrubFloat(value)).toBe(expected);
  });
});

describe("roundTo fast path", () => {
  /** The slow, string-based rule on its own, as a reference. */
  function reference(value: number, decimals: number): number {
    const magnitude = Math.abs(value);
    const integerDigits = magnitude >= 1 ? Math.floor(Math.log10(magnitude)) + 1 : 1;
    const digits = Math.min(15, Math.max(12, integerDigits + decimals + 3));
    const [mantissa, exponent] = magnitude.toExponential(digits - 1).split("e");
    const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
    const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
    return (value < 0 ? -rounded : rounded) || 0;
  }

  it("agrees with the string-based reference wherever a double holds all the digits", () => {
    // Up to 10 integer digits + 4 decimals = 14 significant digits (a double holds 15).
    fc.assert(
      fc.property(fc.double({ min: -1e10, max: 1e10, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
        expect(roundTo(value, decimals)).toBe(reference(value, decimals));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with the reference on values computed like real figures (sums and quotients)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (numerators, denominators, decimals) => {
          const numerator = numerators.reduce((a, b) => a + b / 10, 0);
          const denominator = denominators.reduce((a, b) => a + b, 0);
          const value = numerator / denominator;
          expect(roundTo(value, decimals)).toBe(reference(value, decimals));
          expect(roundTo(100 * value, decimals)).toBe(reference(100 * value, decimals));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
