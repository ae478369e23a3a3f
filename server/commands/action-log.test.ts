import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { auditLog } from "../../db/schema/identity";
import { actions, actionUpdates, agendaItems, bodies, meetings } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { addAction, AGREED_NOTE, enterAgreedActions, updateAction, type AgreedActionInput } from "./action-log";
import { CommandError } from "./errors";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let org: { id: string };
let meeting: { id: string; organisationId: string; bodyId: string };
let itemId: string;
let officer: { id: string; label: string };
let member: { id: string };
let bv212: string;
let other: MeetingFixture;
let otherIndicator: string;

const actor = () => ({ userId: officer.id, label: officer.label });

beforeAll(async () => {
  database = await createTestDatabase("demo");
  db = database.db;
  org = (await findOrganisationBySlug(db, "northfield"))!;
  const officerUser = (await findUserByEmail(db, "officer@northfield.example"))!;
  officer = { id: officerUser.id, label: officerUser.email };
  member = { id: (await findUserByEmail(db, "member@northfield.example"))!.id };
  const [body] = await db
    .insert(bodies)
    .values({
      organisationId: org.id,
      name: "Housing Services Committee",
      kind: "committee",
      minutePrefix: "HSC",
      quorumCount: 3,
    })
    .returning();
  const [m] = await db
    .insert(meetings)
    .values({
      organisationId: org.id,
      bodyId: body.id,
      kind: "committee",
      title: "Performance Committee",
      startsAt: new Date("2026-11-23T18:00:00Z"),
      status: "in_session",
    })
    .returning();
  meeting = { id: m.id, organisationId: org.id, bodyId: body.id };
  [{ id: itemId }] = await db
    .insert(agendaItems)
    .values({ meetingId: m.id, position: 1, kind: "exceptions", title: "Exceptions", minuteNumber: "PC 26/14" })
    .returning();
  [{ id: bv212 }] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, org.id), eq(indicators.code, "BV212")));
  other = await createMeetingFixture(db);
  [{ id: otherIndicator }] = await db
    .insert(indicators)
    .values({
      organisationId: other.org.id,
      code: "OTHER1",
      title: "Another organisation's indicator",
      category: "Local indicator",
      unit: "%",
      polarity: "higher",
      frequency: "monthly",
      aggregation: "ratio",
      decimals: 1,
    })
    .returning();
});
afterAll(() => database.cleanup());

let keyCounter = 0;
const agreed = (overrides: Partial<AgreedActionInput> = {}): AgreedActionInput => ({
  sourceKey: `action-${++keyCounter}`,
  agendaItemId: itemId,
  minuteNumber: "PC 26/14",
  description: "Review the void repairs contract with the contractor",
  ownerUserId: officer.id,
  dueDate: "2027-01-31",
  indicatorId: bv212,
  ...overrides,
});

const updatesOf = (actionId: string) =>
  db.select().from(actionUpdates).where(eq(actionUpdates.actionId, actionId)).orderBy(asc(actionUpdates.at));

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

/** The database's own message: drizzle wraps it as the cause of "Failed query". */
async function databaseRefusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error).not.toBeNull();
  return error?.cause?.message ?? error?.message ?? "";
}

