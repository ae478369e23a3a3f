import { describe, expect, it } from "vitest";
import { lineRuns } from "./trend-chart";

describe("lineRuns", () => {
  it("breaks the line where a figure is missing", () => {
    expect(lineRuns([1, 2, null, 4, null, null, 7, 8])).toEqual([
      [
        { index: 0, value: 1 },
        { index: 1, value: 2 },
      ],
      [{ index: 3, value: 4 }],
      [
        { index: 6, value: 7 },
        { index: 7, value: 8 },
      ],
    ]);
  });

  it("has nothing to draw when there are no figures", () => {
    expect(lineRuns([])).toEqual([]);
    expect(lineRuns([null, null, Number.NaN])).toEqual([]);
  });
});
