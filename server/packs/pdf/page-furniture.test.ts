import { describe, expect, it } from "vitest";
import { footerText, shortenToFit } from "./page-furniture";

describe("footerText", () => {
  it("gives the full hash and the page of the total", () => {
    expect(footerText("ab".repeat(32), 3, 20)).toBe(`SHA-256 ${"ab".repeat(32)} · Page 3 of 20`);
  });
});

describe("shortenToFit", () => {
  const widthOf = (text: string) => text.length; // one unit a character

  it("keeps text that fits", () => {
    expect(shortenToFit("Performance Committee", 30, widthOf)).toBe("Performance Committee");
  });

  it("cuts at a word, drops trailing punctuation and adds an ellipsis", () => {
    expect(shortenToFit("Performance Committee: minutes, 19 October 2026", 25, widthOf)).toBe("Performance Committee…");
  });

  it("gives nothing when not even one word fits", () => {
    expect(shortenToFit("Performance Committee", 5, widthOf)).toBe("");
  });
});
