import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgendaItems, listAttendance } from "../../db/queries/meetings";
import { clinicReferrals, meetings } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { PackNotReadyError } from "../packs/freeze-pack";
import { SharedDocuments } from "../realtime/yjs/shared-documents";
import {
  addAgendaItem,
  addStandardItem,
  moveAgendaItem,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItem,
} from "./agenda-commands";
import { addGuest, inviteOfficer, removeAttendee, setAttendance } from "./attendance-commands";
import { CommandError } from "./errors";
import { createMeeting, placeReferral, publishAgenda } from "./meeting-commands";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MeetingFixture;
let relets: { id: string };
let arrears: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  // A committee of six whose last meeting (in session on 23 November 2026) refers indicators to a clinic.
  fixture = await createMeetingFixture(database.db, { status: "in_session" });
  [relets, arrears] = await database.db
    .insert(indicators)
    .values([
      {
        organisationId: fixture.org.id,
        code: "BV212",
        title: "Average time to re-let empty homes",
        category: "national",
        unit: "days",
        polarity: "lower",
        frequency: "monthly",
        aggregation: "mean",
        ownerUserId: fixture.officer.id,
      },
      {
        organisationId: fixture.org.id,
        code: "BV66a",
        title: "Rent collected",
        category: "national",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "ratio",
      },
    ])
    .returning();
});
afterAll(() => database.cleanup());

const refer = async (indicatorId: string) => {
  const [referral] = await database.db
    .insert(clinicReferrals)
    .values({
      organisationId: fixture.org.id,
      bodyId: fixture.body.id,
      fromMeetingId: fixture.meeting.id,
      indicatorId,
      reason: "Third month off target",
    })
    .returning();
  return referral;
};

