import { describe, expect, it } from "vitest";
import type { MemberKind } from "../vocabulary";
import { recordProblems, type RecordAttendee, type RecordInput, type RecordMotion } from "./record-consistency";

const SEATS: { userId: string; name: string; memberKind: MemberKind }[] = [
  { userId: "u1", name: "Ann Chair", memberKind: "councillor" },
  { userId: "u2", name: "Ben Vice", memberKind: "councillor" },
  { userId: "u3", name: "Carol Independent", memberKind: "independent" },
  { userId: "u4", name: "Dev Independent", memberKind: "independent" },
  { userId: "u5", name: "Erin Tenant", memberKind: "tenant" },
  { userId: "u6", name: "Femi Tenant", memberKind: "tenant" },
];

const at = (time: string) => new Date(`2026-10-19T${time}:00Z`);

const attendee = (userId: string, attendance: RecordAttendee["attendance"], extra: Partial<RecordAttendee> = {}) => ({
  userId,
  name: SEATS.find((s) => s.userId === userId)?.name ?? userId,
  capacity: "member" as const,
  attendance,
  arrivedAt: attendance === "present" ? at("17:55") : null,
  leftAt: null,
  ...extra,
});

const CONSISTENT_ATTENDANCE = [
  attendee("u1", "present"),
  attendee("u2", "present"),
  attendee("u3", "present"),
  attendee("u4", "apologies"),
  attendee("u5", "present"),
  attendee("u6", "absent"),
];

const MOTION: RecordMotion = {
  id: "m1",
  itemId: "i1",
  wording: "the report be noted.",
  status: "carried",
  votesFor: 4,
  votesAgainst: 0,
  abstentions: 0,
  decidedAt: at("19:20"),
};

function input(change: Partial<RecordInput> = {}): RecordInput {
  return {
    seats: SEATS,
    attendees: CONSISTENT_ATTENDANCE,
    rule: { quorumCount: 4, quorumRequiresKind: "tenant" },
    motions: [MOTION],
    declarations: [],
    actions: [{ itemId: "i1", action: "Report back on voids", ownerId: "u9", due: "2026-11-30" }],
    itemLabels: new Map([["i1", "PC 26/5"]]),
    inquorateReasons: new Map(),
    links: { attendance: "/m#attendance", item: (id) => `/m/session#${id}` },
    ...change,
  };
}

const replaceAttendee = (userId: string, row: RecordAttendee) =>
  CONSISTENT_ATTENDANCE.map((a) => (a.userId === userId ? row : a));

describe("the consistency of a meeting's record", () => {
  it.each<[string, Partial<RecordInput>, { kind: string; message: RegExp; href: string }[]]>([
    ["a consistent record", {}, []],
    [
      "a member with no attendance entry",
      { attendees: CONSISTENT_ATTENDANCE.filter((a) => a.userId !== "u6") },
      [{ kind: "attendance-missing", message: /^Femi Tenant has no attendance recorded/, href: "/m#attendance" }],
    ],
    [
      "a member still only expected",
      { attendees: replaceAttendee("u6", attendee("u6", "expected")) },
      [{ kind: "attendance-missing", message: /^Femi Tenant has no attendance recorded/, href: "/m#attendance" }],
    ],
    [
      "a member both present and sending apologies",
      { attendees: [...CONSISTENT_ATTENDANCE, attendee("u1", "apologies", { capacity: "officer" })] },
      [
        {
          kind: "attendance-twice",
          message: /^Ann Chair is on the attendance list more than once \(present and apologies\)/,
          href: "/m#attendance",
        },
      ],
    ],
    [
      "a resolution made after the only tenant left",
      {
        attendees: replaceAttendee("u5", attendee("u5", "present", { leftAt: at("19:00") })),
        motions: [{ ...MOTION, votesFor: 3 }],
      },
      [
        {
          kind: "inquorate",
          message: /^The resolution on PC 26\/5, “the report be noted\.” was made when the meeting was not quorate/,
          href: "/m#attendance",
        },
      ],
    ],
    [
      "a resolution made before a fourth member arrived",
      {
        attendees: replaceAttendee("u3", attendee("u3", "present", { arrivedAt: at("19:30") })),
        motions: [{ ...MOTION, votesFor: 3 }],
      },
      [{ kind: "inquorate", message: /3 of 6 members present, 4 needed/, href: "/m#attendance" }],
    ],
    [
      "an inquorate resolution the clerk records with a reason",
      {
        attendees: replaceAttendee("u5", attendee("u5", "present", { leftAt: at("19:00") })),
        motions: [{ ...MOTION, votesFor: 3 }],
        inquorateReasons: new Map([["m1", "Standing orders allow urgent decisions; ratified by the Board"]]),
      },
      [],
    ],
    [
      "a tally of more votes than members present",
      { motions: [{ ...MOTION, votesFor: 5 }] },
      [
        {
          kind: "tally-too-high",
          message: /counts 5 votes, but only 4 members were present and able to vote/,
          href: "/m/session#i1",
        },
      ],
    ],
    [
      "a tally counting a member who declared an interest",
      { declarations: [{ userId: "u3", itemId: "i1", kind: "personal" }] },
      [
        {
          kind: "tally-too-high",
          message: /counts 4 votes, but only 3 members were present and able to vote/,
          href: "/m/session#i1",
        },
      ],
    ],
    [
      "a resolution on an item a member left for (prejudicial interest): quorum is counted without them",
      { declarations: [{ userId: "u3", itemId: "i1", kind: "prejudicial" }], motions: [{ ...MOTION, votesFor: 3 }] },
      [
        {
          kind: "inquorate",
          message:
            /not quorate \(3 of 6 members present, 4 needed including a tenant member \(1 member left the meeting for this item\)\)/,
          href: "/m#attendance",
        },
      ],
    ],
    [
      "a prejudicial interest on another item leaves this resolution quorate",
      { declarations: [{ userId: "u3", itemId: "i2", kind: "prejudicial" }] },
      [],
    ],
    [
      "a vote still open",
      { motions: [{ ...MOTION, status: "open", decidedAt: null }] },
      [{ kind: "vote-open", message: /is still open/, href: "/m/session#i1" }],
    ],
    [
      "a withdrawn motion, which needs no quorum",
      { motions: [{ ...MOTION, status: "withdrawn", votesFor: 9 }], attendees: replaceAttendee("u5", attendee("u5", "absent")) },
      [],
    ],
    [
      "an agreed action with no owner and no date",
      { actions: [{ itemId: "i1", action: "Report back on voids", ownerId: "", due: "" }] },
      [{ kind: "action-incomplete", message: /“Report back on voids”, has no owner and no due date$/, href: "/m/session#i1" }],
    ],
    ["an empty action row, which is ignored", { actions: [{ itemId: "i1", action: "", ownerId: "", due: "" }] }, []],
  ])("%s", (_, change, expected) => {
    const problems = recordProblems(input(change));
    expect(problems.map(({ kind, message, href }) => ({ kind, message, href }))).toEqual(
      expected.map((e) => ({ kind: e.kind, message: expect.stringMatching(e.message), href: e.href })),
    );
  });

  it("names the resolution whose quorum failed, so the clerk can record a reason for it", () => {
    const [problem] = recordProblems(input({ attendees: replaceAttendee("u5", attendee("u5", "apologies")) }));
    expect(problem).toMatchObject({ kind: "inquorate", motionId: "m1" });
  });
});
