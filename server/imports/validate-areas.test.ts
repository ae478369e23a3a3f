import { describe, expect, it } from "vitest";
import { formatProblem } from "./problems";
import { csv, csvTable } from "./test-support";
import { validateAreas } from "./validate-areas";

const validate = (...lines: string[]) => validateAreas(csvTable(csv("area,homes", ...lines)));

describe("validateAreas", () => {
  it("reads areas and their homes", () => {
    expect(validate("North,4200", 'East,"3,900"').rows).toEqual([
      { area: "North", homes: 4200 },
      { area: "East", homes: 3900 },
    ]);
  });

  it("reports the reserved name All, duplicates and bad numbers of homes", () => {
    expect(validate("All,100", "North,4200", "north,10", "South,3.5", "West,").problems.map(formatProblem)).toEqual([
      "Line 2, column area: “All” is kept for the whole organisation: give the area a different name",
      "Line 4, column area: Duplicate area: line 3 already has north",
      "Line 5, column homes: “3.5” is not a number of homes: use a whole number",
      "Line 6, column homes: No number of homes",
    ]);
  });
});
