import type { MemberKind } from "../vocabulary";
import { MEMBER_KIND_LABELS } from "./labels";

export type QuorumRule = { quorumCount: number; quorumRequiresKind: MemberKind | null };

export type Quorum = {
  quorate: boolean;
  /** Voting members present. */
  present: number;
  /** Voting members of the body. */
  members: number;
  required: number;
  /** Whether the required kind of member (if any) is among those present. */
  requiredKindPresent: boolean;
  /** What the room shows: "Quorate: 4 of 6 members, including a tenant member" / "Not quorate: …". */
  message: string;
};

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/**
 * Whether a meeting is quorate, from the kinds of the body's members who are present.
 * Officers and guests never count: quorum is of the body's members.
 */
export function computeQuorum(rule: QuorumRule, membersOfBody: number, presentKinds: MemberKind[]): Quorum {
  const present = presentKinds.length;
  const required = rule.quorumCount;
  const kind = rule.quorumRequiresKind;
  const requiredKindPresent = kind === null || presentKinds.includes(kind);
  // A body with no members seated is never quorate, whatever its rule says ("0 of 0" was).
  const quorate = membersOfBody > 0 && present >= required && requiredKindPresent;
  const kindWord = kind ? MEMBER_KIND_LABELS[kind].toLowerCase() : "";
  const counted = `${present} of ${membersOfBody} member${membersOfBody === 1 ? "" : "s"}`;
  let message: string;
  if (membersOfBody === 0) {
    message = "Not quorate: this body has no members yet (add them on the body's page)";
  } else if (quorate) {
    message = `Quorate: ${counted}${kind ? `, including ${article(kindWord)} ${kindWord} member` : ""}`;
  } else if (present < required) {
    message = `Not quorate: ${counted} present, ${required} needed${kind ? ` including ${article(kindWord)} ${kindWord} member` : ""}`;
  } else {
    message = `Not quorate: ${counted} present but no ${kindWord} member`;
  }
  return { quorate, present, members: membersOfBody, required, requiredKindPresent, message };
}
