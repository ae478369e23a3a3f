import type { InterestKind, MemberKind } from "../vocabulary";
import { computeQuorum, type Quorum, type QuorumRule } from "./quorum";

/*
 * Quorum is counted per item. A member with a prejudicial interest in an item leaves
 * the meeting while it is discussed (the code of conduct): for that item they are not
 * in the room, so they do not count towards its quorum. A personal or other interest
 * is declared but the member stays, and counts.
 */

/** What quorum is counted from: the body's rule and size, and the voting members present now (or at a moment). */
export type QuorumBasis = {
  rule: QuorumRule;
  /** Voting members of the body. */
  members: number;
  present: { userId: string; memberKind: MemberKind }[];
};

export type ItemDeclaration = { userId: string; itemId: string; kind: InterestKind };

export type ItemQuorum = Quorum & {
  /** Members present at the meeting who left it for this item, by user id. */
  leftForItem: string[];
};

/** Whether an interest of this kind takes the member out of the meeting for the item. */
export const leavesForItem = (kind: InterestKind) => kind === "prejudicial";

/** Who left the meeting for an item: those with a prejudicial interest declared on it. */
export function leftTheMeetingFor(declarations: ItemDeclaration[], itemId: string | null): Set<string> {
  if (itemId === null) return new Set();
  return new Set(declarations.filter((d) => d.itemId === itemId && leavesForItem(d.kind)).map((d) => d.userId));
}

/**
 * Quorum for one item: the members present less those who left for it. With no item
 * (before the chair opens one) it is the meeting's quorum.
 */
export function quorumForItem(basis: QuorumBasis, declarations: ItemDeclaration[], itemId: string | null): ItemQuorum {
  const left = leftTheMeetingFor(declarations, itemId);
  const staying = basis.present.filter((p) => !left.has(p.userId));
  const leftForItem = basis.present.filter((p) => left.has(p.userId)).map((p) => p.userId);
  const quorum = computeQuorum(
    basis.rule,
    basis.members,
    staying.map((p) => p.memberKind),
  );
  if (leftForItem.length === 0) return { ...quorum, leftForItem };
  const n = leftForItem.length;
  const message = `${quorum.message} (${n} member${n === 1 ? "" : "s"} left the meeting for this item)`;
  return { ...quorum, message, leftForItem };
}
