import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AGENDA_ITEM_KINDS } from "../vocabulary";
import {
  interestPrompts,
  promptsOffered,
  registerInterestSchema,
  significantWords,
  suggestedDeclarationKind,
  type PromptItem,
} from "./interests";

const items: PromptItem[] = [
  { id: "i1", position: 1, kind: "apologies", title: "Apologies for absence" },
  { id: "i2", position: 2, kind: "declarations", title: "Declarations of interest" },
  { id: "i5", position: 5, kind: "report", title: "Responsive repairs contract: options for 2027", minuteNumber: "PC 26/15" },
  { id: "i6", position: 6, kind: "scorecard_review", title: "Scorecard: lettings and empty homes" },
  { id: "i7", position: 7, kind: "report", title: "Tenant scrutiny of the Northfield estates" },
];

describe("the register's prompts", () => {
  it("asks about each item that shares a word with the interest, by its minute number or position", () => {
    const prompts = interestPrompts([{ id: "a", interest: "Director of Northfield Repairs Ltd", kind: "pecuniary" }], items);
    expect(prompts.map((p) => p.question)).toEqual([
      "You registered “Director of Northfield Repairs Ltd”. Does it relate to item PC 26/15, “Responsive repairs contract: options for 2027”?",
      "You registered “Director of Northfield Repairs Ltd”. Does it relate to item 7, “Tenant scrutiny of the Northfield estates”?",
    ]);
    expect(prompts.every((p) => p.suggested === "prejudicial")).toBe(true);
  });

  it("asks about the whole agenda when no item shares a word", () => {
    const [prompt] = interestPrompts([{ id: "b", interest: "Trustee of Brynmawr Food Bank 🍞", kind: "other" }], items);
    expect(prompt).toMatchObject({
      item: null,
      suggested: "personal",
      question: "You registered “Trustee of Brynmawr Food Bank 🍞”. Does it relate to any item on this agenda?",
    });
  });

  it("never asks about apologies, declarations or the last minutes, and matches plurals", () => {
    const prompts = interestPrompts(
      [{ id: "c", interest: "Member of the apology and declaration letting group", kind: "other" }],
      items,
    );
    expect(prompts.map((p) => p.item?.id)).toEqual(["i6"]);
  });

  it("keeps common words (director, company, the) from making a match", () => {
    expect([...significantWords("Director of The Company Ltd")]).toEqual([]);
    expect([...significantWords("Tenant of Tŷ Ŵyn, Gŵyrdd, Łódź homes")]).toEqual(["tenant", "gŵyrdd", "łódź", "home"]);
  });

  it("every prompt names an interest given and an item of the agenda, never a standard opening item (property)", () => {
    const word = fc.constantFrom("repairs", "lettings", "homes", "estate", "rent", "damp", "the", "of");
    const title = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...AGENDA_ITEM_KINDS), title }), { maxLength: 8 }),
        fc.array(title, { minLength: 1, maxLength: 4 }),
        (agenda, interests) => {
          const agendaItems = agenda.map((a, i) => ({ ...a, id: `i${i}`, position: i + 1 }));
          const entries = interests.map((interest, i) => ({ id: `e${i}`, interest, kind: "other" as const }));
          const prompts = interestPrompts(entries, agendaItems);
          for (const entry of entries) expect(prompts.some((p) => p.interestId === entry.id)).toBe(true);
          for (const p of prompts) {
            if (!p.item) continue;
            const item = agendaItems.find((i) => i.id === p.item!.id)!;
            expect(["apologies", "declarations", "previous_minutes"]).not.toContain(item.kind);
          }
        },
      ),
    );
  });

  it("is offered once the agenda is published and in the meeting only", () => {
    expect(
      ["draft", "agenda_published", "in_session", "closed", "minutes_approved"].map((s) => promptsOffered(s as never)),
    ).toEqual([false, true, true, false, false]);
  });

  it("suggests a prejudicial declaration for a pecuniary interest, a personal one otherwise", () => {
    expect(suggestedDeclarationKind("pecuniary")).toBe("prejudicial");
    expect(suggestedDeclarationKind("other")).toBe("personal");
  });

  it("needs the interest's words and a kind", () => {
    expect(registerInterestSchema.safeParse({ interest: "", kind: "other" }).error?.issues[0].message).toMatch(/^Say what/);
    expect(registerInterestSchema.safeParse({ interest: "Shares in Acme", kind: "" }).error?.issues[0].message).toBe(
      "Choose pecuniary or other",
    );
  });
});
