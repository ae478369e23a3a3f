import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMeetingWithPeople, findMeetingWithPerson } from "../../db/queries/meetings";
import { memberships, users } from "../../db/schema/identity";
import { meetingAttendance } from "../../db/schema/meetings";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { createSession, findSession, findSessions } from "../auth/sessions";
import { recordArrivals, recordDepartures } from "./meeting-room-commands";

/*
 * The writes and reads the session room makes for many people at once (a venue's
 * network comes back and a thousand people rejoin): each gives what the one-person
 * version gives, for everyone.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MeetingFixture;
let unseatedMember: { id: string; name: string };
let listedGuest: { id: string; name: string };
let outsider: { id: string; name: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  fixture = await createMeetingFixture(db, { status: "in_session" });
  [unseatedMember, listedGuest, outsider] = await db
    .insert(users)
    .values([
      { email: "no.seat@room.example", name: "Nia Noseat" },
      { email: "guest@room.example", name: "Gus Guest" },
      { email: "outsider@elsewhere.example", name: "Oscar Outsider" },
    ])
    .returning({ id: users.id, name: users.name });
  await db
    .insert(memberships)
    .values(
      [unseatedMember, listedGuest].map((p) => ({ organisationId: fixture.org.id, userId: p.id, role: "member" as const })),
    );
  // Invited as a guest before the meeting: on the list, not yet present.
  await db
    .insert(meetingAttendance)
    .values({ meetingId: fixture.meeting.id, userId: listedGuest.id, name: listedGuest.name, capacity: "guest" });
});
afterAll(() => database.cleanup());

describe("recordArrivals", () => {
  it("marks everyone who arrived together present in one go, as recordArrival would each of them", async () => {
    const { db } = database;
    const { chair, tenant1 } = fixture.seated;
    const as = (p: { id: string; name: string }, role: "member" | "officer" | "viewer", seated = false) => ({
      userId: p.id,
      name: p.name,
      role,
      seat: seated ? { position: "member" as const, memberKind: "tenant" as const } : null,
    });
    const rows = await recordArrivals(db, fixture.meeting.id, [
      { ...as(chair, "member"), seat: { position: "chair", memberKind: "councillor" } },
      // A second tab of the chair's, arriving with them.
      { ...as(chair, "member"), seat: { position: "chair", memberKind: "councillor" } },
      as(tenant1, "member", true),
      as(fixture.officer, "officer"),
      as(fixture.viewer, "viewer"),
      as(listedGuest, "member"),
      as(unseatedMember, "member"),
    ]);
    expect(
      Object.fromEntries([...rows.values()].map((r) => [r.name, [r.capacity, r.memberKind, r.attendance, r.leftAt]])),
    ).toEqual({
      [chair.name]: ["member", "councillor", "present", null],
      [tenant1.name]: ["member", "tenant", "present", null],
      [fixture.officer.name]: ["officer", null, "present", null],
      [listedGuest.name]: ["guest", null, "present", null],
    });

    // They leave and come back: the departure is cleared, the first arrival kept.
    const firstArrival = rows.get(chair.id)!.arrivedAt;
    await recordDepartures(db, fixture.meeting.id, [chair.id, tenant1.id]);
    const back = await recordArrivals(db, fixture.meeting.id, [
      { ...as(chair, "member"), seat: { position: "chair", memberKind: "councillor" } },
      as(tenant1, "member", true),
    ]);
    expect(back.get(chair.id)).toMatchObject({ attendance: "present", leftAt: null, arrivedAt: firstArrival });
    expect(back.get(tenant1.id)?.leftAt).toBeNull();
    expect(await recordArrivals(db, fixture.meeting.id, [as(fixture.viewer, "viewer")])).toEqual(new Map());
  });
});

describe("findMeetingWithPeople", () => {
  it("answers for each person what findMeetingWithPerson answers, in one call", async () => {
    const { db } = database;
    const people = [fixture.seated.chair, fixture.seated.tenant2, fixture.officer, fixture.viewer, unseatedMember, outsider];
    const found = await findMeetingWithPeople(
      db,
      fixture.meeting.id,
      people.map((p) => p.id),
    );
    for (const p of people) expect(found.get(p.id)).toEqual(await findMeetingWithPerson(db, fixture.meeting.id, p.id));
    expect(found.get(outsider.id)?.role).toBeNull();
    expect(found.get(fixture.seated.tenant2.id)?.seat).toEqual({ position: "member", memberKind: "tenant" });
    expect(await findMeetingWithPeople(db, "00000000-0000-4000-8000-000000000000", [outsider.id])).toEqual(new Map());
  });
});

describe("findSessions", () => {
  it("finds the live sessions of many tokens at once, as findSession does one", async () => {
    const { db } = database;
    const chairs = await createSession(db, fixture.seated.chair.id);
    const officers = await createSession(db, fixture.officer.id);
    const expired = await createSession(db, fixture.viewer.id, new Date("2020-01-01T00:00:00Z"));
    const found = await findSessions(db, [chairs.token, officers.token, expired.token, "no-such-token"]);
    expect([...found.keys()].sort()).toEqual([chairs.token, officers.token].sort());
    expect(found.get(chairs.token)).toEqual(await findSession(db, chairs.token));
    expect(found.get(officers.token)?.user).toMatchObject({ id: fixture.officer.id, name: fixture.officer.name });
    expect(await findSession(db, expired.token)).toBeNull();
  });
});
