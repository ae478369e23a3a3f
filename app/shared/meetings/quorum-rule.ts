import type { QuorumRule } from "./quorum";
import { MEMBER_KIND_LABELS } from "./labels";

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** A body's quorum in words: "4 members, including a tenant member". */
export function describeQuorumRule(rule: QuorumRule): string {
  const count = `${rule.quorumCount} member${rule.quorumCount === 1 ? "" : "s"}`;
  if (!rule.quorumRequiresKind) return count;
  const kind = MEMBER_KIND_LABELS[rule.quorumRequiresKind].toLowerCase();
  return `${count}, including ${article(kind)} ${kind} member`;
}
