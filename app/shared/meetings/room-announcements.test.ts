import { describe, expect, it } from "vitest";
import type { RoomMotion } from "./room-events";
import { floorAnnouncement, roomAnnouncements, voteClosed, voteOpened } from "./room-announcements";

const motion = (over: Partial<RoomMotion> = {}): RoomMotion => ({
  id: "m1",
  agendaItemId: "i1",
  wording: "the rent arrears recovery plan be approved.",
  method: "named",
  status: "open",
  tally: { for: 0, against: 0, abstain: 0 },
  votes: [],
  proposedAt: "2026-12-07T18:40:00.000Z",
  closedAt: null,
  ...over,
});

describe("room announcements", () => {
  it("says nothing on joining (the state arrives whole)", () => {
    expect(roomAnnouncements(null, { status: "in_session", motions: [motion()] })).toEqual([]);
  });

  it("announces a vote opening with its wording and how to vote", () => {
    expect(roomAnnouncements({ status: "in_session", motions: [] }, { status: "in_session", motions: [motion()] })).toEqual([
      "Voting is open. Proposed: that the rent arrears recovery plan be approved. Members vote For, Against or Abstain under Your vote.",
    ]);
    expect(voteOpened({ wording: "the report be noted.", method: "show_of_hands" })).toBe(
      "Voting is open. Proposed: that the report be noted. By a show of hands: the clerk counts.",
    );
  });

  it("does not announce each vote cast, only the close and its result", () => {
    const counted = motion({ tally: { for: 2, against: 0, abstain: 0 } });
    expect(
      roomAnnouncements({ status: "in_session", motions: [motion()] }, { status: "in_session", motions: [counted] }),
    ).toEqual([]);
    const carried = motion({ status: "carried", tally: { for: 4, against: 1, abstain: 1 }, closedAt: "2026-12-07T18:45:00Z" });
    expect(roomAnnouncements({ status: "in_session", motions: [counted] }, { status: "in_session", motions: [carried] })).toEqual(
      ["The vote has closed: carried, 4 for, 1 against, 1 abstention. RESOLVED that the rent arrears recovery plan be approved."],
    );
  });

  it("words a lost and a withdrawn motion as what they were", () => {
    expect(voteClosed(motion({ status: "lost", tally: { for: 1, against: 3, abstain: 0 } }))).toBe(
      "The vote has closed: lost, 1 for, 3 against, 0 abstentions. Motion (lost): that the rent arrears recovery plan be approved.",
    );
    expect(voteClosed(motion({ status: "withdrawn", tally: null }))).toBe(
      "The motion was withdrawn. Motion (withdrawn): that the rent arrears recovery plan be approved.",
    );
  });

  it("announces the meeting opening and closing once", () => {
    expect(roomAnnouncements({ status: "agenda_published", motions: [] }, { status: "in_session", motions: [] })).toEqual([
      "The meeting is open.",
    ]);
    expect(roomAnnouncements({ status: "in_session", motions: [] }, { status: "closed", motions: [] })).toEqual([
      "The meeting has closed.",
    ]);
    expect(roomAnnouncements({ status: "closed", motions: [] }, { status: "closed", motions: [] })).toEqual([]);
  });

  it("tells only the person called that they have the floor", () => {
    expect(floorAnnouncement({ userId: "u1" }, "u1")).toBe("The chair has given you the floor: you may speak now.");
    expect(floorAnnouncement({ userId: "u1" }, "u2")).toBeNull();
    expect(floorAnnouncement(null, "u2")).toBeNull();
  });
});
