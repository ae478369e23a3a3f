import type { MotionStatus, VoteChoice } from "../vocabulary";

export type Tally = { for: number; against: number; abstain: number };

export function tallyVotes(choices: VoteChoice[]): Tally {
  const tally: Tally = { for: 0, against: 0, abstain: 0 };
  for (const choice of choices) tally[choice] += 1;
  return tally;
}

/**
 * A motion is carried by a simple majority of those voting; abstentions do not count.
 * A tie is lost unless the chair gives a casting vote for it.
 */
export function motionResult(
  tally: Tally,
  chairCastingVote: "for" | "against" | null = null,
): Extract<MotionStatus, "carried" | "lost"> {
  if (tally.for > tally.against) return "carried";
  if (tally.for === tally.against && tally.for > 0 && chairCastingVote === "for") return "carried";
  return "lost";
}

export function describeTally(tally: Tally): string {
  return `${tally.for} for, ${tally.against} against, ${tally.abstain} abstention${tally.abstain === 1 ? "" : "s"}`;
}
