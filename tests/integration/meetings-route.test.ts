import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as bodyAction, loader as bodyLoader } from "../../app/routes/o.$orgSlug.bodies.$bodyId";
import { action as bodiesAction, loader as bodiesLoader } from "../../app/routes/o.$orgSlug.bodies._index";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId._index/route";
import { action as meetingsAction, loader as meetingsLoader } from "../../app/routes/o.$orgSlug.meetings._index";
import { listAgendaItems, listAttendance, listBodyMembers } from "../../db/queries/meetings";
import { bodies, meetings } from "../../db/schema/meetings";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The bodies, meetings and meeting pages over HTTP: who may see them, who may change
 * them, and what a bad form answers. Loaders and actions are called as Remix calls them.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let org: MeetingFixture;
let other: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  org = await createMeetingFixture(services.db, { slug: "northfield", status: "draft" });
  other = await createMeetingFixture(services.db, { slug: "southbank", status: "draft" });
  cookies.officer = await cookieFor(services, org.officer.id);
  cookies.admin = await cookieFor(services, org.admin.id);
  cookies.member = await cookieFor(services, org.seated.tenant1.id);
  cookies.viewer = await cookieFor(services, org.viewer.id);
  cookies.outsider = await cookieFor(services, other.admin.id);
});
afterAll(() => services.cleanup());

const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
const ctx = () => loadContext(services);
/** The data of an action's answer, whether it returned `data(...)` or a plain object. */
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };

const meetingPath = () => `/o/northfield/meetings/${org.meeting.id}`;
const meetingParams = () => ({ orgSlug: "northfield", meetingId: org.meeting.id });
const bodyParams = () => ({ orgSlug: "northfield", bodyId: org.body.id });