const newMeeting = (change: Record<string, unknown> = {}) => ({
  organisationId: fixture.org.id,
  bodyId: fixture.body.id,
  kind: "",
  title: "",
  date: "2027-01-21",
  time: "18:00",
  place: "Committee Room 1, Civic Centre",
  onlineLink: "",
  ...change,
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return { field: (error as CommandError).field, message: (error as CommandError).message };
}

describe("createMeeting", () => {
  it("adds the standard opening items, expects every seat, and places waiting clinic referrals", async () => {
    const referral = await refer(relets.id);
    const meeting = await createMeeting(database.db, newMeeting(), SYSTEM_ACTOR);

    // Kind and title default from the body; 18:00 in January is 18:00 UTC.
    expect(meeting).toMatchObject({
      kind: "committee",
      title: "Performance Committee",
      status: "draft",
      startsAt: new Date("2027-01-21T18:00:00Z"),
    });
    const items = await listAgendaItems(database.db, meeting.id);
    expect(items.map((i) => [i.position, i.kind, i.title])).toEqual([
      [1, "apologies", "Apologies for absence"],
      [2, "declarations", "Declarations of interest"],
      [3, "previous_minutes", "Minutes of the last meeting"],
      [4, "action_log", "Review of the action log"],
      [5, "performance_clinic", "Performance clinic: BV212 Average time to re-let empty homes"],
    ]);
    expect(items[4]).toMatchObject({ referralId: referral.id, options: { indicatorIds: [relets.id] }, presenter: "Olu Officer" });
    const [placed] = await database.db.select().from(clinicReferrals).where(eq(clinicReferrals.id, referral.id));
    expect(placed.placedOnMeetingId).toBe(meeting.id);

    const attendance = await listAttendance(database.db, meeting.id);
    expect(attendance).toHaveLength(6);
    expect(attendance.every((a) => a.capacity === "member" && a.attendance === "expected")).toBe(true);
    expect(
      attendance
        .filter((a) => a.memberKind === "tenant")
        .map((a) => a.name)
        .sort(),
    ).toEqual(["Erin Tenant", "Femi Tenant"]);
  });

  it("takes the start time as UK local time in summer", async () => {
    const meeting = await createMeeting(
      database.db,
      newMeeting({ date: "2027-06-17", time: "18:30", kind: "performance_clinic", title: "Repairs clinic" }),
      SYSTEM_ACTOR,
    );
    expect(meeting).toMatchObject({
      kind: "performance_clinic",
      title: "Repairs clinic",
      startsAt: new Date("2027-06-17T17:30:00Z"),
    });
  });

  it.each([
    [{ bodyId: "" }, "bodyId", /Choose the committee or panel/],
    [{ date: "2027-02-30" }, "date", /real date/],
    [{ time: "6pm" }, "time", /24-hour clock/],
    [{ date: "2027-03-28", time: "01:30" }, "time", /clocks go forward/],
    [{ place: "", onlineLink: "" }, "place", /where the meeting is held, an online link, or both/],
    [{ onlineLink: "http://meet.example/pc" }, "onlineLink", /starting https:\/\//],
    [{ onlineLink: "javascript:alert(1)" }, "onlineLink", /starting https:\/\//],
    [{ kind: "party" }, "kind", /kind of meeting/],
  ])("refuses %j, naming the field", async (change, field, message) => {
    const result = await refusal(createMeeting(database.db, newMeeting(change), SYSTEM_ACTOR));
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
  });

  it("refuses another organisation's body", async () => {
    const other = await createMeetingFixture(database.db);
    expect(await refusal(createMeeting(database.db, newMeeting({ bodyId: other.body.id }), SYSTEM_ACTOR))).toMatchObject({
      field: "bodyId",
    });
  });
});

describe("placeReferral", () => {
  it("puts a referral on the body's next meeting, before any other business, once", async () => {
    const next = await createMeeting(database.db, newMeeting({ date: "2026-12-10" }), SYSTEM_ACTOR);
    await addAgendaItem(
      database.db,
      { organisationId: fixture.org.id, meetingId: next.id, item: { kind: "any_other_business" } },
      SYSTEM_ACTOR,
    );
    const referral = await refer(arrears.id);
    const placement = await placeReferral(database.db, referral.id);
    expect(placement?.meetingId).toBe(next.id);
    const items = await listAgendaItems(database.db, next.id);
    expect(items.map((i) => i.kind)).toEqual([
      "apologies",
      "declarations",
      "previous_minutes",
      "action_log",
      "performance_clinic",
      "any_other_business",
    ]);
    expect(items[4]).toMatchObject({
      id: placement?.agendaItemId,
      referralId: referral.id,
      options: { indicatorIds: [arrears.id] },
    });
    expect(await placeReferral(database.db, referral.id)).toEqual(placement);
    expect(await listAgendaItems(database.db, next.id)).toHaveLength(6);
  });

  it("leaves a referral waiting when the body has no meeting to come", async () => {
    const other = await createMeetingFixture(database.db, { status: "closed" });
    const [indicator] = await database.db
      .insert(indicators)
      .values({
        organisationId: other.org.id,
        code: "NI158",
        title: "Non-decent homes",
        category: "national",
        unit: "%",
        polarity: "lower",
        frequency: "annual",
        aggregation: "ratio",
      })
      .returning();
    const [referral] = await database.db
      .insert(clinicReferrals)
      .values({ organisationId: other.org.id, bodyId: other.body.id, fromMeetingId: other.meeting.id, indicatorId: indicator.id })
      .returning();
    expect(await placeReferral(database.db, referral.id)).toBeNull();
    const [waiting] = await database.db.select().from(clinicReferrals).where(eq(clinicReferrals.id, referral.id));
    expect(waiting.placedOnMeetingId).toBeNull();
  });
});

describe("the agenda", () => {
  let meetingId: string;
  const ref = () => ({ organisationId: fixture.org.id, meetingId });
  const order = async () => (await listAgendaItems(database.db, meetingId)).map((i) => i.title);

  beforeAll(async () => {
    const other = await createMeeting(database.db, newMeeting({ date: "2027-03-18" }), SYSTEM_ACTOR);
    meetingId = other.id;
  });

  it("adds items with their options and checks them", async () => {
    const item = await addAgendaItem(
      database.db,
      {
        ...ref(),
        item: {
          kind: "scorecard_review",
          title: "",
          presenter: "Head of Performance",
          minutesAllowed: "20",
          period: "2026-10",
          indicatorSet: "top-ten",
        },
      },
      SYSTEM_ACTOR,
    );
    expect(item).toMatchObject({
      title: "Scorecard review",
      minutesAllowed: 20,
      options: { period: "2026-10", tenantTopTen: true, themeId: null, areaId: null },
    });
    const exempt = await addAgendaItem(
      database.db,
      {
        ...ref(),
        item: {
          kind: "report",
          title: "Disposal of garage sites",
          exempt: "on",
          exemptParagraph: "3",
          exemptReason: "Commercial terms under negotiation",
        },
      },
      SYSTEM_ACTOR,
    );
    expect(exempt).toMatchObject({ exempt: true, exemptParagraph: 3, position: 6 });

    expect(
      await refusal(addAgendaItem(database.db, { ...ref(), item: { kind: "report", title: "" } }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "title" });
    expect(
      await refusal(
        addAgendaItem(database.db, { ...ref(), item: { kind: "report", title: "Confidential", exempt: "on" } }, SYSTEM_ACTOR),
      ),
    ).toMatchObject({ field: "exemptParagraph" });
    expect(
      await refusal(
        addAgendaItem(
          database.db,
          { ...ref(), item: { kind: "report", title: "C", exempt: "on", exemptParagraph: "8", exemptReason: "x" } },
          SYSTEM_ACTOR,
        ),
      ),
    ).toMatchObject({ field: "exemptParagraph" });
    expect(await refusal(addAgendaItem(database.db, { ...ref(), item: { kind: "exceptions" } }, SYSTEM_ACTOR))).toMatchObject({
      field: "period",
    });
    expect(
      await refusal(addAgendaItem(database.db, { ...ref(), item: { kind: "performance_clinic" } }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "indicatorIds" });
    const other = await createMeetingFixture(database.db);
    const [foreign] = await database.db
      .insert(indicators)
      .values({
        organisationId: other.org.id,
        code: "X1",
        title: "Elsewhere",
        category: "local",
        unit: "count",
        polarity: "none",
        frequency: "monthly",
        aggregation: "sum",
      })
      .returning();
    expect(
      await refusal(
        addAgendaItem(
          database.db,
          { ...ref(), item: { kind: "performance_clinic", indicatorIds: `${relets.id},${foreign.id}` } },
          SYSTEM_ACTOR,
        ),
      ),
    ).toMatchObject({
      field: "indicatorIds",
    });
  });

  it("changes an item, dropping the exemption's paragraph when it is no longer exempt", async () => {
    const items = await listAgendaItems(database.db, meetingId);
    const exempt = items.find((i) => i.exempt)!;
    const changed = await updateAgendaItem(
      database.db,
      { ...ref(), itemId: exempt.id, item: { kind: "report", title: "Garage sites", exempt: "", exemptParagraph: "3" } },
      SYSTEM_ACTOR,
    );
    expect(changed).toMatchObject({ title: "Garage sites", exempt: false, exemptParagraph: null, exemptReason: "" });
  });

  it("moves an item up and down, staying put at the ends", async () => {
    const items = await listAgendaItems(database.db, meetingId);
    const last = items.at(-1)!;
    expect(await moveAgendaItem(database.db, { ...ref(), itemId: last.id, direction: "up" }, SYSTEM_ACTOR)).toMatchObject({
      position: 5,
      total: 6,
    });
    expect((await order()).slice(-2)).toEqual(["Garage sites", "Scorecard review"]);
    const first = items[0];
    expect(await moveAgendaItem(database.db, { ...ref(), itemId: first.id, direction: "up" }, SYSTEM_ACTOR)).toMatchObject({
      position: 1,
    });
  });

  it("reorders only by a permutation of the current items, rewriting positions 1..n", async () => {
    const items = await listAgendaItems(database.db, meetingId);
    const ids = items.map((i) => i.id);
    const reversed = [...ids].reverse();
    await reorderAgenda(database.db, { ...ref(), order: reversed }, SYSTEM_ACTOR);
    const after = await listAgendaItems(database.db, meetingId);
    expect(after.map((i) => i.id)).toEqual(reversed);
    expect(after.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6]);

    for (const stale of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), fixture.items[0].id], [ids[0], ...ids.slice(0, -1)]]) {
      expect(await refusal(reorderAgenda(database.db, { ...ref(), order: stale }, SYSTEM_ACTOR))).toMatchObject({
        field: "order",
        message: expect.stringContaining("nothing was moved"),
      });
    }
    expect((await listAgendaItems(database.db, meetingId)).map((i) => i.id)).toEqual(reversed);
  });

  it("removes an item, closing the gap, and puts a standard item back in its place", async () => {
    await reorderAgenda(
      database.db,
      { ...ref(), order: [...(await listAgendaItems(database.db, meetingId))].reverse().map((i) => i.id) },
      SYSTEM_ACTOR,
    );
    const declarations = (await listAgendaItems(database.db, meetingId)).find((i) => i.kind === "declarations")!;
    await removeAgendaItem(database.db, { ...ref(), itemId: declarations.id }, SYSTEM_ACTOR);
    const rest = await listAgendaItems(database.db, meetingId);
    expect(rest.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(rest.some((i) => i.kind === "declarations")).toBe(false);

    const back = await addStandardItem(database.db, { ...ref(), kind: "declarations" }, SYSTEM_ACTOR);
    expect(back.position).toBe(2);
    expect((await listAgendaItems(database.db, meetingId)).slice(0, 4).map((i) => i.kind)).toEqual([
      "apologies",
      "declarations",
      "previous_minutes",
      "action_log",
    ]);
    expect(await refusal(addStandardItem(database.db, { ...ref(), kind: "declarations" }, SYSTEM_ACTOR))).toMatchObject({
      field: "kind",
    });
  });

  it("puts a removed referral's clinic back to waiting", async () => {
    const referral = await refer(relets.id);
    const placement = await placeReferral(database.db, referral.id);
    expect(placement).not.toBeNull();
    await removeAgendaItem(
      database.db,
      { organisationId: fixture.org.id, meetingId: placement!.meetingId, itemId: placement!.agendaItemId },
      SYSTEM_ACTOR,
    );
    const [waiting] = await database.db.select().from(clinicReferrals).where(eq(clinicReferrals.id, referral.id));
    expect(waiting.placedOnMeetingId).toBeNull();
  });

  it("publishes the agenda as its pack, a supplementary version only with a reason, and then refuses changes once the meeting opens", async () => {
    const services = { db: database.db, documents: new SharedDocuments(database.db) };
    const clerk = { ...SYSTEM_ACTOR, name: "The clerk" };
    // Refused with what is missing, each line linking to where it is put right.
    const refused = await publishAgenda(services, ref(), clerk).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PackNotReadyError);
    const reports = (await listAgendaItems(database.db, meetingId)).filter((i) => i.kind === "report");
    expect((refused as PackNotReadyError).gaps).toEqual(
      reports.map((r) => ({
        sectionId: `item-${r.position}`,
        message: `Item ${r.position}, ${r.title}: no cover report has been written`,
        href: `/o/${fixture.org.slug}/meetings/${meetingId}/reports/${r.id}`,
      })),
    );
    const [unpublished] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(unpublished.status).toBe("draft");
    for (const report of reports) await removeAgendaItem(database.db, { ...ref(), itemId: report.id }, SYSTEM_ACTOR);
    expect((await publishAgenda(services, ref(), clerk)).version).toBe(1);
    const [published] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(published.status).toBe("agenda_published");
    expect(await refusal(publishAgenda(services, ref(), clerk))).toMatchObject({
      message: "Say why this supplementary agenda pack is being published",
    });
    expect((await publishAgenda(services, { ...ref(), reason: "A late report" }, clerk)).version).toBe(2);
    // Still editable once published; not once open.
    await addAgendaItem(database.db, { ...ref(), item: { kind: "any_other_business" } }, SYSTEM_ACTOR);
    await database.db.update(meetings).set({ status: "in_session" }).where(eq(meetings.id, meetingId));
    expect(
      await refusal(addAgendaItem(database.db, { ...ref(), item: { kind: "any_other_business" } }, SYSTEM_ACTOR)),
    ).toMatchObject({
      message: "The agenda can no longer change: the meeting has opened",
    });
    const ids = (await listAgendaItems(database.db, meetingId)).map((i) => i.id);
    expect(await refusal(reorderAgenda(database.db, { ...ref(), order: [...ids].reverse() }, SYSTEM_ACTOR))).toMatchObject({
      field: "form",
    });
  });
});

describe("attendance before the meeting", () => {
  it("records apologies, invites an officer once, adds and removes a guest, and keeps members on the list", async () => {
    const meeting = await createMeeting(database.db, newMeeting({ date: "2027-05-20" }), SYSTEM_ACTOR);
    const ref = { organisationId: fixture.org.id, meetingId: meeting.id };
    const list = () => listAttendance(database.db, meeting.id);
    const tenant = (await list()).find((a) => a.name === "Erin Tenant")!;
    await setAttendance(database.db, { ...ref, attendeeId: tenant.id, attendance: "apologies" }, SYSTEM_ACTOR);
    expect(
      await refusal(setAttendance(database.db, { ...ref, attendeeId: tenant.id, attendance: "present" }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "attendance" });

    await inviteOfficer(database.db, { ...ref, userId: fixture.officer.id }, SYSTEM_ACTOR);
    expect(await refusal(inviteOfficer(database.db, { ...ref, userId: fixture.officer.id }, SYSTEM_ACTOR))).toEqual({
      field: "userId",
      message: "Olu Officer is already on the attendance list",
    });
    const guest = await addGuest(database.db, { ...ref, name: "Jo Auditor" }, SYSTEM_ACTOR);
    expect(await refusal(addGuest(database.db, { ...ref, name: " " }, SYSTEM_ACTOR))).toMatchObject({ field: "name" });
    expect((await list()).map((a) => [a.name, a.capacity, a.attendance])).toEqual(
      expect.arrayContaining([
        ["Erin Tenant", "member", "apologies"],
        ["Olu Officer", "officer", "expected"],
        ["Jo Auditor", "guest", "expected"],
      ]),
    );
    await removeAttendee(database.db, { ...ref, attendeeId: guest.id }, SYSTEM_ACTOR);
    expect(await refusal(removeAttendee(database.db, { ...ref, attendeeId: tenant.id }, SYSTEM_ACTOR))).toMatchObject({
      field: "attendeeId",
    });
    expect(await list()).toHaveLength(7);
  });
});
