import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linearScale, niceAxis, niceStep, stepDecimals } from "./chart-scale";

describe("linearScale", () => {
  it("maps the domain onto the range, inverted ranges included (SVG y grows downwards)", () => {
    const y = linearScale([20, 40], [300, 100]);
    expect(y(20)).toBe(300);
    expect(y(40)).toBe(100);
    expect(y(30)).toBe(200);
  });
  it("maps a zero-width domain to the middle", () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });
});

describe("niceStep and stepDecimals", () => {
  it.each([
    [10, 5, 2],
    [12, 5, 2.5],
    [1.8, 5, 0.5],
    [0.9, 4, 0.25],
    [1_200_000, 5, 250_000],
  ])("a span of %d in %d intervals steps by %d", (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });
  it.each([
    [5, 0],
    [0.5, 1],
    [0.25, 2],
    [250_000, 0],
  ])("writes a step of %d with %d decimals", (step, decimals) => {
    expect(stepDecimals(step)).toBe(decimals);
  });
});

describe("niceAxis", () => {
  it("covers re-let days with round ticks", () => {
    const axis = niceAxis([22, 24, 23.48, 34.21]);
    expect(axis.ticks).toEqual([20, 25, 30, 35]);
    expect(axis.decimals).toBe(0);
  });
  it("gives a single value a band around it", () => {
    const axis = niceAxis([98.5]);
    expect(axis.min).toBeLessThan(98.5);
    expect(axis.max).toBeGreaterThan(98.5);
  });
  it("steps percentages near 100 finely, with the decimals the step needs", () => {
    expect(niceAxis([98.2, 99.1]).ticks).toEqual([98, 98.2, 98.4, 98.6, 98.8, 99, 99.2]);
    expect(niceAxis([98.6, 99.4], 4).step).toBe(0.25);
    expect(niceAxis([98.6, 99.4], 4).decimals).toBe(2);
  });
  it("never goes below zero for values that are all zero or more", () => {
    expect(niceAxis([0, 0.2, 1]).min).toBe(0);
  });
  it("always covers every value, with a handful of ticks", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100_000_000, max: 100_000_000 }).map((n) => n / 100),
          { minLength: 1, maxLength: 40 },
        ),
        (values) => {
          const axis = niceAxis(values);
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(axis.min - 1e-6);
            expect(v).toBeLessThanOrEqual(axis.max + 1e-6);
          }
          expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
          expect(axis.ticks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });
});