describe("the meetings list", () => {
  it("lets an officer arrange a meeting, which opens with the standard items and expects every seat", async () => {
    const request = formRequest(
      "/o/northfield/meetings",
      {
        intent: "create-meeting",
        bodyId: org.body.id,
        kind: "",
        title: "",
        date: "2027-02-18",
        time: "18:00",
        place: "Committee Room 1",
        onlineLink: "",
      },
      cookies.officer,
    );
    const response = (await meetingsAction({ request, context: ctx(), params: { orgSlug: "northfield" } })) as Response;
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/o\/northfield\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = location.split("/").at(-1)!;
    expect((await listAgendaItems(services.db, meetingId)).map((i) => i.kind)).toEqual([
      "apologies",
      "declarations",
      "previous_minutes",
      "action_log",
    ]);
    expect(await listAttendance(services.db, meetingId)).toHaveLength(6);

    const page = await meetingsLoader({
      request: get("/o/northfield/meetings", cookies.viewer),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(page.canArrange).toBe(false);
    expect([...page.upcoming, ...page.past].map((m) => m.id)).toContain(meetingId);
  });

  it("answers 400 with the field errors to a bad form, and arranges nothing", async () => {
    const before = await services.db.select().from(meetings).where(eq(meetings.organisationId, org.org.id));
    const request = formRequest(
      "/o/northfield/meetings",
      {
        intent: "create-meeting",
        bodyId: org.body.id,
        date: "2027-02-30",
        time: "25:00",
        place: "",
        onlineLink: "http://insecure.example",
      },
      cookies.officer,
    );
    const result = await meetingsAction({ request, context: ctx(), params: { orgSlug: "northfield" } });
    expect(await statusOf(Promise.resolve(result))).toBe(400);
    expect(Object.keys(dataOf(result).fieldErrors ?? {}).sort()).toEqual(["date", "onlineLink", "time"]);
    expect(await services.db.select().from(meetings).where(eq(meetings.organisationId, org.org.id))).toHaveLength(before.length);
  });

  it.each(["member", "viewer"])("refuses (403) a meeting arranged by a %s", async (role) => {
    const request = formRequest(
      "/o/northfield/meetings",
      { intent: "create-meeting", bodyId: org.body.id, date: "2027-02-18", time: "18:00", place: "Room 1" },
      cookies[role],
    );
    expect(await statusOf(meetingsAction({ request, context: ctx(), params: { orgSlug: "northfield" } }))).toBe(403);
  });

  it("answers 404 to another organisation's admin", async () => {
    expect(
      await statusOf(
        meetingsLoader({
          request: get("/o/northfield/meetings", cookies.outsider),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(404);
    const request = formRequest(
      "/o/northfield/meetings",
      { intent: "create-meeting", bodyId: org.body.id, date: "2027-02-18", time: "18:00", place: "Room 1" },
      cookies.outsider,
    );
    expect(await statusOf(meetingsAction({ request, context: ctx(), params: { orgSlug: "northfield" } }))).toBe(404);
  });
});

describe("the meeting page", () => {
  it("shows members everything read-only: no choices for the forms, no permissions to change", async () => {
    const page = await meetingLoader({ request: get(meetingPath(), cookies.member), context: ctx(), params: meetingParams() });
    expect(page.items).toHaveLength(6);
    expect(page.permissions).toMatchObject({ manage: false, editAgenda: false });
    expect(page.choices).toBeNull();
    expect(page.invitable).toEqual([]);
    const officerPage = await meetingLoader({
      request: get(meetingPath(), cookies.officer),
      context: ctx(),
      params: meetingParams(),
    });
    expect(officerPage.permissions).toMatchObject({ manage: true, editAgenda: true });
    expect(officerPage.choices).not.toBeNull();
  });

  it("answers 404 for another organisation's meeting, a meeting id that is not one, and an outsider", async () => {
    const foreign = { orgSlug: "northfield", meetingId: other.meeting.id };
    expect(
      await statusOf(
        meetingLoader({
          request: get(`/o/northfield/meetings/${other.meeting.id}`, cookies.admin),
          context: ctx(),
          params: foreign,
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        meetingLoader({
          request: get("/o/northfield/meetings/not-a-meeting", cookies.admin),
          context: ctx(),
          params: { orgSlug: "northfield", meetingId: "not-a-meeting" },
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(meetingLoader({ request: get(meetingPath(), cookies.outsider), context: ctx(), params: meetingParams() })),
    ).toBe(404);
    const request = formRequest(`/o/northfield/meetings/${other.meeting.id}`, { intent: "publish" }, cookies.admin);
    expect(await statusOf(meetingAction({ request, context: ctx(), params: foreign }))).toBe(404);
  });

  // Valid input for every form of the page: the refusal must come from the policy.
  const intents = (): Record<string, Record<string, string>> => {
    const [first, second] = org.items;
    const attendee = org.seated.chair.id;
    return {
      publish: { intent: "publish" },
      "add-item": { intent: "add-item", kind: "report", title: "Repairs performance" },
      "update-item": { intent: "update-item", itemId: first.id, kind: "apologies", title: "Apologies" },
      "add-standard": { intent: "add-standard", kind: "declarations" },
      "remove-item": { intent: "remove-item", itemId: second.id },
      move: { intent: "move", itemId: second.id, direction: "up" },
      reorder: {
        intent: "reorder",
        order: org.items
          .map((i) => i.id)
          .reverse()
          .join(","),
      },
      "set-attendance": { intent: "set-attendance", attendeeId: attendee, attendance: "apologies" },
      "invite-officer": { intent: "invite-officer", userId: org.officer.id },
      "add-guest": { intent: "add-guest", name: "Jo Auditor" },
      "remove-attendee": { intent: "remove-attendee", attendeeId: attendee },
    };
  };

  const INTENTS = [
    "publish",
    "add-item",
    "update-item",
    "add-standard",
    "remove-item",
    "move",
    "reorder",
    "set-attendance",
    "invite-officer",
    "add-guest",
    "remove-attendee",
  ];
  it("tries every form of the page", () => expect(Object.keys(intents()).sort()).toEqual([...INTENTS].sort()));

  describe.each(["member", "viewer"])("for a %s", (role) => {
    it.each(INTENTS)("refuses (403) the %s form", async (intent) => {
      const request = formRequest(meetingPath(), intents()[intent], cookies[role]);
      expect(await statusOf(meetingAction({ request, context: ctx(), params: meetingParams() }))).toBe(403);
    });
  });

  it("answers 400 to a bad item and changes nothing", async () => {
    const before = await listAgendaItems(services.db, org.meeting.id);
    const request = formRequest(
      meetingPath(),
      { intent: "add-item", kind: "report", title: "", exempt: "on", minutesAllowed: "lots" },
      cookies.officer,
    );
    const result = await meetingAction({ request, context: ctx(), params: meetingParams() });
    expect(await statusOf(Promise.resolve(result))).toBe(400);
    expect(dataOf(result).fieldErrors).toMatchObject({
      title: "Enter the title of the report",
      minutesAllowed: expect.stringContaining("whole minutes"),
      exemptParagraph: expect.any(String),
      exemptReason: expect.any(String),
    });
    expect(await listAgendaItems(services.db, org.meeting.id)).toEqual(before);
  });

  it("lets an officer add an item with its options, then reorder only by a permutation", async () => {
    const added = await meetingAction({
      request: formRequest(
        meetingPath(),
        { intent: "add-item", kind: "exceptions", title: "", period: "2026-10", presenter: "Head of Performance" },
        cookies.officer,
      ),
      context: ctx(),
      params: meetingParams(),
    });
    expect(dataOf(added).message).toMatch(/Added “Exceptions” to the agenda as item 6/);
    const items = await listAgendaItems(services.db, org.meeting.id);
    expect(items.map((i) => i.kind)).toEqual([
      "apologies",
      "declarations",
      "previous_minutes",
      "action_log",
      "scorecard_review",
      "exceptions",
      "any_other_business",
    ]);

    const stale = await meetingAction({
      request: formRequest(
        meetingPath(),
        {
          intent: "reorder",
          order: items
            .slice(1)
            .map((i) => i.id)
            .join(","),
        },
        cookies.officer,
      ),
      context: ctx(),
      params: meetingParams(),
    });
    expect(await statusOf(Promise.resolve(stale))).toBe(400);
    expect(dataOf(stale).fieldErrors?.form).toMatch(/nothing was moved/);

    const reversed = items.map((i) => i.id).reverse();
    await meetingAction({
      request: formRequest(meetingPath(), { intent: "reorder", order: reversed.join(",") }, cookies.officer),
      context: ctx(),
      params: meetingParams(),
    });
    expect((await listAgendaItems(services.db, org.meeting.id)).map((i) => i.id)).toEqual(reversed);

    const move = await meetingAction({
      request: formRequest(meetingPath(), { intent: "move", itemId: reversed[0], direction: "down" }, cookies.officer),
      context: ctx(),
      params: meetingParams(),
    });
    expect(dataOf(move).message).toBe("Item 'Item 6: any_other_business' moved to position 2 of 7");
  });
});

describe("committees and panels", () => {
  it("lets an officer set up a body and seat people, one chair only", async () => {
    const created = (await bodiesAction({
      request: formRequest(
        "/o/northfield/bodies",
        {
          intent: "create-body",
          name: "Tenant Scrutiny Panel",
          kind: "scrutiny_panel",
          minutePrefix: "tsp",
          quorumCount: "3",
          quorumRequiresKind: "tenant",
          areaId: "",
          termsOfReference: "",
        },
        cookies.officer,
      ),
      context: ctx(),
      params: { orgSlug: "northfield" },
    })) as Response;
    expect(created.status).toBe(302);
    const bodyId = created.headers.get("Location")!.split("/").at(-1)!;
    const params = { orgSlug: "northfield", bodyId };
    const seat = (userId: string, position: string) =>
      bodyAction({
        request: formRequest(
          `/o/northfield/bodies/${bodyId}`,
          { intent: "set-seat", userId, position, memberKind: "tenant" },
          cookies.officer,
        ),
        context: ctx(),
        params,
      });

    expect(dataOf(await seat(org.seated.tenant1.id, "chair")).message).toBe(
      "Erin Tenant now sits on Tenant Scrutiny Panel as chair (tenant).",
    );
    const second = await seat(org.seated.tenant2.id, "chair");
    expect(await statusOf(Promise.resolve(second))).toBe(400);
    expect(dataOf(second).fieldErrors?.position).toMatch(/^Erin Tenant is already the chair of Tenant Scrutiny Panel/);
    expect((await listBodyMembers(services.db, bodyId)).map((s) => [s.name, s.position])).toEqual([["Erin Tenant", "chair"]]);

    const page = await bodyLoader({ request: get(`/o/northfield/bodies/${bodyId}`, cookies.officer), context: ctx(), params });
    expect(page.body).toMatchObject({ minutePrefix: "TSP", quorum: "3 members, including a tenant member" });
  });

  it("answers 400 to a bad body and sets up nothing", async () => {
    const before = await services.db.select().from(bodies).where(eq(bodies.organisationId, org.org.id));
    const result = await bodiesAction({
      request: formRequest(
        "/o/northfield/bodies",
        { intent: "create-body", name: "", kind: "area_panel", minutePrefix: "P C", quorumCount: "0" },
        cookies.officer,
      ),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(await statusOf(Promise.resolve(result))).toBe(400);
    expect(Object.keys(dataOf(result).fieldErrors ?? {}).sort()).toEqual(["areaId", "minutePrefix", "name", "quorumCount"]);
    expect(await services.db.select().from(bodies).where(eq(bodies.organisationId, org.org.id))).toHaveLength(before.length);
  });

  const bodyForms = (): Record<string, Record<string, string>> => ({
    "update-body": {
      intent: "update-body",
      name: "Performance Committee",
      kind: "committee",
      minutePrefix: "PC",
      quorumCount: "4",
    },
    "set-seat": { intent: "set-seat", userId: org.officer.id, position: "member", memberKind: "officer" },
    "remove-seat": { intent: "remove-seat", seatId: org.body.id },
  });

  describe.each(["member", "viewer"])("for a %s", (role) => {
    it("refuses (403) setting up a body", async () => {
      const request = formRequest(
        "/o/northfield/bodies",
        { intent: "create-body", name: "X", kind: "committee", minutePrefix: "X", quorumCount: "1" },
        cookies[role],
      );
      expect(await statusOf(bodiesAction({ request, context: ctx(), params: { orgSlug: "northfield" } }))).toBe(403);
    });
    it.each(["update-body", "set-seat", "remove-seat"])("refuses (403) the %s form", async (intent) => {
      const request = formRequest(`/o/northfield/bodies/${org.body.id}`, bodyForms()[intent], cookies[role]);
      expect(await statusOf(bodyAction({ request, context: ctx(), params: bodyParams() }))).toBe(403);
    });
  });

  it("answers 404 to another organisation's admin, and for another organisation's body", async () => {
    expect(
      await statusOf(
        bodiesLoader({
          request: get("/o/northfield/bodies", cookies.outsider),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        bodyLoader({
          request: get(`/o/northfield/bodies/${org.body.id}`, cookies.outsider),
          context: ctx(),
          params: bodyParams(),
        }),
      ),
    ).toBe(404);
    const foreign = { orgSlug: "northfield", bodyId: other.body.id };
    expect(
      await statusOf(
        bodyLoader({ request: get(`/o/northfield/bodies/${other.body.id}`, cookies.admin), context: ctx(), params: foreign }),
      ),
    ).toBe(404);
    const request = formRequest(`/o/northfield/bodies/${org.body.id}`, bodyForms()["update-body"], cookies.outsider);
    expect(await statusOf(bodyAction({ request, context: ctx(), params: bodyParams() }))).toBe(404);
  });
});
