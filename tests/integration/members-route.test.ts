import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as meetingLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId._index/route";
import { action as apologiesAction, loader as apologiesLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.apologies";
import { action as interestsAction, loader as interestsLoader } from "../../app/routes/o.$orgSlug.interests";
import { loader as papersLoader } from "../../app/routes/o.$orgSlug.my-papers";
import { listAttendance } from "../../db/queries/meetings";
import { listRegisteredInterests } from "../../db/queries/members";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The members' own pages over HTTP: apologies (seated members only, their own, this
 * organisation's meetings only), the register of interests (members keep theirs, the
 * clerk reads everyone's), and my papers. Loaders and actions are called as Remix calls them.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let org: MeetingFixture;
let other: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  org = await createMeetingFixture(services.db, { slug: "northfield", status: "agenda_published" });
  other = await createMeetingFixture(services.db, { slug: "southbank", status: "agenda_published" });
  cookies.member = await cookieFor(services, org.seated.tenant1.id);
  cookies.officer = await cookieFor(services, org.officer.id);
  cookies.viewer = await cookieFor(services, org.viewer.id);
  cookies.otherMember = await cookieFor(services, org.seated.tenant2.id);
  cookies.outsider = await cookieFor(services, other.seated.tenant1.id);
}, 60_000);
afterAll(() => services.cleanup());

const ctx = () => loadContext(services);
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
const dataOf = (result: unknown) =>
  ((result as { data?: unknown }).data ?? result) as { fieldErrors?: Record<string, string>; message?: string };
const apologiesPath = (meetingId = org.meeting.id) => `/o/northfield/meetings/${meetingId}/apologies`;
const params = (meetingId = org.meeting.id) => ({ orgSlug: "northfield", meetingId });

describe("the apologies page", () => {
  it.each([
    ["member", 200],
    ["officer", 403],
    ["viewer", 403],
    ["outsider", 404],
  ])("answers a %s with %i", async (who, status) => {
    expect(
      await statusOf(apologiesLoader({ request: get(apologiesPath(), cookies[who]), context: ctx(), params: params() })),
    ).toBe(status);
  });

  it("is 404 for another organisation's meeting id, and for no meeting", async () => {
    for (const id of [other.meeting.id, "not-a-meeting"])
      expect(
        await statusOf(apologiesLoader({ request: get(apologiesPath(id), cookies.member), context: ctx(), params: params(id) })),
      ).toBe(404);
    const post = formRequest(apologiesPath(other.meeting.id), { intent: "send", reason: "x" }, cookies.member);
    expect(await statusOf(apologiesAction({ request: post, context: ctx(), params: params(other.meeting.id) }))).toBe(404);
  });

  it("sends apologies that the clerk's meeting page shows with the reason, and refuses an empty reason", async () => {
    const empty = await apologiesAction({
      request: formRequest(apologiesPath(), { intent: "send", reason: "" }, cookies.member),
      context: ctx(),
      params: params(),
    });
    expect(dataOf(empty).fieldErrors?.reason).toMatch(/^Say why you cannot come/);
    const sent = await apologiesAction({
      request: formRequest(apologiesPath(), { intent: "send", reason: "Gwaith – Tŷ Ŵyn" }, cookies.member),
      context: ctx(),
      params: params(),
    });
    expect(dataOf(sent).message).toMatch(/^Your apologies are sent/);
    const page = await meetingLoader({
      request: get(`/o/northfield/meetings/${org.meeting.id}`, cookies.officer),
      context: ctx(),
      params: params(),
    });
    const row = page.attendance.find((a) => a.name === org.seated.tenant1.name);
    expect(row).toMatchObject({ attendance: "apologies", apologyNote: "Apologies sent (Gwaith – Tŷ Ŵyn)" });
    const mine = await apologiesLoader({ request: get(apologiesPath(), cookies.member), context: ctx(), params: params() });
    expect(mine).toMatchObject({ attendance: "Apologies sent (Gwaith – Tŷ Ŵyn)", canWithdraw: true });
    // A reason may be personal: another member and a viewer see that apologies were sent, not why.
    for (const who of ["otherMember", "viewer"]) {
      const theirs = await meetingLoader({
        request: get(`/o/northfield/meetings/${org.meeting.id}`, cookies[who]),
        context: ctx(),
        params: params(),
      });
      expect(
        theirs.attendance.find((a) => a.name === org.seated.tenant1.name),
        who,
      ).toMatchObject({
        attendance: "apologies",
        apologyNote: null,
      });
      expect(JSON.stringify(theirs), who).not.toContain("Gwaith");
    }
  });

  it("refuses an officer's post (no seat) and withdraws the member's own", async () => {
    const refused = formRequest(apologiesPath(), { intent: "send", reason: "Busy" }, cookies.officer);
    expect(await statusOf(apologiesAction({ request: refused, context: ctx(), params: params() }))).toBe(403);
    await apologiesAction({
      request: formRequest(apologiesPath(), { intent: "withdraw" }, cookies.member),
      context: ctx(),
      params: params(),
    });
    const row = (await listAttendance(services.db, org.meeting.id)).find((a) => a.userId === org.seated.tenant1.id);
    expect(row).toMatchObject({ attendance: "expected", apologyReason: "" });
  });
});

