import { describe, expect, it } from "vitest";
import type { MeetingRoomState, RoomMotion } from "../../shared/meetings/room-events";
import { applyRoomEvent, viewedItem } from "./meeting-room-reducer";

const motion = (id: string, status: RoomMotion["status"] = "open"): RoomMotion => ({
  id,
  agendaItemId: "item-5",
  wording: "the report be noted.",
  method: "named",
  status,
  tally: { for: 0, against: 0, abstain: 0 },
  votes: [],
  proposedAt: "2026-11-23T18:00:00.000Z",
  closedAt: null,
});

const joined: MeetingRoomState = {
  meetingId: "m1",
  status: "in_session",
  currentItemId: "item-1",
  seq: 100,
  presence: [],
  quorum: { quorate: false, present: 0, members: 6, required: 4, requiredKindPresent: false, message: "Not quorate" },
  quorumBasis: { rule: { quorumCount: 4, quorumRequiresKind: null }, members: 6, present: [] },
  queue: [],
  declarations: [],
  apologies: [],
  motions: [motion("a")],
  you: {
    userId: "u1",
    permissions: {
      manage: false,
      chair: false,
      participate: true,
      vote: true,
      writeMinutes: true,
      suggestMinutes: false,
      removeRecordEntries: false,
    },
    declaredOn: [],
    cannotVoteOn: [],
    cannotWriteMinutesFor: [],
  },
};

describe("applyRoomEvent", () => {
  it("takes the server's state whole on joining, and ignores events before it", () => {
    expect(applyRoomEvent(null, { type: "moved", event: { meetingId: "m1", itemId: "item-2", seq: 200 } })).toBeNull();
    expect(applyRoomEvent(null, { type: "joined", state: joined })).toBe(joined);
  });

  it.each([
    { seq: 101, itemId: "item-2", expected: "item-2", why: "a newer move is followed" },
    { seq: 100, itemId: "item-2", expected: "item-1", why: "a move already in the snapshot is ignored" },
    { seq: 50, itemId: "item-3", expected: "item-1", why: "an older move never undoes a newer one" },
  ])("$why", ({ seq, itemId, expected }) => {
    expect(applyRoomEvent(joined, { type: "moved", event: { meetingId: "m1", itemId, seq } })?.currentItemId).toBe(expected);
  });

  it("keeps a move that overtook a fresh snapshot, and keeps the person's own permissions", () => {
    const moved = applyRoomEvent(joined, { type: "moved", event: { meetingId: "m1", itemId: "item-4", seq: 300 } })!;
    const { you: _you, ...snapshot } = { ...joined, status: "closed" as const, seq: 250, currentItemId: "item-3" };
    const next = applyRoomEvent(moved, { type: "state", snapshot })!;
    expect(next).toMatchObject({ status: "closed", currentItemId: "item-4", seq: 300, you: joined.you });
  });

  it("replaces a changed motion in place and adds a new one at the end", () => {
    const closed = applyRoomEvent(joined, { type: "motion", event: { meetingId: "m1", motion: motion("a", "carried") } })!;
    const added = applyRoomEvent(closed, { type: "motion", event: { meetingId: "m1", motion: motion("b") } })!;
    expect(added.motions.map((m) => [m.id, m.status])).toEqual([
      ["a", "carried"],
      ["b", "open"],
    ]);
  });

  it("ignores events of another meeting", () => {
    expect(
      applyRoomEvent(joined, {
        type: "queue",
        event: { meetingId: "m2", queue: [{ requestId: "r", userId: "u", name: "X", raisedAt: "" }] },
      }),
    ).toBe(joined);
  });
});

describe("viewedItem", () => {
  it("is the chair's item while following, and the browsed item otherwise", () => {
    expect(viewedItem(true, "item-9", "item-2")).toBe("item-2");
    expect(viewedItem(false, "item-9", "item-2")).toBe("item-9");
  });
});
