import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAttendance } from "../../db/queries/meetings";
import { listRegisteredInterests } from "../../db/queries/members";
import { auditLog } from "../../db/schema/identity";
import { meetingAttendance, meetings } from "../../db/schema/meetings";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { sendApologies, withdrawApologies } from "./apology-commands";
import { setAttendance } from "./attendance-commands";
import { registerInterest, removeInterest } from "./interest-commands";

/*
 * Members helping themselves: apologies on the register with their reason, withdrawn,
 * refused once the meeting has closed or for a body one does not sit on; a register of
 * interests kept by its owner, never another organisation's.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MeetingFixture;
let other: MeetingFixture;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMeetingFixture(database.db, { status: "agenda_published" });
  other = await createMeetingFixture(database.db, { status: "agenda_published" });
}, 60_000);
afterAll(() => database.cleanup());

const actorOf = (person: { id: string; name: string }) => ({ userId: person.id, label: person.name });
const ref = (person: { id: string }) => ({ organisationId: fixture.org.id, meetingId: fixture.meeting.id, userId: person.id });
const rowOf = async (userId: string) =>
  (await listAttendance(database.db, fixture.meeting.id)).find((a) => a.userId === userId) ?? null;

describe("apologies", () => {
  it("puts the member on the register with apologies and their reason (a line is made when none existed), audited", async () => {
    const erin = fixture.seated.tenant1;
    const reason = "Yn yr ysbyty 🏥 – Tŷ Ŵyn";
    await sendApologies(database.db, { ...ref(erin), reason }, actorOf(erin));
    expect(await rowOf(erin.id)).toMatchObject({
      attendance: "apologies",
      apologyReason: reason,
      capacity: "member",
      memberKind: "tenant",
    });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "meeting.apologies.send"), eq(auditLog.actorUserId, erin.id)));
    expect(entry.after).toMatchObject({ reason, attendance: "apologies" });
  });

  it("withdraws them: expected again, the reason gone", async () => {
    const erin = fixture.seated.tenant1;
    await withdrawApologies(database.db, ref(erin), actorOf(erin));
    expect(await rowOf(erin.id)).toMatchObject({ attendance: "expected", apologyReason: "", apologiesSentAt: null });
    await expect(withdrawApologies(database.db, ref(erin), actorOf(erin))).rejects.toThrow(
      "You have not sent apologies for this meeting",
    );
  });

  it("updates the line the meeting was arranged with, and the clerk changing it takes the reason away", async () => {
    const carol = fixture.seated.independent1;
    await database.db.insert(meetingAttendance).values({
      meetingId: fixture.meeting.id,
      userId: carol.id,
      name: carol.name,
      capacity: "member",
      memberKind: "independent",
    });
    await sendApologies(database.db, { ...ref(carol), reason: "Working away" }, actorOf(carol));
    const row = (await rowOf(carol.id))!;
    expect(row).toMatchObject({ attendance: "apologies", apologyReason: "Working away" });
    await setAttendance(
      database.db,
      { organisationId: fixture.org.id, meetingId: fixture.meeting.id, attendeeId: row.id, attendance: "absent" },
      actorOf(fixture.officer),
    );
    expect(await rowOf(carol.id)).toMatchObject({ attendance: "absent", apologyReason: "" });
  });

  it("refuses someone without a seat, a missing reason, another organisation's meeting and a present member", async () => {
    await expect(
      sendApologies(database.db, { ...ref(fixture.officer), reason: "Busy" }, actorOf(fixture.officer)),
    ).rejects.toThrow("You do not sit on this meeting's committee or panel");
    const ben = fixture.seated.vice;
    await expect(sendApologies(database.db, { ...ref(ben), reason: " " }, actorOf(ben))).rejects.toThrow(/^Say why/);
    await expect(
      sendApologies(database.db, { ...ref(ben), meetingId: other.meeting.id, reason: "Busy" }, actorOf(ben)),
    ).rejects.toThrow("That meeting does not exist in this organisation");
    await database.db.insert(meetingAttendance).values({
      meetingId: fixture.meeting.id,
      userId: ben.id,
      name: ben.name,
      capacity: "member",
      attendance: "present",
    });
    await expect(sendApologies(database.db, { ...ref(ben), reason: "Busy" }, actorOf(ben))).rejects.toThrow(
      "You are recorded as present at this meeting",
    );
  });

  it("may be sent in session, and no longer once the meeting has closed", async () => {
    const dev = fixture.seated.independent2;
    await database.db.update(meetings).set({ status: "in_session" }).where(eq(meetings.id, fixture.meeting.id));
    await sendApologies(database.db, { ...ref(dev), reason: "Stuck on the M4" }, actorOf(dev));
    await database.db.update(meetings).set({ status: "closed" }).where(eq(meetings.id, fixture.meeting.id));
    await expect(withdrawApologies(database.db, ref(dev), actorOf(dev))).rejects.toThrow(/^The meeting has closed/);
    await expect(sendApologies(database.db, { ...ref(dev), reason: "Again" }, actorOf(dev))).rejects.toThrow(
      "The meeting has closed: apologies can no longer be sent",
    );
  });
});

describe("the register of interests", () => {
  it("adds and removes entries of one's own, keeping the removed ones with their date", async () => {
    const erin = fixture.seated.tenant1;
    const owner = { organisationId: fixture.org.id, userId: erin.id };
    const entry = await registerInterest(
      database.db,
      { ...owner, interest: "Director of Łódź Repairs Ltd 🔧", kind: "pecuniary" },
      actorOf(erin),
    );
    await registerInterest(
      database.db,
      { ...owner, interest: "Member of the Tenants' Federation", kind: "other" },
      actorOf(erin),
    );
    await removeInterest(database.db, { ...owner, interestId: entry.id }, actorOf(erin));
    const register = await listRegisteredInterests(database.db, fixture.org.id, erin.id);
    expect(register.map((r) => [r.interest, r.removedAt === null])).toEqual([
      ["Member of the Tenants' Federation", true],
      ["Director of Łódź Repairs Ltd 🔧", false],
    ]);
    await expect(removeInterest(database.db, { ...owner, interestId: entry.id }, actorOf(erin))).rejects.toThrow(
      /^That entry is not on your register/,
    );
  });

  it("never removes another person's or another organisation's entry, nor registers for a non-member", async () => {
    const erin = fixture.seated.tenant1;
    const [entry] = await listRegisteredInterests(database.db, fixture.org.id, erin.id);
    const femi = fixture.seated.tenant2;
    await expect(
      removeInterest(database.db, { organisationId: fixture.org.id, userId: femi.id, interestId: entry.id }, actorOf(femi)),
    ).rejects.toThrow(/^That entry is not on your register/);
    await expect(
      removeInterest(database.db, { organisationId: other.org.id, userId: erin.id, interestId: entry.id }, actorOf(erin)),
    ).rejects.toThrow(/^That entry is not on your register/);
    await expect(
      registerInterest(
        database.db,
        { organisationId: other.org.id, userId: erin.id, interest: "Shares", kind: "pecuniary" },
        actorOf(erin),
      ),
    ).rejects.toThrow("That person is not a member of this organisation");
  });
});
