import { describe, expect, it } from "vitest";
import { shownActionStatus, ukToday } from "./action-status";
import { isPermutationOf, moveItem } from "./agenda-order";
import { indicatorMovement } from "./indicator-movement";
import { exemptNotice } from "./labels";
import { allocateMinuteNumbers, formatMinuteNumber, parseMinuteNumber } from "./minute-numbers";
import { computeQuorum } from "./quorum";
import { describeTally, motionResult, tallyVotes } from "./votes";

describe("computeQuorum", () => {
  it("is never quorate for a body with no members yet, and says why instead of counting 0 of 0", () => {
    for (const rule of [
      { quorumCount: 0, quorumRequiresKind: null },
      { quorumCount: 3, quorumRequiresKind: "tenant" as const },
    ]) {
      const quorum = computeQuorum(rule, 0, []);
      expect(quorum.quorate).toBe(false);
      expect(quorum.message).toBe("Not quorate: this body has no members yet (add them on the body's page)");
    }
  });

  const rule = { quorumCount: 4, quorumRequiresKind: "tenant" as const };
  it("is quorate with enough members including the required kind", () => {
    const quorum = computeQuorum(rule, 6, ["councillor", "tenant", "independent", "councillor"]);
    expect(quorum.quorate).toBe(true);
    expect(quorum.message).toBe("Quorate: 4 of 6 members, including a tenant member");
  });
  it("is not quorate with too few members", () => {
    const quorum = computeQuorum(rule, 6, ["councillor", "tenant", "independent"]);
    expect(quorum.quorate).toBe(false);
    expect(quorum.message).toBe("Not quorate: 3 of 6 members present, 4 needed including a tenant member");
  });
  it("is not quorate without the required kind", () => {
    const quorum = computeQuorum(rule, 6, ["councillor", "councillor", "independent", "independent"]);
    expect(quorum).toMatchObject({ quorate: false, requiredKindPresent: false });
    expect(quorum.message).toBe("Not quorate: 4 of 6 members present but no tenant member");
  });
  it("needs no kind when the rule names none", () => {
    expect(computeQuorum({ quorumCount: 2, quorumRequiresKind: null }, 3, ["officer", "officer"]).message).toBe(
      "Quorate: 2 of 3 members",
    );
  });
  it("uses 'an' before a vowel", () => {
    expect(computeQuorum({ quorumCount: 1, quorumRequiresKind: "independent" }, 1, ["independent"]).message).toBe(
      "Quorate: 1 of 1 member, including an independent member",
    );
  });
});

describe("minute numbers", () => {
  it("formats prefix, two-digit year and sequence", () => {
    expect(formatMinuteNumber("PC", 2026, 14)).toBe("PC 26/14");
    expect(formatMinuteNumber("AP", 2105, 1)).toBe("AP 05/1");
  });
  it("parses what it formats and nothing else", () => {
    expect(parseMinuteNumber("PC 26/14")).toEqual({ prefix: "PC", year: 26, sequence: 14 });
    expect(parseMinuteNumber("PC 26-14")).toBeNull();
  });
  it("continues from the highest number of the same body and year", () => {
    expect(allocateMinuteNumbers("PC", 2026, ["PC 26/9", "PC 26/13", "PC 25/40", "AP 26/50"], 3)).toEqual([
      "PC 26/14",
      "PC 26/15",
      "PC 26/16",
    ]);
    expect(allocateMinuteNumbers("PC", 2027, ["PC 26/13"], 1)).toEqual(["PC 27/1"]);
  });
});

describe("action status", () => {
  it("reads an open action past its due date as overdue", () => {
    expect(shownActionStatus("on_track", "2026-11-01", "2026-11-23")).toBe("overdue");
    expect(shownActionStatus("on_track", "2026-11-23", "2026-11-23")).toBe("on_track");
    expect(shownActionStatus("complete", "2026-01-01", "2026-11-23")).toBe("complete");
  });
  it("takes today in the UK", () => {
    expect(ukToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(ukToday(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});

describe("agenda order", () => {
  const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("moves an item and keeps the rest in order", () => {
    expect(moveItem(items, "c", 0).map((i) => i.id)).toEqual(["c", "a", "b"]);
    expect(moveItem(items, "a", 5).map((i) => i.id)).toEqual(["b", "c", "a"]);
    expect(moveItem(items, "x", 0).map((i) => i.id)).toEqual(["a", "b", "c"]);
  });
  it("accepts a reorder only of exactly the same items", () => {
    expect(isPermutationOf(items, ["c", "b", "a"])).toBe(true);
    expect(isPermutationOf(items, ["c", "b"])).toBe(false);
    expect(isPermutationOf(items, ["c", "c", "a"])).toBe(false);
    expect(isPermutationOf(items, ["c", "b", "z"])).toBe(false);
  });
});

describe("votes", () => {
  it("carries a motion on a simple majority of those voting", () => {
    const tally = tallyVotes(["for", "for", "against", "abstain", "abstain"]);
    expect(tally).toEqual({ for: 2, against: 1, abstain: 2 });
    expect(motionResult(tally)).toBe("carried");
    expect(describeTally(tally)).toBe("2 for, 1 against, 2 abstentions");
  });
  it("loses a tie unless the chair's casting vote is for", () => {
    expect(motionResult({ for: 2, against: 2, abstain: 0 })).toBe("lost");
    expect(motionResult({ for: 2, against: 2, abstain: 0 }, "for")).toBe("carried");
    expect(motionResult({ for: 0, against: 0, abstain: 3 }, "for")).toBe("lost");
  });
});

describe("indicator movement", () => {
  it.each([
    ["off_target", "on_target", "improved"],
    ["within_tolerance", "off_target", "worsened"],
    ["off_target", "off_target", "unchanged"],
    ["no_data", "on_target", "unknown"],
    [null, "on_target", "unknown"],
  ] as const)("%s then, %s now: %s", (then, now, expected) => {
    expect(indicatorMovement(then, now)).toBe(expected);
  });
});

it("names the exempt paragraph in the public notice", () => {
  expect(exemptNotice(3)).toBe("Exempt information: not for publication (paragraph 3)");
});