describe("entering the actions agreed at a meeting", () => {
  it("enters them with the linked indicator's period, status and value at that moment, and a first progress entry", async () => {
    const input = agreed({ description: "  Bring in a second voids contractor for the east  " });
    const { entered, alreadyEntered } = await enterAgreedActions(
      db,
      { meeting, actions: [input, agreed({ indicatorId: null })] },
      actor(),
    );
    expect(alreadyEntered).toEqual([]);
    expect(entered).toHaveLength(2);
    const [linked, unlinked] = entered;
    expect(linked).toMatchObject({
      organisationId: org.id,
      bodyId: meeting.bodyId,
      meetingId: meeting.id,
      agendaItemId: itemId,
      minuteNumber: "PC 26/14",
      description: "Bring in a second voids contractor for the east",
      status: "not_started",
      dueDate: "2027-01-31",
      // The month the papers show by default: the demo's last published month, September
      // (BV212 33.45 days against 22), not October's figures of a month still open.
      indicatorPeriodWhenAgreed: "2026-09",
      indicatorStatusWhenAgreed: "off_target",
    });
    expect(linked.indicatorValueWhenAgreed).toContain("33.45");
    expect(unlinked).toMatchObject({
      indicatorId: null,
      indicatorPeriodWhenAgreed: null,
      indicatorStatusWhenAgreed: null,
      indicatorValueWhenAgreed: null,
    });
    const [first] = await updatesOf(linked.id);
    expect(first).toMatchObject({ status: "not_started", note: AGREED_NOTE, userId: officer.id });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "actions.enter"), eq(auditLog.subjectId, meeting.id)));
    expect(audit).toHaveLength(1);
  });

  it("snapshots the month the action was raised for: its agenda item's month", async () => {
    const [{ id: augustItem }] = await db
      .insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: 9,
        kind: "exceptions",
        title: "Exceptions for August",
        minuteNumber: "PC 26/15",
        options: { period: "2026-08" },
      })
      .returning();
    const { entered } = await enterAgreedActions(
      db,
      { meeting, actions: [agreed({ agendaItemId: augustItem }), agreed()] },
      actor(),
    );
    expect(entered.map((a) => [a.indicatorPeriodWhenAgreed, a.indicatorValueWhenAgreed])).toEqual([
      ["2026-08", expect.stringContaining("33.77")],
      ["2026-09", expect.stringContaining("33.45")],
    ]);
  });

  it("enters nothing twice when the meeting closes again", async () => {
    const first = agreed();
    await enterAgreedActions(db, { meeting, actions: [first] }, actor());
    const second = agreed();
    const again = await enterAgreedActions(db, { meeting, actions: [first, second] }, actor());
    expect(again.entered.map((a) => a.sourceKey)).toEqual([second.sourceKey]);
    expect(again.alreadyEntered).toEqual([first.sourceKey]);
    const rows = await db
      .select()
      .from(actions)
      .where(and(eq(actions.meetingId, meeting.id), eq(actions.sourceKey, first.sourceKey)));
    expect(rows).toHaveLength(1);
    expect(await updatesOf(rows[0].id)).toHaveLength(1);
  });

  it("refuses an owner who is not a person of the organisation, entering none of the batch", async () => {
    const good = agreed();
    const error = await refusal(
      enterAgreedActions(db, { meeting, actions: [good, agreed({ ownerUserId: other.officer.id })] }, actor()),
    );
    expect(error.field).toBe("ownerUserId");
    expect(await db.select().from(actions).where(eq(actions.sourceKey, good.sourceKey))).toHaveLength(0);
  });

  it("refuses another organisation's indicator", async () => {
    const error = await refusal(enterAgreedActions(db, { meeting, actions: [agreed({ indicatorId: otherIndicator })] }, actor()));
    expect(error.field).toBe("indicatorId");
  });

  it("refuses an agenda item of another meeting, a meeting of another organisation and an impossible due date", async () => {
    await refusal(enterAgreedActions(db, { meeting, actions: [agreed({ agendaItemId: other.items[0].id })] }, actor()));
    await refusal(
      enterAgreedActions(db, { meeting: { ...meeting, organisationId: other.org.id }, actions: [agreed()] }, actor()),
    );
    const error = await refusal(enterAgreedActions(db, { meeting, actions: [agreed({ dueDate: "2027-02-30" })] }, actor()));
    expect(error.field).toBe("dueDate");
  });
});

