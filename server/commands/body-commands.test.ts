import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBodyMembers } from "../../db/queries/meetings";
import { auditLog } from "../../db/schema/identity";
import { bodies, meetingAttendance } from "../../db/schema/meetings";
import { areas } from "../../db/schema/performance";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { SYSTEM_ACTOR } from "../audit";
import { createBody, removeSeat, setSeat, updateBody } from "./body-commands";
import { CommandError } from "./errors";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MeetingFixture;
let areaId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // An organisation with a Performance Committee (prefix PC) of six, and a meeting in draft.
  fixture = await createMeetingFixture(database.db, { status: "draft" });
  [{ id: areaId }] = await database.db
    .insert(areas)
    .values({ organisationId: fixture.org.id, name: "North", homes: 4200 })
    .returning();
});
afterAll(() => database.cleanup());

const panel = () => ({
  organisationId: fixture.org.id,
  name: "North Area Panel",
  kind: "area_panel",
  minutePrefix: "nap",
  termsOfReference: "Watches lettings, empty homes, repairs and rent collection in the North area.",
  quorumCount: "3",
  quorumRequiresKind: "tenant",
  areaId,
});

/** The refusal a command throws: its message and the field it belongs to. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return { field: (error as CommandError).field, message: (error as CommandError).message };
}

describe("createBody", () => {
  it("creates an area panel from what the form sends, with its area and an upper-case prefix, and audits it", async () => {
    const body = await createBody(database.db, panel(), SYSTEM_ACTOR);
    expect(body).toMatchObject({
      name: "North Area Panel",
      kind: "area_panel",
      minutePrefix: "NAP",
      quorumCount: 3,
      quorumRequiresKind: "tenant",
      areaId,
    });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "body.create"), eq(auditLog.subjectId, body.id)));
    expect(entry).toBeDefined();
  });

  it.each([
    [{ name: "  " }, "name", /Enter the name/],
    [{ kind: "board" }, "kind", /Choose the kind of body/],
    [{ minutePrefix: "P1" }, "minutePrefix", /1 to 6 letters/],
    [{ minutePrefix: "TOOLONG" }, "minutePrefix", /1 to 6 letters/],
    [{ quorumCount: "0" }, "quorumCount", /whole number of members, from 1 to 50/],
    [{ quorumCount: "two" }, "quorumCount", /whole number/],
    [{ quorumRequiresKind: "mayor" }, "quorumRequiresKind", /Choose a kind of member/],
    [{ areaId: "" }, "areaId", /Choose the area the panel covers/],
  ])("refuses %j, naming the field", async (change, field, message) => {
    const { field: refusedField, message: refusedMessage } = await refusal(
      createBody(database.db, { ...panel(), name: "Another Panel", minutePrefix: "AP", ...change }, SYSTEM_ACTOR),
    );
    expect(refusedField).toBe(field);
    expect(refusedMessage).toMatch(message);
  });

  it("refuses a name or a minute prefix the organisation already uses", async () => {
    expect(
      await refusal(createBody(database.db, { ...panel(), name: "performance committee", minutePrefix: "XY" }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "name" });
    expect(
      await refusal(
        createBody(database.db, { ...panel(), name: "Scrutiny Panel", kind: "scrutiny_panel", minutePrefix: "pc" }, SYSTEM_ACTOR),
      ),
    ).toEqual({
      field: "minutePrefix",
      message: "Performance Committee already numbers its minutes PC: choose another prefix",
    });
  });

  it("refuses another organisation's area and drops the area of a body that is not an area panel", async () => {
    const other = await createMeetingFixture(database.db);
    const [foreignArea] = await database.db
      .insert(areas)
      .values({ organisationId: other.org.id, name: "South", homes: 1 })
      .returning();
    expect(
      await refusal(
        createBody(database.db, { ...panel(), name: "South Panel", minutePrefix: "SP", areaId: foreignArea.id }, SYSTEM_ACTOR),
      ),
    ).toMatchObject({ field: "areaId" });
    const scrutiny = await createBody(
      database.db,
      { ...panel(), name: "Tenant Scrutiny Panel", kind: "scrutiny_panel", minutePrefix: "TSP" },
      SYSTEM_ACTOR,
    );
    expect(scrutiny.areaId).toBeNull();
  });
});

describe("updateBody", () => {
  it("changes the details, still refusing another body's prefix", async () => {
    const body = await createBody(database.db, { ...panel(), name: "East Area Panel", minutePrefix: "EAP" }, SYSTEM_ACTOR);
    const changed = await updateBody(
      database.db,
      { ...panel(), bodyId: body.id, name: "East and Central Area Panel", minutePrefix: "EAP", quorumCount: 4 },
      SYSTEM_ACTOR,
    );
    expect(changed).toMatchObject({ name: "East and Central Area Panel", quorumCount: 4 });
    expect(
      await refusal(updateBody(database.db, { ...panel(), bodyId: body.id, name: "East", minutePrefix: "PC" }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "minutePrefix" });
  });

  it("keeps the pen with the clerk unless the body chooses that everyone writes the minutes", async () => {
    const body = await createBody(database.db, { ...panel(), name: "West Area Panel", minutePrefix: "WAP" }, SYSTEM_ACTOR);
    expect(body.minutesMode).toBe("clerk");
    const changed = await updateBody(
      database.db,
      { ...panel(), bodyId: body.id, name: "West Area Panel", minutePrefix: "WAP", minutesMode: "everyone" },
      SYSTEM_ACTOR,
    );
    expect(changed.minutesMode).toBe("everyone");
    expect(
      await refusal(
        updateBody(
          database.db,
          { ...panel(), bodyId: body.id, name: "West Area Panel", minutePrefix: "WAP", minutesMode: "members" },
          SYSTEM_ACTOR,
        ),
      ),
    ).toMatchObject({ field: "minutesMode" });
  });

  it("does not touch another organisation's body", async () => {
    const other = await createMeetingFixture(database.db);
    const result = await refusal(
      updateBody(database.db, { ...panel(), bodyId: other.body.id, name: "Taken over" }, SYSTEM_ACTOR),
    );
    expect(result.field).toBe("bodyId");
    const [unchanged] = await database.db.select().from(bodies).where(eq(bodies.id, other.body.id));
    expect(unchanged.name).toBe("Performance Committee");
  });
});

describe("seats", () => {
  it("refuses a second chair, naming the chair, and a second vice-chair", async () => {
    const { body, officer, seated } = fixture;
    expect(
      await refusal(
        setSeat(
          database.db,
          { organisationId: fixture.org.id, bodyId: body.id, userId: officer.id, position: "chair", memberKind: "officer" },
          SYSTEM_ACTOR,
        ),
      ),
    ).toEqual({
      field: "position",
      message:
        "Cllr Ann Chair is already the chair of Performance Committee. A committee has one chair: make Cllr Ann Chair a member first, or remove their seat",
    });
    expect(
      await refusal(
        setSeat(
          database.db,
          {
            organisationId: fixture.org.id,
            bodyId: body.id,
            userId: seated.tenant1.id,
            position: "vice_chair",
            memberKind: "tenant",
          },
          SYSTEM_ACTOR,
        ),
      ),
    ).toMatchObject({
      field: "position",
      message: expect.stringContaining("Cllr Ben Vice is already the vice-chair"),
    });
  });

  it("lets the chair stay chair when their member kind changes", async () => {
    const { body, seated } = fixture;
    const result = await setSeat(
      database.db,
      { organisationId: fixture.org.id, bodyId: body.id, userId: seated.chair.id, position: "chair", memberKind: "independent" },
      SYSTEM_ACTOR,
    );
    expect(result).toMatchObject({ created: false, seat: { position: "chair", memberKind: "independent" } });
    await setSeat(
      database.db,
      { organisationId: fixture.org.id, bodyId: body.id, userId: seated.chair.id, position: "chair", memberKind: "councillor" },
      SYSTEM_ACTOR,
    );
  });

  it("seats a new member, whom the meeting not yet opened now expects; removing the seat takes them off", async () => {
    const { body, officer, meeting } = fixture;
    const { seat, created } = await setSeat(
      database.db,
      { organisationId: fixture.org.id, bodyId: body.id, userId: officer.id, position: "member", memberKind: "co_opted" },
      SYSTEM_ACTOR,
    );
    expect(created).toBe(true);
    expect((await listBodyMembers(database.db, body.id)).map((s) => s.name)).toContain("Olu Officer");
    const expected = () =>
      database.db
        .select()
        .from(meetingAttendance)
        .where(and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.userId, officer.id)));
    expect(await expected()).toMatchObject([{ capacity: "member", memberKind: "co_opted", attendance: "expected" }]);

    await removeSeat(database.db, { organisationId: fixture.org.id, bodyId: body.id, seatId: seat.id }, SYSTEM_ACTOR);
    expect((await listBodyMembers(database.db, body.id)).map((s) => s.name)).not.toContain("Olu Officer");
    expect(await expected()).toEqual([]);
  });

  it("refuses a person of another organisation and bad input", async () => {
    const other = await createMeetingFixture(database.db);
    const seat = { organisationId: fixture.org.id, bodyId: fixture.body.id, position: "member", memberKind: "tenant" };
    expect(await refusal(setSeat(database.db, { ...seat, userId: other.officer.id }, SYSTEM_ACTOR))).toMatchObject({
      field: "userId",
    });
    expect(
      await refusal(setSeat(database.db, { ...seat, userId: fixture.officer.id, memberKind: "alderman" }, SYSTEM_ACTOR)),
    ).toMatchObject({ field: "memberKind" });
    expect(await refusal(setSeat(database.db, { ...seat, userId: "not-an-id" }, SYSTEM_ACTOR))).toMatchObject({
      field: "userId",
    });
  });
});
