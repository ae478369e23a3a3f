import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loader as verifyLoader } from "../../app/routes/api.v1.o.$orgSlug.packs.$packId.versions.$version.verify";
import { action as packAction, loader as packLoader } from "../../app/routes/o.$orgSlug.meetings.$meetingId.pack";
import { loader as pdfLoader } from "../../app/routes/o.$orgSlug.packs.$packId.v.$version.pdf";
import { loader as versionLoader } from "../../app/routes/o.$orgSlug.packs.$packId.v.$version._index";
import { loader as packsListLoader } from "../../app/routes/o.$orgSlug.packs._index";
import { meetings } from "../../db/schema/meetings";
import { packs } from "../../db/schema/packs";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
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

  it("lets an officer freeze the minuted pack, and shows the version to everyone in the organisation", async () => {
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