describe("the register of interests", () => {
  const path = "/o/northfield/interests";
  const call = (fields: Record<string, string>, who = "member") =>
    interestsAction({ request: formRequest(path, fields, cookies[who]), context: ctx(), params: { orgSlug: "northfield" } });

  it("lets a member keep their own, offered back on the published agenda; the clerk reads everyone's", async () => {
    await call({ intent: "register", interest: "Director of Item 5 Repairs Ltd", kind: "pecuniary" });
    const clerkView = await interestsLoader({
      request: get(path, cookies.officer),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(clerkView.everyone?.map((e) => [e.name, e.interest])).toEqual([
      [org.seated.tenant1.name, "Director of Item 5 Repairs Ltd"],
    ]);
    // The clerk's meeting page: the body's members' entries (the officer's own, not seated, is not among them).
    await call({ intent: "register", interest: "Shares in Acme Homes plc", kind: "pecuniary" }, "officer");
    const clerkPage = await meetingLoader({
      request: get(`/o/northfield/meetings/${org.meeting.id}`, cookies.officer),
      context: ctx(),
      params: params(),
    });
    expect(clerkPage.memberHelp.bodyInterests?.map((e) => e.interest)).toEqual(["Director of Item 5 Repairs Ltd"]);
    const memberView = await interestsLoader({
      request: get(path, cookies.member),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(memberView.everyone).toBeNull();
    const page = await meetingLoader({
      request: get(`/o/northfield/meetings/${org.meeting.id}`, cookies.member),
      context: ctx(),
      params: params(),
    });
    // The fixture's items are titled "Item N: kind": "item" is a common word, so only the whole agenda is asked about.
    expect(page.memberHelp.prompts.map((p) => p.question)).toEqual([
      "You registered “Director of Item 5 Repairs Ltd”. Does it relate to any item on this agenda?",
    ]);
  });

  it("refuses viewers, other organisations, and removing an entry that is not one's own", async () => {
    expect(
      await statusOf(interestsLoader({ request: get(path, cookies.viewer), context: ctx(), params: { orgSlug: "northfield" } })),
    ).toBe(403);
    expect(
      await statusOf(
        interestsLoader({ request: get(path, cookies.outsider), context: ctx(), params: { orgSlug: "northfield" } }),
      ),
    ).toBe(404);
    const [entry] = await listRegisteredInterests(services.db, org.org.id, org.seated.tenant1.id);
    const officerRemoves = await call({ intent: "remove", interestId: entry.id }, "officer");
    expect(dataOf(officerRemoves).fieldErrors?.form).toMatch(/^That entry is not on your register/);
    const outsider = interestsAction({
      request: formRequest("/o/southbank/interests", { intent: "remove", interestId: entry.id }, cookies.outsider),
      context: ctx(),
      params: { orgSlug: "southbank" },
    });
    expect(dataOf(await outsider).fieldErrors?.form).toMatch(/^That entry is not on your register/);
    expect((await listRegisteredInterests(services.db, org.org.id, org.seated.tenant1.id))[0].removedAt).toBeNull();
  });
});

describe("my papers", () => {
  it("lists a seated member's next meeting, never another organisation's", async () => {
    const mine = await papersLoader({
      request: get("/o/northfield/my-papers", cookies.member),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(mine.meetings.map((m) => [m.id, m.papers.summary])).toEqual([
      [org.meeting.id, "The agenda is not published yet: the papers will be here when it is."],
    ]);
    const officer = await papersLoader({
      request: get("/o/northfield/my-papers", cookies.officer),
      context: ctx(),
      params: { orgSlug: "northfield" },
    });
    expect(officer.meetings).toEqual([]);
    expect(
      await statusOf(
        papersLoader({
          request: get("/o/northfield/my-papers", cookies.outsider),
          context: ctx(),
          params: { orgSlug: "northfield" },
        }),
      ),
    ).toBe(404);
  });
});
