import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { agendaItems, meetings, motions } from "../../db/schema/meetings";
import { minutesApprovals, packVersions, packs, type PackKind } from "../../db/schema/packs";
import { createMeetingFixture, type MeetingFixture } from "../support/meeting-factory";
import { renderPage } from "../support/render-page";
import { createTestServices, loadContext } from "../support/test-services";

/*
 * The public pages, from their loaders and resource routes: what is public (published
 * agenda packs, approved minutes, the tenant top ten), what is not (anything else, any
 * other organisation's), and that only the public copy of a pack is ever served. Pack
 * versions are inserted directly: the freezer is tested on its own.
 */

const { default: PublicPage, loader: pageLoader } = await import("../../app/routes/p.$orgSlug._index");
const { loader: screenLoader } = await import("../../app/routes/p.$orgSlug.screen");
const { loader: htmlLoader } = await import("../../app/routes/p.$orgSlug.packs.$packId.v.$version");
const { loader: pdfLoader } = await import("../../app/routes/p.$orgSlug.packs.$packId.v.$version[.pdf]");

/** Words that appear only in the internal copy of an exempt item. */
const EXEMPT_MARKER = "CONFIDENTIAL-Caretaker-redundancy-terms-7731";
const NOTICE = "Exempt information: not for publication (paragraph 3)";

let services: Awaited<ReturnType<typeof createTestServices>>;
let riverside: MeetingFixture;
let southbank: MeetingFixture;
let agenda: { packId: string; internalSha: string[]; publicSha: string[] };
let approvedMinutes: { packId: string };
let unapprovedMinutes: { packId: string };
let southbankAgenda: { packId: string };

const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const pdfBytes = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

/** Freezes `count` versions of a meeting's pack: the internal copy holds the exempt item's words, the public copy its notice. */
async function freeze(db: Database, fx: MeetingFixture, meetingId: string, kind: PackKind, count: number) {
  const [pack] = await db.insert(packs).values({ organisationId: fx.org.id, meetingId, kind }).returning();
  const internalSha: string[] = [];
  const publicSha: string[] = [];
  const ids: string[] = [];
  for (let version = 1; version <= count; version++) {
    const internal = `<!doctype html><html lang="en-GB"><title>v${version}</title><h2>8. ${EXEMPT_MARKER}</h2></html>`;
    const publicHtml = `<!doctype html><html lang="en-GB"><title>v${version}</title><h2>8. Exempt item</h2><p>${NOTICE}</p></html>`;
    internalSha.push(sha(`internal ${pack.id} ${version}`));
    publicSha.push(sha(`public ${pack.id} ${version}`));
    const [row] = await db
      .insert(packVersions)
      .values({
        packId: pack.id,
        organisationId: fx.org.id,
        version,
        canonicalJson: JSON.stringify({ marker: EXEMPT_MARKER, version }),
        sha256: internalSha[version - 1],
        previousSha256: version === 1 ? null : internalSha[version - 2],
        reason: version === 1 ? "" : "Correction of a typing error",
        html: internal,
        htmlSha256: sha(internal),
        pdf: pdfBytes(internal),
        pdfSha256: sha(internal),
        pageCount: 11 + version,
        pageMap: {},
        publicCanonicalJson: JSON.stringify({ notice: NOTICE, version }),
        publicSha256: publicSha[version - 1],
        publicHtml,
        publicHtmlSha256: sha(publicHtml),
        publicPdf: pdfBytes(publicHtml),
        publicPdfSha256: sha(publicHtml),
        frozenByName: "Alex Clerk",
        frozenAt: new Date(`2026-11-${10 + version}T10:00:00Z`),
      })
      .returning();
    ids.push(row.id);
  }
  return { packId: pack.id, internalSha, publicSha, versionIds: ids };
}

/** The fixture's meeting approves an earlier meeting's minutes, and its chair signs that version. */
async function approve(db: Database, fx: MeetingFixture, meetingId: string, versionId: string) {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, fx.meeting.id)).limit(1);
  const [motion] = await db
    .insert(motions)
    .values({
      meetingId: fx.meeting.id,
      agendaItemId: item.id,
      wording: "the minutes be approved as a correct record.",
      method: "show_of_hands",
      status: "carried",
    })
    .returning();
  await db.insert(minutesApprovals).values({
    organisationId: fx.org.id,
    meetingId,
    approvingMeetingId: fx.meeting.id,
    motionId: motion.id,
    packVersionId: versionId,
    sha256: "f".repeat(64),
    signedBy: fx.seated.chair.id,
    signedByName: fx.seated.chair.name,
    signedAt: new Date("2026-12-14T19:30:00Z"),
  });
}

