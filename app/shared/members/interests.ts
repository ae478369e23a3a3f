import { z } from "zod";
import { typedText } from "../typed-text";
import {
  REGISTERED_INTEREST_KINDS,
  type AgendaItemKind,
  type InterestKind,
  type MeetingStatus,
  type RegisteredInterestKind,
} from "../vocabulary";

/*
 * A member's standing register of interests, and the prompts it gives once an agenda is
 * published: "You registered X. Does it relate to item N?" so that declarations at the
 * meeting are prompted, not remembered. Matching is by shared words (the register says
 * "Director of Northfield Repairs Ltd", the agenda "Responsive repairs contract"): it
 * suggests, the member decides.
 */

export const INTEREST_TEXT_MAX = 300;
/** A register longer than this is a list to tidy, not to keep adding to. */
export const REGISTER_ENTRIES_MAX = 50;

export const REGISTERED_INTEREST_KIND_LABELS: Record<RegisteredInterestKind, string> = {
  pecuniary: "Pecuniary (employment, a business, land, a contract, shares)",
  other: "Other (a membership, a tenancy, a trusteeship, a gift)",
};
export const REGISTERED_INTEREST_KIND_SHORT: Record<RegisteredInterestKind, string> = {
  pecuniary: "Pecuniary",
  other: "Other",
};

export const registerInterestSchema = z.object({
  interest: typedText()
    .trim()
    .min(1, "Say what the interest is, for example “Director of Northfield Repairs Ltd”")
    .max(INTEREST_TEXT_MAX, `Keep the interest under ${INTEREST_TEXT_MAX} characters`),
  kind: z.enum(REGISTERED_INTEREST_KINDS, { error: "Choose pecuniary or other" }),
});

/**
 * The declaration a registered interest suggests: a pecuniary interest in an item keeps
 * the member out of it (prejudicial: no vote, out of the quorum), another is personal.
 */
export function suggestedDeclarationKind(kind: RegisteredInterestKind): InterestKind {
  return kind === "pecuniary" ? "prejudicial" : "personal";
}

/** Prompts are offered once the agenda is published, and in the meeting. */
export function promptsOffered(status: MeetingStatus): boolean {
  return status === "agenda_published" || status === "in_session";
}

/** The standard opening items: nobody has an interest in the apologies. */
const NOT_PROMPTED: readonly AgendaItemKind[] = ["apologies", "declarations", "previous_minutes"];

const STOP_WORDS = new Set(
  (
    "about above after again also among and any are been before being below between both but can could does down each " +
    "from further have having here into its itself just more most near off once only other our over own same should " +
    "some such than that the their them then there these they this those through under until very was were what when " +
    "where which while who whom why will with would your ltd limited plc company member director trustee chair " +
    "report update review item items performance meeting committee panel council councillor group board quarter month " +
    "year annual monthly"
  ).split(" "),
);

/** The words of a text that can tie an interest to an item: lower case, four letters or more, plural "s" taken off. */
export function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of text.toLocaleLowerCase("en-GB").matchAll(/\p{L}[\p{L}\p{N}]*/gu)) {
    if (word.length < 4 || STOP_WORDS.has(word)) continue;
    words.add(word.length > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);
  }
  return words;
}

export type PromptInterest = { id: string; interest: string; kind: RegisteredInterestKind };
export type PromptItem = { id: string; position: number; kind: AgendaItemKind; title: string; minuteNumber?: string | null };

export type InterestPrompt = {
  interestId: string;
  interest: string;
  kind: RegisteredInterestKind;
  suggested: InterestKind;
  /** The item it may relate to; null: no item shares a word with it, so the member is asked about the whole agenda. */
  item: { id: string; label: string; title: string } | null;
  question: string;
};

const itemLabel = (item: PromptItem) => (item.minuteNumber ? `item ${item.minuteNumber}` : `item ${item.position}`);

/** One prompt per interest and item sharing a word with it, or one about the whole agenda when none does. */
export function interestPrompts(interests: PromptInterest[], items: PromptItem[]): InterestPrompt[] {
  const candidates = items
    .filter((item) => !NOT_PROMPTED.includes(item.kind))
    .sort((a, b) => a.position - b.position)
    .map((item) => ({ item, words: significantWords(item.title) }));
  return interests.flatMap((entry): InterestPrompt[] => {
    const words = significantWords(entry.interest);
    const base = {
      interestId: entry.id,
      interest: entry.interest,
      kind: entry.kind,
      suggested: suggestedDeclarationKind(entry.kind),
    };
    const related = candidates.filter((c) => [...c.words].some((w) => words.has(w)));
    if (related.length === 0)
      return [
        { ...base, item: null, question: `You registered “${entry.interest}”. Does it relate to any item on this agenda?` },
      ];
    return related.map(({ item }) => ({
      ...base,
      item: { id: item.id, label: itemLabel(item), title: item.title },
      question: `You registered “${entry.interest}”. Does it relate to ${itemLabel(item)}, “${item.title}”?`,
    }));
  });
}
