import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "../../app/shared/meetings/action-status";
import type { Database } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { actions, actionUpdates, bodies, meetings } from "../../db/schema/meetings";
import { actuals, indicators } from "../../db/schema/performance";
import { createTestDatabase } from "../../tests/support/test-database";
import { enterAgreedActions, updateAction, type AgreedActionInput } from "../commands/action-log";
import { publishReportingMonth } from "../commands/reporting-month-publisher";
import { loadActionLog, loadActionReview } from "./action-review";

/*
 * The next meeting's review of the action log, on the demo organisation's real figures:
 * actions are agreed while October 2026 is the latest month, then November's figures
 * arrive, and the review says whether each linked indicator moved.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
let orgId: string;
let officer: { userId: string; label: string };
let ownerName: string;
let body: { id: string };
let otherBody: { id: string };
const DAY = 24 * 60 * 60 * 1000;
// The previous meeting is held a day from now, the next one in a month: what is entered
// now was agreed before both.
const previousMeetingAt = new Date(Date.now() + DAY);
const nextMeetingAt = new Date(Date.now() + 30 * DAY);
const ids: Record<string, string> = {};

async function indicatorId(code: string) {
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, orgId), eq(indicators.code, code)));
  return row.id;
}

beforeAll(async () => {
  database = await createTestDatabase("demo");
  db = database.db;
  orgId = (await findOrganisationBySlug(db, "northfield"))!.id;
  const user = (await findUserByEmail(db, "officer@northfield.example"))!;
  officer = { userId: user.id, label: user.email };
  ownerName = user.name;
  [body] = await db
    .insert(bodies)
    .values({ organisationId: orgId, name: "Housing Services Committee", kind: "committee", minutePrefix: "HSC", quorumCount: 3 })
    .returning();
  [otherBody] = await db
    .insert(bodies)
    .values({ organisationId: orgId, name: "Tenant Scrutiny Panel", kind: "scrutiny_panel", minutePrefix: "TSP", quorumCount: 3 })
    .returning();
  const meeting = async (bodyId: string, startsAt: Date, status: "closed" | "agenda_published") =>
    (
      await db
        .insert(meetings)
        .values({ organisationId: orgId, bodyId, kind: "committee", title: "Performance Committee", startsAt, status })
        .returning()
    )[0];
  const earlier = await meeting(body.id, new Date(Date.now() - 60 * DAY), "closed");
  await meeting(body.id, previousMeetingAt, "closed");
  await meeting(body.id, nextMeetingAt, "agenda_published");
  const panel = await meeting(otherBody.id, new Date(Date.now() - 60 * DAY), "closed");

  // The actions are raised for the demo's last published month, September (October is still open):
  const bv212 = await indicatorId("BV212"); // average re-let days, lower is better: 33.45 against 22 (off target)
  const bv66b = await indicatorId("BV66b"); // arrears over seven weeks, lower is better: 2.96% against 3% (on target)
  const agreed = (key: string, indicator: string | null, dueDate = "2027-01-31"): AgreedActionInput => ({
    sourceKey: key,
    agendaItemId: null,
    minuteNumber: `PC 26/${key}`,
    description: `Action ${key}`,
    ownerUserId: officer.userId,
    dueDate,
    indicatorId: indicator,
  });
  const { entered } = await enterAgreedActions(
    db,
    {
      meeting: { id: earlier.id, organisationId: orgId, bodyId: body.id },
      actions: [agreed("1", bv212), agreed("2", bv66b, "2026-11-01"), agreed("3", null), agreed("4", null)],
    },
    officer,
  );
  [ids.relets, ids.arrears, ids.closedLongAgo, ids.agreedLater] = entered.map((a) => a.id);
  const { entered: panelActions } = await enterAgreedActions(
    db,
    { meeting: { id: panel.id, organisationId: orgId, bodyId: otherBody.id }, actions: [agreed("9", null)] },
    officer,
  );
  ids.panel = panelActions[0].id;

  // Progress: re-lets on track before the previous meeting, complete after it.
  await updateAction(
    db,
    { actionId: ids.relets, organisationId: orgId, status: "on_track", note: "Second contractor appointed." },
    officer,
  );
  const closedAt = new Date(previousMeetingAt.getTime() + DAY);
  await db
    .insert(actionUpdates)
    .values({ actionId: ids.relets, userId: officer.userId, status: "complete", note: "Backlog cleared.", at: closedAt });
  await db.update(actions).set({ status: "complete", completedAt: closedAt }).where(eq(actions.id, ids.relets));
  // Closed before the previous meeting: that meeting saw it close, the next need not.
  await updateAction(db, { actionId: ids.closedLongAgo, organisationId: orgId, status: "complete", note: "" }, officer);
  // Agreed after the next meeting started: not for it to review.
  await db
    .update(actions)
    .set({ agreedAt: new Date(nextMeetingAt.getTime() + DAY) })
    .where(eq(actions.id, ids.agreedLater));

  // November's figures arrive: re-lets recover to 20 days, arrears rise to 3.5%.
  await db.insert(actuals).values([
    { organisationId: orgId, indicatorId: bv212, period: "2026-11", areaId: null, value: 20, status: "verified" },
    { organisationId: orgId, indicatorId: bv66b, period: "2026-11", areaId: null, value: 3.5, status: "verified" },
  ]);
  // The review shows the month being reported: November once it is published.
  for (const period of ["2026-10", "2026-11"]) {
    const outcome = await publishReportingMonth(db, { organisationId: orgId, period, note: "Published for the test" }, officer);
    expect(outcome.ok).toBe(true);
  }
}, 300_000); // seeding the demo takes a minute or more on a busy machine
afterAll(() => database.cleanup());

describe("the review of the action log at the next meeting", () => {
  it("lists the body's actions open at the previous meeting or closed since, and no others", async () => {
    const rows = await loadActionReview(db, orgId, body.id, nextMeetingAt, "2026-11-23");
    expect(rows.map((r) => r.id).sort()).toEqual([ids.relets, ids.arrears].sort());
    // Open ones first.
    expect(rows[0].id).toBe(ids.arrears);
  });

  it("says the linked indicator improved when it went from off target to on target", async () => {
    const rows = await loadActionReview(db, orgId, body.id, nextMeetingAt, "2026-11-23");
    const relets = rows.find((r) => r.id === ids.relets)!;
    expect(relets.indicator).toMatchObject({
      code: "BV212",
      then: { period: "2026-09", periodText: "September 2026", status: "off_target", statusText: "Off target" },
      now: { period: "2026-11", periodText: "November 2026", status: "on_target", statusText: "On target" },
      movement: "improved",
      movementText: "Improved since agreed",
    });
    expect(relets.indicator?.then?.valueText).toContain("33.45");
    expect(relets.indicator?.now?.valueText).toContain("20");
  });

  it("says the linked indicator worsened when it went from on target to off target", async () => {
    const rows = await loadActionReview(db, orgId, body.id, nextMeetingAt, "2026-11-23");
    const arrears = rows.find((r) => r.id === ids.arrears)!;
    expect(arrears.indicator).toMatchObject({ code: "BV66b", movement: "worsened", movementText: "Worse since agreed" });
    expect(arrears.indicator?.then?.status).toBe("on_target");
    expect(arrears.indicator?.now?.status).toBe("off_target");
  });

  it("shows how each action stood at the previous meeting and now, with owner, due date and latest note", async () => {
    const rows = await loadActionReview(db, orgId, body.id, nextMeetingAt, "2026-11-23");
    const relets = rows.find((r) => r.id === ids.relets)!;
    expect(relets).toMatchObject({
      ownerName,
      dueText: "31 January 2027",
      statusThen: "on_track",
      shownStatus: "complete",
      statusChangeText: "Was on track, now complete",
      latestNote: { text: "Backlog cleared.", by: ownerName },
    });
    const arrears = rows.find((r) => r.id === ids.arrears)!;
    // Due 1 November 2026 and still not started: overdue now, and already at the previous meeting.
    expect(arrears).toMatchObject({
      shownStatus: "overdue",
      shownStatusText: "Overdue",
      statusThen: "overdue",
      statusChangeText: "Overdue (no change)",
    });
    expect(arrears.latestNote?.text).toBe("Agreed at the meeting");
  });

  it("rows survive being sent to the browser unchanged", async () => {
    const rows = await loadActionReview(db, orgId, body.id, nextMeetingAt, ukToday());
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});

describe("the action log page's rows", () => {
  it("filter by body, status and owner, measuring overdue against today", async () => {
    const overdue = await loadActionLog(db, orgId, { bodyId: body.id, status: "overdue", today: "2026-11-23" });
    expect(overdue.map((r) => r.id)).toEqual([ids.arrears]);
    const panel = await loadActionLog(db, orgId, { bodyId: otherBody.id, status: "all", today: "2026-11-23" });
    expect(panel.map((r) => r.id)).toEqual([ids.panel]);
    const complete = await loadActionLog(db, orgId, {
      bodyId: body.id,
      status: "complete",
      ownerUserId: officer.userId,
      today: "2026-11-23",
    });
    expect(complete.map((r) => r.id).sort()).toEqual([ids.relets, ids.closedLongAgo].sort());
  });
});