async function earlierMeeting(
  db: Database,
  fx: MeetingFixture,
  title: string,
  startsAt: string,
  status: "closed" | "minutes_approved" | "agenda_published",
) {
  const [meeting] = await db
    .insert(meetings)
    .values({ organisationId: fx.org.id, bodyId: fx.body.id, kind: "committee", title, startsAt: new Date(startsAt), status })
    .returning();
  return meeting;
}

beforeAll(async () => {
  services = await createTestServices("demo");
  const { db } = services;
  riverside = await createMeetingFixture(db, {
    slug: "riverside",
    status: "agenda_published",
    startsAt: new Date("2026-12-14T19:00:00Z"),
  });
  southbank = await createMeetingFixture(db, { slug: "southbank", status: "agenda_published" });

  // Riverside: December's agenda pack, frozen twice (published); October's minutes approved
  // at December's meeting (signed version 1, corrected since); September's minutes frozen
  // but not approved; an August meeting with no pack at all.
  agenda = await freeze(db, riverside, riverside.meeting.id, "agenda", 2);
  const october = await earlierMeeting(
    db,
    riverside,
    "Performance Committee (October)",
    "2026-10-19T18:00:00Z",
    "minutes_approved",
  );
  const octoberMinutes = await freeze(db, riverside, october.id, "minutes", 2);
  await approve(db, riverside, october.id, octoberMinutes.versionIds[0]);
  approvedMinutes = octoberMinutes;
  const september = await earlierMeeting(db, riverside, "Performance Committee (September)", "2026-09-21T18:00:00Z", "closed");
  unapprovedMinutes = await freeze(db, riverside, september.id, "minutes", 1);
  await earlierMeeting(db, riverside, "Performance Committee (August)", "2026-08-17T18:00:00Z", "closed");

  southbankAgenda = await freeze(db, southbank, southbank.meeting.id, "agenda", 1);
});
afterAll(() => services.cleanup());

