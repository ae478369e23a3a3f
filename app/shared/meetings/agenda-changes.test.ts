import { describe, expect, it } from "vitest";
import { agendaChanges, type AgendaLine } from "./agenda-changes";

const line = (number: number, title: string, extra: Partial<AgendaLine> = {}): AgendaLine => ({
  number,
  title,
  presenter: "",
  exemptParagraph: null,
  ...extra,
});

const PUBLISHED = [line(1, "Apologies"), line(2, "Declarations of interest"), line(3, "Exceptions", { presenter: "Priya Shah" })];

describe("what changed on an agenda since it was published", () => {
  it.each<[string, AgendaLine[], string[]]>([
    ["nothing", PUBLISHED, []],
    [
      "an item added before the last",
      [PUBLISHED[0], PUBLISHED[1], line(3, "Damp and mould policy"), { ...PUBLISHED[2], number: 4 }],
      ["Item 3, Damp and mould policy: added", "Item 4, Exceptions: moved (was item 3)"],
    ],
    ["an item removed", [PUBLISHED[0], PUBLISHED[1]], ["Item 3, Exceptions: removed"]],
    [
      "an item retitled in place",
      [PUBLISHED[0], PUBLISHED[1], { ...PUBLISHED[2], title: "Exceptions: September" }],
      ["Item 3, Exceptions: September: retitled (was “Exceptions”)"],
    ],
    [
      "a new presenter",
      [PUBLISHED[0], PUBLISHED[1], { ...PUBLISHED[2], presenter: "Tom Okafor" }],
      ["Item 3, Exceptions: presented by Tom Okafor (was Priya Shah)"],
    ],
    [
      "an item made exempt",
      [PUBLISHED[0], PUBLISHED[1], { ...PUBLISHED[2], exemptParagraph: 3 }],
      ["Item 3, Exceptions: now exempt (paragraph 3)"],
    ],
  ])("%s", (_, current, expected) => {
    expect(agendaChanges(PUBLISHED, current)).toEqual(expected);
  });
});
