import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, formatValue } from "./format";
import { roundTo } from "./rounding";
import type { IndicatorRule } from "./types";

type Rule = Pick<IndicatorRule, "unit" | "decimals">;

describe("formatValue", () => {
  it.each<[Rule, number | null, string]>([
    [{ unit: "%", decimals: 2 }, 98.4652, "98.47%"],
    [{ unit: "%", decimals: 2 }, 100, "100.00%"],
    [{ unit: "days", decimals: 2 }, 23.5, "23.50 days"],
    [{ unit: "days", decimals: 0 }, 1, "1 day"],
    [{ unit: "days", decimals: 1 }, 1, "1.0 days"],
    [{ unit: "£", decimals: 0 }, 1266590, "£1,266,590"],
    [{ unit: "£", decimals: 0 }, -1234.5, "-£1,235"],
    [{ unit: "£", decimals: 2 }, 1234.005, "£1,234.01"],
    [{ unit: "count", decimals: 0 }, 142, "142"],
    [{ unit: "count", decimals: 0 }, 12345, "12,345"],
    [{ unit: "score", decimals: 1 }, 3.45, "3.5"],
    [{ unit: "per 1,000 homes", decimals: 1 }, 12.34, "12.3 per 1,000 homes"],
    [{ unit: "%", decimals: 2 }, 1.005, "1.01%"],
    [{ unit: "%", decimals: 2 }, -0.001, "0.00%"],
    [{ unit: "%", decimals: 2 }, null, "No data"],
    [{ unit: "£", decimals: 0 }, Number.NaN, "No data"],
  ])("%j %s -> %s", (rule, value, expected) => {
    expect(formatValue(rule, value)).toBe(expected);
  });

  it("shows exactly the rounded value, with en-GB grouping", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, decimals) => {
        const text = formatNumber(value, decimals);
        expect(Number(text.replace(/,/g, ""))).toBe(roundTo(value, decimals));
        const fraction = text.split(".")[1] ?? "";
        expect(fraction.length).toBe(decimals);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
      }),
    );
  });
});
