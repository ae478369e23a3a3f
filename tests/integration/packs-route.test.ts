import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { loader as verifyLoader } from "../../app/routes/api.v1.o.$orgSlug.packs.$packId.versions.$version.verify";
import { action as packAction, loader as packLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.pack";
import { loader as pdfLoader } from "../../app/routes/o.$orgSlug.packs.$packId.v.$version.pdf";
import { loader as versionLoader } from "../../app/routes/o.$orgSlug.packs.$packId.v.$version._index";
import { loader as packsListLoader } from "../../app/routes/o.$orgSlug.packs._index";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId._index/route";
import { loader as publicLoader } from "../../app/routes/p.$orgSlug._index";
import type { PackDocument } from "../../app/shared/packs/pack-document";
import { loader as sessionLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.session/route";
import { agendaItems, meetingAttendance, meetings, motions } from "../../db/schema/meetings";
import { packs, packVersions } from "../../db/schema/packs";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createMeetingFixture, takeAttendance, type MeetingFixture } from "../support/meeting-factory";
import { cookieFor, createTestServices, formRequest, loadContext, statusOf } from "../support/test-services";

/*
 * The pack routes: who may publish and freeze, who may read a version, its PDF and its
 * verification, and that another organisation learns nothing.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let fixture: MeetingFixture;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  services = await createTestServices();
  fixture = await createMeetingFixture(services.db, { slug: "northfield", status: "closed" });
  for (const [key, person] of Object.entries({ chair: fixture.seated.chair, officer: fixture.officer, viewer: fixture.viewer })) {
    cookies[key] = await cookieFor(services, person.id);
  }
  const other = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    services.db,
    { organisationId: other.id, email: "outsider@example.org", role: "admin" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
});
afterAll(() => services.cleanup());

const packUrl = () => `/o/northfield/meetings/${fixture.meeting.id}/pack`;
const packParams = () => ({ orgSlug: "northfield", meetingId: fixture.meeting.id });
const freeze = (cookie: string, fields: Record<string, string> = { intent: "minutes" }) =>
  packAction({ request: formRequest(packUrl(), fields, cookie), context: loadContext(services), params: packParams() });
const get = (path: string, cookie?: string) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

async function minutesPackId(): Promise<string> {
  const [pack] = await services.db.select().from(packs).where(eq(packs.meetingId, fixture.meeting.id));
  return pack.id;
}

describe("freezing from the meeting's packs page", () => {
  it("refuses a viewer and a member (403) and another organisation (404), changing nothing", async () => {
    expect(await statusOf(freeze(cookies.viewer))).toBe(403);
    expect(await statusOf(freeze(cookies.chair))).toBe(403);
    expect(await statusOf(freeze(cookies.outsider))).toBe(404);
    expect(await services.db.select().from(packs).where(eq(packs.meetingId, fixture.meeting.id))).toHaveLength(0);
  });

  it("refuses to publish the agenda pack of a closed meeting", async () => {
    expect(await statusOf(freeze(cookies.officer, { intent: "agenda" }))).toBe(403);
  });

  it("refuses to freeze a record that is not consistent, listing each problem with a link to put it right", async () => {
    const page = await packLoader({
      request: get(packUrl(), cookies.officer),
      context: loadContext(services),
      params: packParams(),
    });
    const listed = page.packs.find((p) => p.kind === "minutes")!.gaps;
    expect(listed).toHaveLength(6);
    const refused = await freeze(cookies.officer);
    expect(await statusOf(Promise.resolve(refused))).toBe(409);
    const body = (refused as unknown as { data: { message: string; gaps: { message: string; href: string }[] } }).data;
    expect(body.message).toMatch(/The record is not consistent yet: 6 things to put right/);
    expect(body.gaps.map((g) => g.message)).toContain(
      "Cllr Ann Chair has no attendance recorded: mark them present, apologies or absent",
    );
    expect(new Set(body.gaps.map((g) => g.href))).toEqual(new Set([`/o/northfield/meetings/${fixture.meeting.id}#attendance`]));
    expect(await services.db.select().from(packs).where(eq(packs.meetingId, fixture.meeting.id))).toHaveLength(0);
  });

  it("lets an officer freeze the minuted pack, and shows the version to everyone in the organisation", async () => {
    await takeAttendance(services.db, fixture);
    const result = (await freeze(cookies.officer)) as { ok: boolean; message: string };
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Minuted pack version 1 is frozen\. SHA-256 [0-9a-f]{64}\.$/);
    const page = await packLoader({
      request: get(packUrl(), cookies.viewer),
      context: loadContext(services),
      params: packParams(),
    });
    const minutes = page.packs.find((p) => p.kind === "minutes")!;
    expect(minutes.canFreeze).toBe(false);
    expect(minutes.versions.map((v) => v.version)).toEqual([1]);
  }, 60_000);

  it("asks for a reason before a correction", async () => {
    const refused = await freeze(cookies.officer, { intent: "minutes", reason: "" });
    expect(await statusOf(Promise.resolve(refused))).toBe(409);
  }, 60_000);
});

describe("a version, its PDF and its verification", () => {
  const versionParams = async (version = "1") => ({ orgSlug: "northfield", packId: await minutesPackId(), version });

  it("serves the version page and the PDF to a viewer, 404 to another organisation and for a version that does not exist", async () => {
    const params = await versionParams();
    const path = `/o/northfield/packs/${params.packId}/v/1`;
    const page = await versionLoader({ request: get(path, cookies.viewer), context: loadContext(services), params });
    expect(page.verification).toMatchObject({ matches: true, chainIntact: true });
    const pdf = await pdfLoader({ request: get(`${path}/pdf`, cookies.viewer), context: loadContext(services), params });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(
      await statusOf(pdfLoader({ request: get(`${path}/pdf`, cookies.outsider), context: loadContext(services), params })),
    ).toBe(404);
    expect(
      await statusOf(
        versionLoader({
          request: get(path, cookies.viewer),
          context: loadContext(services),
          params: { ...params, version: "7" },
        }),
      ),
    ).toBe(404);
    expect(
      await statusOf(
        versionLoader({
          request: get(path, cookies.viewer),
          context: loadContext(services),
          params: { ...params, version: "x" },
        }),
      ),
    ).toBe(404);
  });

  it("answers the verification API: 401 without identity, 404 for another organisation, the result for a member", async () => {
    const params = await versionParams();
    const path = `/api/v1/o/northfield/packs/${params.packId}/versions/1/verify`;
    expect(await statusOf(verifyLoader({ request: get(path), context: loadContext(services), params }))).toBe(401);
    expect(await statusOf(verifyLoader({ request: get(path, cookies.outsider), context: loadContext(services), params }))).toBe(
      404,
    );
    const response = await verifyLoader({ request: get(path, cookies.chair), context: loadContext(services), params });
    const body = await response.json();
    expect(body).toMatchObject({
      organisation: "northfield",
      version: 1,
      matches: true,
      chainIntact: true,
      publicCopyMatches: true,
    });
    expect(body.computedSha256).toBe(body.recordedSha256);
    // Every stored artefact is listed with its two hashes: what people read is checked, not only the JSON.
    expect(body.artefacts.map((a: { name: string }) => a.name)).toEqual([
      "canonical-json",
      "html",
      "pdf",
      "public-canonical-json",
      "public-html",
      "public-pdf",
      "chain",
    ]);
    for (const artefact of body.artefacts)
      expect(artefact).toMatchObject({ matches: true, computedSha256: artefact.recordedSha256 });
    const missing = await verifyLoader({
      request: get(path, cookies.chair),
      context: loadContext(services),
      params: { ...params, version: "2" },
    });
    expect(missing.status).toBe(404);
  });

  it("lists the pack with its latest version on the organisation's packs page", async () => {
    const list = await packsListLoader({
      request: get("/o/northfield/packs", cookies.viewer),
      context: loadContext(services),
      params: { orgSlug: "northfield" },
    });
    expect(list.packs).toHaveLength(1);
    expect(list.packs[0]).toMatchObject({ kind: "minutes", latest: { version: 1 } });
  });

  it("keeps the meeting closed: freezing minutes does not approve them", async () => {
    const [row] = await services.db.select().from(meetings).where(eq(meetings.id, fixture.meeting.id));
    expect(row.status).toBe("closed");
  });
});

describe("publishing the agenda: one action on the meeting page and the Packs page", () => {
  let draft: MeetingFixture;
  let officerCookie: string;
  const meetingUrl = () => `/o/eastfield/meetings/${draft.meeting.id}`;
  const params = () => ({ orgSlug: "eastfield", meetingId: draft.meeting.id });
  const publishFromMeetingPage = (fields: Record<string, string> = {}) =>
    meetingAction({
      request: formRequest(meetingUrl(), { intent: "publish", ...fields }, officerCookie),
      context: loadContext(services),
      params: params(),
    });
  const publishFromPacksPage = (fields: Record<string, string> = {}) =>
    packAction({
      request: formRequest(`${meetingUrl()}/pack`, { intent: "agenda", ...fields }, officerCookie),
      context: loadContext(services),
      params: params(),
    });
  const dataOf = <T>(result: unknown) => ((result as { data?: T }).data ?? result) as T;

  beforeAll(async () => {
    draft = await createMeetingFixture(services.db, {
      slug: "eastfield",
      status: "draft",
      items: ["apologies", "declarations", "report", "any_other_business"],
    });
    officerCookie = await cookieFor(services, draft.officer.id);
  });

  it("is refused with the list of what is missing, each line linking to the page that fixes it", async () => {
    const refused = await publishFromMeetingPage();
    expect(await statusOf(Promise.resolve(refused))).toBe(409);
    const report = draft.items[2];
    expect(dataOf<{ gaps: { message: string; href: string }[] }>(refused).gaps).toEqual([
      {
        message: `Item 3, ${report.title}: no cover report has been written`,
        href: `/o/eastfield/meetings/${draft.meeting.id}/reports/${report.id}`,
      },
    ]);
    const [row] = await services.db.select().from(meetings).where(eq(meetings.id, draft.meeting.id));
    expect(row.status).toBe("draft");
    expect(await services.db.select().from(packs).where(eq(packs.meetingId, draft.meeting.id))).toHaveLength(0);
  });

  it("publishes the agenda pack that the meeting's status, the Packs page and the public page agree on, listing the members", async () => {
    await services.db.delete(agendaItems).where(eq(agendaItems.id, draft.items[2].id));
    const done = dataOf<{ message: string }>(await publishFromMeetingPage());
    expect(done.message).toMatch(/^The agenda pack is published: .* version 1/);
    const [row] = await services.db.select().from(meetings).where(eq(meetings.id, draft.meeting.id));
    expect(row.status).toBe("agenda_published");
    const packsPage = await packLoader({
      request: get(`${meetingUrl()}/pack`, officerCookie),
      context: loadContext(services),
      params: params(),
    });
    const agenda = packsPage.packs.find((p) => p.kind === "agenda")!;
    expect(agenda.versions.map((v) => v.version)).toEqual([1]);
    const publicPage = await publicLoader({
      request: get("/p/eastfield"),
      context: loadContext(services),
      params: { orgSlug: "eastfield" },
    });
    expect(publicPage.agendaPacks).toHaveLength(1);
    const [version] = await services.db.select().from(packVersions).where(eq(packVersions.packId, agenda.packId!));
    const pack = JSON.parse(version.canonicalJson) as PackDocument;
    expect(pack.attendance.present.map((p) => p.name)).toEqual([
      "Cllr Ann Chair",
      "Cllr Ben Vice",
      "Carol Independent",
      "Dev Independent",
      "Erin Tenant",
      "Femi Tenant",
    ]);
    expect(pack.attendance.present[0].role).toBe("Chair, Councillor");
  }, 60_000);

  it("shows what changed after publication, and publishes a supplementary version only with a reason", async () => {
    await meetingAction({
      request: formRequest(meetingUrl(), { intent: "add-item", kind: "report", title: "Damp and mould policy" }, officerCookie),
      context: loadContext(services),
      params: params(),
    });
    const page = await meetingLoader({
      request: get(meetingUrl(), officerCookie),
      context: loadContext(services),
      params: params(),
    });
    expect(page.publishedAgenda).toMatchObject({
      version: 1,
      changes: ["Item 3, Damp and mould policy: added"],
    });
    const added = (await services.db.select().from(agendaItems).where(eq(agendaItems.meetingId, draft.meeting.id))).find(
      (i) => i.title === "Damp and mould policy",
    )!;
    await services.db.delete(agendaItems).where(eq(agendaItems.id, added.id));
    await services.db
      .insert(agendaItems)
      .values({ meetingId: draft.meeting.id, position: 4, kind: "action_log", title: "Action log" });
    const unexplained = await publishFromPacksPage();
    expect(await statusOf(Promise.resolve(unexplained))).toBe(409);
    expect(dataOf<{ message: string }>(unexplained).message).toBe("Say why this supplementary agenda pack is being published");
    const supplementary = dataOf<{ ok: boolean; message: string }>(
      await publishFromPacksPage({ reason: "The action log was left off" }),
    );
    expect(supplementary).toMatchObject({ ok: true, message: expect.stringMatching(/^Agenda pack version 2 is frozen/) });
    const [pack] = await services.db.select().from(packs).where(eq(packs.meetingId, draft.meeting.id));
    const versionPage = await versionLoader({
      request: get(`/o/eastfield/packs/${pack.id}/v/2`, officerCookie),
      context: loadContext(services),
      params: { orgSlug: "eastfield", packId: pack.id, version: "2" },
    });
    expect(versionPage.version.reason).toBe("The action log was left off");
    expect(versionPage.changes).toContainEqual(expect.objectContaining({ kind: "item-added", heading: "4. Action log" }));
  }, 60_000);
});

describe("a resolution made when the meeting was not quorate", () => {
  let held: MeetingFixture;
  let officerCookie: string;
  let motionId: string;
  const url = () => `/o/westfield/meetings/${held.meeting.id}/pack`;
  const params = () => ({ orgSlug: "westfield", meetingId: held.meeting.id });
  const freezeHeld = (fields: Record<string, string> = {}) =>
    packAction({
      request: formRequest(url(), { intent: "minutes", ...fields }, officerCookie),
      context: loadContext(services),
      params: params(),
    });

  beforeAll(async () => {
    held = await createMeetingFixture(services.db, {
      slug: "westfield",
      status: "closed",
      startsAt: new Date("2026-10-05T17:00:00Z"),
    });
    officerCookie = await cookieFor(services, held.officer.id);
    // Three members stayed to the end: one short of the quorum of four.
    for (const [key, person] of Object.entries(held.seated)) {
      const stayed = ["chair", "vice", "tenant1"].includes(key);
      await services.db.insert(meetingAttendance).values({
        meetingId: held.meeting.id,
        userId: person.id,
        name: person.name,
        capacity: "member",
        memberKind: key.startsWith("tenant") ? "tenant" : key.startsWith("independent") ? "independent" : "councillor",
        attendance: stayed ? "present" : "apologies",
      });
    }
    const [motion] = await services.db
      .insert(motions)
      .values({
        meetingId: held.meeting.id,
        agendaItemId: held.items[4].id,
        wording: "the emergency repairs budget be increased.",
        method: "show_of_hands",
        status: "carried",
        votesFor: 3,
        votesAgainst: 0,
        abstentions: 0,
        closedAt: new Date("2026-10-05T18:00:00Z"),
      })
      .returning();
    motionId = motion.id;
  });

  it("is refused until the clerk records why it stands, then the minutes say so and the next meeting is warned before it approves them", async () => {
    const refused = await freezeHeld();
    expect(await statusOf(Promise.resolve(refused))).toBe(409);
    const gaps = (refused as unknown as { data: { gaps: { message: string; motionId?: string }[] } }).data.gaps;
    expect(gaps).toEqual([
      expect.objectContaining({
        motionId,
        message: expect.stringMatching(
          /the emergency repairs budget be increased\.” was made when the meeting was not quorate \(3 of 6 members present, 4 needed/,
        ),
      }),
    ]);
    const frozen = (await freezeHeld({ [`inquorate-${motionId}`]: "Urgent: the Board ratified it on 12 October" })) as {
      ok: boolean;
      href: string;
    };
    expect(frozen.ok).toBe(true);
    const [pack] = await services.db
      .select()
      .from(packs)
      .where(and(eq(packs.meetingId, held.meeting.id), eq(packs.kind, "minutes")));
    const [version] = await services.db.select().from(packVersions).where(eq(packVersions.packId, pack.id));
    const minutes = JSON.parse(version.canonicalJson) as PackDocument;
    expect(minutes.items[4].resolutions[0].outcomeLabel).toBe(
      "Carried when the meeting was not quorate. Clerk's note: Urgent: the Board ratified it on 12 October",
    );

    // The next meeting, in session, under "Minutes of the last meeting".
    const [next] = await services.db
      .insert(meetings)
      .values({
        organisationId: held.org.id,
        bodyId: held.body.id,
        kind: "committee",
        title: "Performance Committee",
        startsAt: new Date("2026-11-02T18:00:00Z"),
        status: "in_session",
      })
      .returning();
    const [approvalItem] = await services.db
      .insert(agendaItems)
      .values({ meetingId: next.id, position: 1, kind: "previous_minutes", title: "Minutes of the last meeting" })
      .returning();
    const session = await sessionLoader({
      request: get(`/o/westfield/meetings/${next.id}/session`, await cookieFor(services, held.seated.chair.id)),
      context: loadContext(services),
      params: { orgSlug: "westfield", meetingId: next.id },
    });
    const content = session.contents[approvalItem.id] as { kind: string; previous: { flags: string[] } };
    expect(content.previous.flags).toEqual([
      expect.stringMatching(/^At the close of the meeting: Not quorate: 3 of 6 members present, 4 needed/),
      expect.stringMatching(
        /the resolution that the emergency repairs budget be increased\. carried when the meeting was not quorate\. Clerk's note: Urgent/,
      ),
    ]);
  }, 60_000);
});
