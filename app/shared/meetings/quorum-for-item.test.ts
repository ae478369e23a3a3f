import { describe, expect, it } from "vitest";
import { quorumForItem, type ItemDeclaration, type QuorumBasis } from "./quorum-for-item";

const basis = (kinds: QuorumBasis["present"][number]["memberKind"][], requires: "tenant" | null = null): QuorumBasis => ({
  rule: { quorumCount: 3, quorumRequiresKind: requires },
  members: 6,
  present: kinds.map((memberKind, i) => ({ userId: `u${i}`, memberKind })),
});

const declared = (userId: string, itemId: string, kind: ItemDeclaration["kind"]): ItemDeclaration => ({ userId, itemId, kind });

describe("quorumForItem", () => {
  const cases: {
    name: string;
    basis: QuorumBasis;
    declarations: ItemDeclaration[];
    itemId: string | null;
    quorate: boolean;
    present: number;
    left: string[];
    message: string;
  }[] = [
    {
      name: "no declarations: the meeting's quorum",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [],
      itemId: "a",
      quorate: true,
      present: 3,
      left: [],
      message: "Quorate: 3 of 6 members",
    },
    {
      name: "a prejudicial interest takes the member out of that item's quorum",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [declared("u0", "a", "prejudicial")],
      itemId: "a",
      quorate: false,
      present: 2,
      left: ["u0"],
      message: "Not quorate: 2 of 6 members present, 3 needed (1 member left the meeting for this item)",
    },
    {
      name: "but not out of another item's",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [declared("u0", "a", "prejudicial")],
      itemId: "b",
      quorate: true,
      present: 3,
      left: [],
      message: "Quorate: 3 of 6 members",
    },
    {
      name: "a personal interest: the member stays and counts",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [declared("u0", "a", "personal"), declared("u1", "a", "other")],
      itemId: "a",
      quorate: true,
      present: 3,
      left: [],
      message: "Quorate: 3 of 6 members",
    },
    {
      name: "the only tenant leaving makes the item inquorate on kind",
      basis: basis(["councillor", "tenant", "independent", "councillor"], "tenant"),
      declarations: [declared("u1", "a", "prejudicial")],
      itemId: "a",
      quorate: false,
      present: 3,
      left: ["u1"],
      message: "Not quorate: 3 of 6 members present but no tenant member (1 member left the meeting for this item)",
    },
    {
      name: "a declaration by someone not present changes nothing",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [declared("absent", "a", "prejudicial")],
      itemId: "a",
      quorate: true,
      present: 3,
      left: [],
      message: "Quorate: 3 of 6 members",
    },
    {
      name: "no item open: the meeting's quorum",
      basis: basis(["councillor", "tenant", "independent"]),
      declarations: [declared("u0", "a", "prejudicial")],
      itemId: null,
      quorate: true,
      present: 3,
      left: [],
      message: "Quorate: 3 of 6 members",
    },
    {
      name: "two leave",
      basis: basis(["councillor", "tenant", "independent", "councillor", "tenant"]),
      declarations: [declared("u0", "a", "prejudicial"), declared("u3", "a", "prejudicial")],
      itemId: "a",
      quorate: true,
      present: 3,
      left: ["u0", "u3"],
      message: "Quorate: 3 of 6 members (2 members left the meeting for this item)",
    },
  ];
  it.each(cases)("$name", (c) => {
    const quorum = quorumForItem(c.basis, c.declarations, c.itemId);
    expect(quorum.quorate).toBe(c.quorate);
    expect(quorum.present).toBe(c.present);
    expect(quorum.leftForItem).toEqual(c.left);
    expect(quorum.message).toBe(c.message);
  });
});
