import type { Database } from "../../db/client";
import { memberships, users, type Role } from "../../db/schema/identity";
import { organisations } from "../../db/schema/identity";
import {
  agendaItems,
  bodies,
  bodyMembers,
  meetingAttendance,
  meetings,
  type AgendaItemKind,
  type MeetingStatus,
  type MemberKind,
  type SeatPosition,
} from "../../db/schema/meetings";

/*
 * Test data for meetings, inserted directly (no passwords, no audit): an organisation
 * with a committee of six (chair, vice-chair, four members; two councillors, two
 * independents, two tenants), an officer, an admin, a viewer, and one meeting with a
 * short agenda. Tests that need the commands' own checks call the commands instead.
 */

type Person = { id: string; name: string; email: string; role: Role };

const SEATS: { key: string; name: string; position: SeatPosition; kind: MemberKind }[] = [
  { key: "chair", name: "Cllr Ann Chair", position: "chair", kind: "councillor" },
  { key: "vice", name: "Cllr Ben Vice", position: "vice_chair", kind: "councillor" },
  { key: "independent1", name: "Carol Independent", position: "member", kind: "independent" },
  { key: "independent2", name: "Dev Independent", position: "member", kind: "independent" },
  { key: "tenant1", name: "Erin Tenant", position: "member", kind: "tenant" },
  { key: "tenant2", name: "Femi Tenant", position: "member", kind: "tenant" },
];

let counter = 0;

async function person(db: Database, organisationId: string, name: string, role: Role): Promise<Person> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${counter}@factory.example`;
  const [user] = await db.insert(users).values({ email, name }).returning();
  await db.insert(memberships).values({ organisationId, userId: user.id, role });
  return { id: user.id, name, email, role };
}

export type MeetingFixture = Awaited<ReturnType<typeof createMeetingFixture>>;

export async function createMeetingFixture(
  db: Database,
  options: { slug?: string; status?: MeetingStatus; items?: AgendaItemKind[]; startsAt?: Date } = {},
) {
  counter += 1;
  const slug = options.slug ?? `meeting-org-${counter}`;
  const [org] = await db
    .insert(organisations)
    .values({ slug, name: `Meeting Org ${counter}` })
    .returning();
  const [body] = await db
    .insert(bodies)
    .values({
      organisationId: org.id,
      name: "Performance Committee",
      kind: "committee",
      minutePrefix: "PC",
      quorumCount: 4,
      quorumRequiresKind: "tenant",
    })
    .returning();
  const seated: Record<string, Person> = {};
  for (const seat of SEATS) {
    const p = await person(db, org.id, seat.name, "member");
    await db.insert(bodyMembers).values({ bodyId: body.id, userId: p.id, position: seat.position, memberKind: seat.kind });
    seated[seat.key] = p;
  }
  const officer = await person(db, org.id, "Olu Officer", "officer");
  const admin = await person(db, org.id, "Ada Admin", "admin");
  const viewer = await person(db, org.id, "Vic Viewer", "viewer");
  const [meeting] = await db
    .insert(meetings)
    .values({
      organisationId: org.id,
      bodyId: body.id,
      kind: "committee",
      title: "Performance Committee",
      startsAt: options.startsAt ?? new Date("2026-11-23T18:00:00Z"),
      place: "Committee Room 1, Civic Centre",
      status: options.status ?? "in_session",
    })
    .returning();
  const kinds = options.items ?? [
    "apologies",
    "declarations",
    "previous_minutes",
    "action_log",
    "scorecard_review",
    "any_other_business",
  ];
  const items = await db
    .insert(agendaItems)
    .values(
      kinds.map((kind, index) => ({ meetingId: meeting.id, position: index + 1, kind, title: `Item ${index + 1}: ${kind}` })),
    )
    .returning();
  return { org, body, meeting, items: items.sort((a, b) => a.position - b.position), seated, officer, admin, viewer };
}

/** Five members came, one (the second independent) sent apologies: the attendance a clerk would have taken. */
export async function takeAttendance(db: Database, fixture: MeetingFixture) {
  for (const [key, person] of Object.entries(fixture.seated)) {
    await db.insert(meetingAttendance).values({
      meetingId: fixture.meeting.id,
      userId: person.id,
      name: person.name,
      capacity: "member",
      memberKind: key.startsWith("tenant") ? "tenant" : key.startsWith("independent") ? "independent" : "councillor",
      attendance: key === "independent2" ? "apologies" : "present",
    });
  }
}
