import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ukToday } from "../../app/shared/meetings/action-status";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { bodies, meetings } from "../../db/schema/meetings";
import { SYSTEM_ACTOR } from "../../server/audit";
import { enterAgreedActions } from "../../server/commands/action-log";
import { loadActionReview } from "../../server/meetings/action-review";
import { renderPage } from "../support/render-page";
import { cookieFor, createTestServices, loadContext } from "../support/test-services";

/*
 * The pages as the server renders them, from what their loaders return: the words and
 * marks people rely on (overdue flagged in words, read-only for those who may not
 * update). Remix's hooks are replaced by the loader's data; nothing else is mocked.
 */

const { default: ActionLogPage, loader: logLoader } = await import("../../app/routes/o.$orgSlug.actions._index");
const { default: ActionPage, loader: detailLoader } = await import("../../app/routes/o.$orgSlug.actions.$actionId");
const { ActionReviewTable } = await import("../../app/components/meetings/action-review-table");

let services: Awaited<ReturnType<typeof createTestServices>>;
const cookies: Record<string, string> = {};
let orgId: string;
let bodyId: string;
let overdueId: string;
let bv212: string;

const dayFromToday = (days: number) => {
  const d = new Date(`${ukToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  orgId = (await findOrganisationBySlug(db, "northfield"))!.id;
  const ids: Record<string, string> = {};
  for (const role of ["officer", "member", "viewer"] as const) {
    const user = (await findUserByEmail(db, `${role}@northfield.example`))!;
    ids[role] = user.id;
    cookies[role] = await cookieFor(services, user.id);
  }
  const { indicators } = await import("../../db/schema/performance");
  const { and, eq } = await import("drizzle-orm");
  [{ id: bv212 }] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, orgId), eq(indicators.code, "BV212")));
  [{ id: bodyId }] = await db
    .insert(bodies)
    .values({ organisationId: orgId, name: "Housing Services Committee", kind: "committee", minutePrefix: "HSC", quorumCount: 3 })
    .returning();
  const [meeting] = await db
    .insert(meetings)
    .values({
      organisationId: orgId,
      bodyId,
      kind: "committee",
      title: "Performance Committee",
      startsAt: new Date(Date.now() - 40 * 86_400_000),
      status: "closed",
    })
    .returning();
  const { entered } = await enterAgreedActions(
    db,
    {
      meeting: { id: meeting.id, organisationId: orgId, bodyId },
      actions: [
        {
          sourceKey: "a",
          agendaItemId: null,
          minuteNumber: "PC 26/21",
          description: "Clear the voids backlog in the east",
          ownerUserId: ids.member,
          dueDate: dayFromToday(-2),
          indicatorId: bv212,
        },
        {
          sourceKey: "b",
          agendaItemId: null,
          minuteNumber: "PC 26/22",
          description: "Report on tenancy sustainment",
          ownerUserId: ids.officer,
          dueDate: dayFromToday(20),
          indicatorId: null,
        },
      ],
    },
    SYSTEM_ACTOR,
  );
  overdueId = entered[0].id;
});
afterAll(() => services.cleanup());

const request = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
/** What the browser receives: the loader's data after the trip over the wire. */
const overTheWire = (value: unknown) => JSON.parse(JSON.stringify(value));

async function renderLog(cookie: string, search = "") {
  const data = await logLoader({
    request: request(`/o/northfield/actions${search}`, cookie),
    context: loadContext(services),
    params: { orgSlug: "northfield" },
  });
  return renderPage(ActionLogPage, overTheWire(data), `/o/northfield/actions${search}`);
}

async function renderAction(cookie: string) {
  const params = { orgSlug: "northfield", actionId: overdueId };
  const data = await detailLoader({
    request: request(`/o/northfield/actions/${overdueId}`, cookie),
    context: loadContext(services),
    params,
  });
  return renderPage(ActionPage, overTheWire(data), `/o/northfield/actions/${overdueId}`);
}

describe("the action log page", () => {
  it("flags an overdue action in words and a mark, not colour alone, and shows its indicator", async () => {
    const html = await renderLog(cookies.viewer);
    expect(html).toContain("Clear the voids backlog in the east");
    expect(html).toMatch(/data-action-status="overdue"[^>]*>.*?Overdue<\/span>/s);
    expect(html).toContain("Was due");
    expect(html).toContain("BV212");
    expect(html).toContain("PC 26/21");
    expect(html).not.toContain("Add an action");
  });

  it("offers officers the form to add an action", async () => {
    const html = await renderLog(cookies.officer);
    expect(html).toContain("Add an action");
    expect(html).toContain("BV212 Average time to re-let empty homes");
  });

  it("says so when a filter finds nothing", async () => {
    const html = await renderLog(cookies.viewer, `?status=complete&body=${bodyId}`);
    expect(html).toContain("No actions have been completed yet.");
  });
});

describe("an action's page", () => {
  it("gives the owner the form, with the current status chosen", async () => {
    const html = await renderAction(cookies.member);
    expect(html).toContain("Report progress");
    expect(html).toMatch(/<input type="radio" name="status" id="status" checked="" value="not_started"\/>/);
    expect(html).toContain("Agreed at the meeting");
  });

  it("is read-only to a viewer", async () => {
    const html = await renderAction(cookies.viewer);
    expect(html).not.toContain("Report progress");
    expect(html).not.toContain("<form");
    expect(html).toContain("Only the action’s owner, officers and administrators can report progress on it.");
  });
});

describe("the review table for the next meeting", () => {
  it("shows each action's status since the last meeting and its indicator when agreed and now", async () => {
    const rows = await loadActionReview(services.db, orgId, bodyId, new Date(Date.now() + 86_400_000));
    const html = renderToString(createElement(ActionReviewTable, { rows: overTheWire(rows) }));
    expect(html).toContain("2 actions: 2 open (1 overdue), 0 complete.");
    expect(html).toContain("When agreed:");
    expect(html).toContain("Off target");
    // Agreed and viewed in the same (last published) month: "did it work?" is not asked yet.
    expect(html).toContain("Not known");
    expect(html).toContain("(new since the last review)");
  });
});
