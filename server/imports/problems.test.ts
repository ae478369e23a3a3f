import { describe, expect, it } from "vitest";
import { formatProblem, problem, quote, sortProblems } from "./problems";

describe("formatProblem", () => {
  it("puts the line and column first", () => {
    expect(formatProblem(problem(14, "value", `${quote("abc")} is not a number`))).toBe(
      "Line 14, column value: \u201Cabc\u201D is not a number",
    );
  });

  it("leaves out what it does not know", () => {
    expect(formatProblem(problem(7, null, "Duplicate row"))).toBe("Line 7: Duplicate row");
    expect(formatProblem(problem(null, "value", "Bad"))).toBe("Column value: Bad");
    expect(formatProblem(problem(null, null, "The file is empty"))).toBe("The file is empty");
  });

  it("sorts whole-file problems first, then by line, keeping order within a line", () => {
    const sorted = sortProblems([problem(5, "a", "1"), problem(null, null, "2"), problem(3, "b", "3"), problem(5, "c", "4")]);
    expect(sorted.map((p) => p.message)).toEqual(["2", "3", "1", "4"]);
  });
});