const args = (path: string, params: Record<string, string>, headers: Record<string, string> = {}) => ({
  request: new Request(`http://localhost${path}`, { headers }),
  context: loadContext(services),
  params,
});
/** What the browser receives: the loader's data after the trip over the wire. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function statusOfLoader(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

const packParams = (orgSlug: string, packId: string, version: number | string) => ({ orgSlug, packId, version: String(version) });
const html = (orgSlug: string, packId: string, version: number | string, headers: Record<string, string> = {}) =>
  htmlLoader(
    args(`/p/${orgSlug}/packs/${packId}/v/${version}`, packParams(orgSlug, packId, version), headers),
  ) as Promise<Response>;
const pdf = (orgSlug: string, packId: string, version: number | string) =>
  pdfLoader(args(`/p/${orgSlug}/packs/${packId}/v/${version}.pdf`, packParams(orgSlug, packId, version))) as Promise<Response>;

describe("an organisation's public page", () => {
  it("answers 404 for an organisation that does not exist, page and screen alike", async () => {
    expect(await statusOfLoader(() => pageLoader(args("/p/nowhere", { orgSlug: "nowhere" })))).toBe(404);
    expect(await statusOfLoader(() => screenLoader(args("/p/nowhere/screen", { orgSlug: "nowhere" })))).toBe(404);
    expect((await html("nowhere", agenda.packId, 1)).status).toBe(404);
    expect((await pdf("nowhere", agenda.packId, 1)).status).toBe(404);
  });

  it("lists published agenda packs at their latest version, and approved minutes only", async () => {
    const data = await pageLoader(args("/p/riverside", { orgSlug: "riverside" }));
    expect(data.agendaPacks).toHaveLength(1);
    expect(data.agendaPacks[0]).toMatchObject({
      packId: agenda.packId,
      meetingTitle: "Performance Committee",
      bodyName: "Performance Committee",
      dateText: "14 December 2026",
      version: 2,
      pageCount: 13,
      publicSha256: agenda.publicSha[1],
      webHref: `/p/riverside/packs/${agenda.packId}/v/2`,
      pdfHref: `/p/riverside/packs/${agenda.packId}/v/2.pdf`,
    });
    expect(data.minutes.map((m) => m.packId)).toEqual([approvedMinutes.packId]);
    expect(data.minutes[0]).toMatchObject({
      meetingTitle: "Performance Committee (October)",
      dateText: "19 October 2026",
      version: 2,
      approvalText: "Approved on 14 December 2026, signed by Cllr Ann Chair.",
      correctionText: "This is version 2, a correction made after the chair signed version 1.",
    });
  });

  it("never sends an internal hash or an exempt item's words, and nothing of another organisation", async () => {
    const text = JSON.stringify(await pageLoader(args("/p/riverside", { orgSlug: "riverside" })));
    expect(text).not.toContain(EXEMPT_MARKER);
    for (const internal of agenda.internalSha) expect(text).not.toContain(internal);
    expect(text).not.toContain("f".repeat(64)); // the approval's hash names the internal copy
    expect(text).not.toContain(southbankAgenda.packId);
    expect(text).not.toContain(unapprovedMinutes.packId);
  });

  it("says so plainly when nothing has been published or approved", async () => {
    const empty = await createMeetingFixture(services.db, { slug: "quiet-homes" });
    const data = overTheWire(await pageLoader(args("/p/quiet-homes", { orgSlug: empty.org.slug })));
    const page = renderPage(PublicPage, data, "/p/quiet-homes");
    expect(page).toContain("No agenda packs have been published yet.");
    expect(page).toContain("No minutes have been approved yet.");
    expect(page).toContain("No figures have been published yet.");
    expect(page).toContain('href="/sign-in"');
    expect(page).not.toContain('href="/o/');
  });

  it("renders the packs with their links, PDF page counts, shortened and full fingerprints, and the approval", async () => {
    const data = overTheWire(await pageLoader(args("/p/riverside", { orgSlug: "riverside" })));
    const page = renderPage(PublicPage, data, "/p/riverside").replace(/<!-- -->/g, "");
    expect(page).toContain("Read the agenda pack");
    expect(page).toContain("PDF (13 pages)");
    expect(page).toContain(`${agenda.publicSha[1].slice(0, 12)}…`);
    expect(page).toContain(agenda.publicSha[1]);
    expect(page).toContain("Approved on 14 December 2026, signed by Cllr Ann Chair.");
  });
});

describe("the tenant top ten in plain words", () => {
  it("gives the demo's last published month (September 2026; October is still open) one sentence each, with status and direction", async () => {
    const data = await pageLoader(args("/p/northfield", { orgSlug: "northfield" }));
    const org = (await findOrganisationBySlug(services.db, "northfield"))!;
    expect(org.isDemo).toBe(true);
    expect(data.topTen.periodText).toBe("September 2026");
    const codes = data.topTen.lines.map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(["BV66a", "BV212", "LPI-01", "LPI-07", "TP01"]));
    expect(codes).not.toContain("xBV73"); // not a tenant top ten indicator
    expect(data.topTen.notYetPublished).toEqual([]);
    for (const line of data.topTen.lines) {
      expect(line.sentence).toMatch(/^[A-Z0-9£].*\.$/);
      expect(line.sentence).not.toMatch(/undefined|null|NaN/);
    }
    // Worked by hand from db/seed-data/actuals-wide.csv: BV212 33.45 days in September 2026 against 28.85 a year before.
    expect(data.topTen.lines.find((l) => l.code === "BV212")).toMatchObject({
      status: "off_target",
      direction: "worse",
      sentence:
        "On average it took us 33.45 days to re-let empty homes in September 2026. Our target is no more than 22 days: we are over target, and doing worse than a year ago.",
    });
    // 98.47% against 98.38% in September 2025.
    expect(data.topTen.lines.find((l) => l.code === "BV66a")?.sentence).toBe(
      "We collected 98.47% of the rent due in September 2026. Our target is 98.5%: we are just below target, and doing better than a year ago.",
    );
    expect(data.topTen.lines.find((l) => l.code === "TP01")?.periodText).toBe("2025/26");
    // Among other landlords, in the sector's words, against each group's 2025/26 data (the year before
    // 2026/27): 33.45 days is no better than the median of either group (28 and 31) but within their lower quartiles (36, 39).
    expect(data.topTen.lines.find((l) => l.code === "BV212")?.peersText).toBe(
      "Below average against Metropolitan housing companies (sample) 2025/26 peers; Below average against Northern ALMO benchmarking club (sample) 2025/26 peers",
    );
    // TP01's figure is for 2025/26 itself: no peer data from an earlier year, so nothing is claimed.
    expect(data.topTen.lines.find((l) => l.code === "TP01")?.peersText).toBeNull();
    // The demo's one unaudited figure (LPI-09, September 2026) is published and says so; the others do not.
    expect(data.topTen.lines.filter((l) => l.unaudited).map((l) => l.code)).toEqual(["LPI-09"]);
  });

  it("the reception screen loads the same lines, and a sensible rotation interval", async () => {
    const page = await pageLoader(args("/p/northfield", { orgSlug: "northfield" }));
    const screen = await screenLoader(args("/p/northfield/screen", { orgSlug: "northfield" }));
    expect(screen.topTen.lines).toEqual(page.topTen.lines);
    expect(screen.seconds).toBe(10);
    expect((await screenLoader(args("/p/northfield/screen?seconds=30", { orgSlug: "northfield" }))).seconds).toBe(30);
    expect((await screenLoader(args("/p/northfield/screen?seconds=1", { orgSlug: "northfield" }))).seconds).toBe(10);
  });
});

describe("a published pack version", () => {
  it("serves the stored public web page whole, under a strict Content-Security-Policy, with no exempt words", async () => {
    const response = await html("riverside", agenda.packId, 2);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toContain(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const body = await response.text();
    expect(body).toContain(NOTICE);
    expect(body).toContain("<title>v2</title>");
    expect(body).not.toContain(EXEMPT_MARKER);
  });

  it("serves an earlier version of a public pack too (a correction never hides the original)", async () => {
    const response = await html("riverside", agenda.packId, 1);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>v1</title>");
  });

  it("serves the public PDF inline, named sensibly, cached as immutable, without the exempt words", async () => {
    const response = await pdf("riverside", agenda.packId, 2);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(
      'inline; filename="riverside-performance-committee-2026-12-14-agenda-pack-v2.pdf"',
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("ETag")).toBe(`"${agenda.publicSha[1]}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(bytes.toString("latin1")).toContain(NOTICE);
    expect(bytes.toString("latin1")).not.toContain(EXEMPT_MARKER);
    expect(Number(response.headers.get("Content-Length"))).toBe(bytes.byteLength);
  });

  it("answers 304 to a browser that already holds the version", async () => {
    const response = await html("riverside", agenda.packId, 2, { "If-None-Match": `"${agenda.publicSha[1]}"` });
    expect(response.status).toBe(304);
  });

  it("serves approved minutes, web page and PDF", async () => {
    expect((await html("riverside", approvedMinutes.packId, 2)).status).toBe(200);
    expect((await pdf("riverside", approvedMinutes.packId, 1)).status).toBe(200);
  });

  it("answers 404, not cached, for minutes not yet approved", async () => {
    const response = await html("riverside", unapprovedMinutes.packId, 1);
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect((await pdf("riverside", unapprovedMinutes.packId, 1)).status).toBe(404);
  });

  it("answers 404 for another organisation's pack, whichever slug it is asked under", async () => {
    expect((await html("riverside", southbankAgenda.packId, 1)).status).toBe(404);
    expect((await pdf("riverside", southbankAgenda.packId, 1)).status).toBe(404);
    expect((await html("southbank", agenda.packId, 1)).status).toBe(404);
    expect((await html("southbank", southbankAgenda.packId, 1)).status).toBe(200);
  });

  it("answers 404 for a version that does not exist and for malformed addresses", async () => {
    expect((await html("riverside", agenda.packId, 3)).status).toBe(404);
    expect((await html("riverside", agenda.packId, 0)).status).toBe(404);
    expect((await html("riverside", agenda.packId, "two")).status).toBe(404);
    expect((await html("riverside", "not-a-uuid", 1)).status).toBe(404);
    expect((await pdf("riverside", "00000000-0000-4000-8000-000000000000", 1)).status).toBe(404);
  });
});