describe("reporting progress on an action", () => {
  async function newAction() {
    const { entered } = await enterAgreedActions(db, { meeting, actions: [agreed({ ownerUserId: member.id })] }, actor());
    return entered[0];
  }

  it("appends a progress entry and changes the status; completing stamps the date, reopening clears it", async () => {
    const action = await newAction();
    const onTrack = await updateAction(
      db,
      { actionId: action.id, organisationId: org.id, status: "on_track", note: "Contractor appointed." },
      actor(),
    );
    expect(onTrack.action.status).toBe("on_track");
    expect(onTrack.update).toMatchObject({ status: "on_track", note: "Contractor appointed.", userId: officer.id });

    const done = await updateAction(db, { actionId: action.id, organisationId: org.id, status: "complete", note: "" }, actor());
    expect(done.action.completedAt).toBeInstanceOf(Date);
    expect(done.update.note).toBe("");

    const reopened = await updateAction(
      db,
      { actionId: action.id, organisationId: org.id, status: "at_risk", note: "Contractor withdrew." },
      actor(),
    );
    expect(reopened.action.completedAt).toBeNull();
    expect((await updatesOf(action.id)).map((u) => u.status)).toEqual(["not_started", "on_track", "complete", "at_risk"]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "action.update"), eq(auditLog.subjectId, action.id)));
    expect(audit).toHaveLength(3);
  });

  it("refuses an entry that says nothing and changes nothing, a note that is too long, and another organisation's action", async () => {
    const action = await newAction();
    expect(
      (
        await refusal(
          updateAction(db, { actionId: action.id, organisationId: org.id, status: "not_started", note: "   " }, actor()),
        )
      ).field,
    ).toBe("note");
    expect(
      (
        await refusal(
          updateAction(db, { actionId: action.id, organisationId: org.id, status: "on_track", note: "x".repeat(2001) }, actor()),
        )
      ).field,
    ).toBe("note");
    await refusal(
      updateAction(db, { actionId: action.id, organisationId: other.org.id, status: "on_track", note: "Done" }, actor()),
    );
    expect(await updatesOf(action.id)).toHaveLength(1);
  });
});

describe("adding an action to the log outside a meeting", () => {
  it("adds it with its indicator's standing and a first entry", async () => {
    const action = await addAction(
      db,
      {
        organisationId: org.id,
        bodyId: meeting.bodyId,
        description: "Audit the lettings process",
        ownerUserId: member.id,
        dueDate: "2027-03-31",
        indicatorId: bv212,
      },
      actor(),
      "2026-11-23",
    );
    expect(action).toMatchObject({
      meetingId: null,
      sourceKey: null,
      bodyId: meeting.bodyId,
      indicatorStatusWhenAgreed: "off_target",
      status: "not_started",
    });
    expect(await updatesOf(action.id)).toHaveLength(1);
  });

  it("refuses a due date already past, another organisation's committee and owner", async () => {
    const base = {
      organisationId: org.id,
      bodyId: null,
      description: "Audit the lettings process",
      ownerUserId: member.id,
      dueDate: "2027-03-31",
      indicatorId: null,
    };
    expect((await refusal(addAction(db, { ...base, dueDate: "2026-11-22" }, actor(), "2026-11-23"))).field).toBe("dueDate");
    expect((await refusal(addAction(db, { ...base, bodyId: other.body.id }, actor(), "2026-11-23"))).field).toBe("bodyId");
    expect((await refusal(addAction(db, { ...base, ownerUserId: other.viewer.id }, actor(), "2026-11-23"))).field).toBe(
      "ownerUserId",
    );
  });
});

describe("the progress history", () => {
  it("is append-only: the database refuses to change or remove an entry", async () => {
    const { entered } = await enterAgreedActions(db, { meeting, actions: [agreed()] }, actor());
    const [entry] = await updatesOf(entered[0].id);
    expect(
      await databaseRefusal(db.update(actionUpdates).set({ note: "Rewritten" }).where(eq(actionUpdates.id, entry.id))),
    ).toMatch(/append-only: UPDATE refused/);
    expect(await databaseRefusal(db.delete(actionUpdates).where(eq(actionUpdates.id, entry.id)))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await databaseRefusal(db.execute(sql`truncate action_updates cascade`))).toMatch(/append-only: TRUNCATE refused/);
    expect((await updatesOf(entered[0].id))[0].note).toBe(AGREED_NOTE);
  });
});
