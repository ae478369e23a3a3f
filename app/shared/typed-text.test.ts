import { describe, expect, it } from "vitest";
import { stripBidiControls, typedText } from "./typed-text";

describe("typedText", () => {
  it.each([
    ["an override that reverses a word", "Rent \u202Egnol\u202C arrears", "Rent gnol arrears"],
    ["an isolate pair", "\u2066Cllr Osei\u2069", "Cllr Osei"],
    ["every control", "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069x", "x"],
  ])("takes out %s", (_label, typed, kept) => {
    expect(stripBidiControls(typed)).toBe(kept);
    expect(typedText().parse(typed)).toBe(kept);
  });

  it("keeps right-to-left and other scripts as they are", () => {
    for (const name of ["مريم الحسن", "Siôn Llŷr-Ŵyn", "Łódź", "דוד"]) expect(typedText().parse(name)).toBe(name);
  });

  it("refuses a name that was nothing but controls", () => {
    expect(typedText().trim().min(1).safeParse("\u202E\u2066 ").success).toBe(false);
  });
});
