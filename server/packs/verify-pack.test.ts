import { and, eq, sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, meetings, motions } from "../../db/schema/meetings";
import { minutesApprovals, packVersions } from "../../db/schema/packs";
import { createMeetingFixture, takeAttendance, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestServices } from "../../tests/support/test-services";
import { signMinutes } from "./approve-minutes";
import { sha256Hex } from "./canonical-json";
import { freezePack } from "./freeze-pack";
import { verifyPackVersion, type ArtefactName } from "./verify-pack";

/*
 * Verifying a frozen version checks every artefact people read: the canonical JSON, the
 * web page, the PDF, the public copies, the link to the version before, and the hash the
 * chair signed. Each test changes one stored thing behind the database's back (the
 * trigger set aside, as someone with the owner's rights could) and sees verify name it.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let fixture: MeetingFixture;
let packId: string;
let clerk: { userId: string; label: string; name: string };

beforeAll(async () => {
  services = await createTestServices();
  fixture = await createMeetingFixture(services.db, { status: "closed", startsAt: new Date("2026-10-19T18:00:00Z") });
  clerk = { userId: fixture.officer.id, label: fixture.officer.email, name: fixture.officer.name };
  await takeAttendance(services.db, fixture);
  const first = await freezePack(services, { meeting: fixture.meeting, kind: "minutes", reason: "", actor: clerk });
  packId = first.packId;
  await freezePack(services, { meeting: fixture.meeting, kind: "minutes", reason: "Apologies corrected", actor: clerk });
  await freezePack(services, { meeting: fixture.meeting, kind: "minutes", reason: "A second correction", actor: clerk });

  // The next meeting votes that the minutes are a correct record and its chair signs version 3.
  const [approving] = await services.db
    .insert(meetings)
    .values({
      organisationId: fixture.org.id,
      bodyId: fixture.body.id,
      kind: "committee",
      title: "Performance Committee",
      startsAt: new Date("2026-11-23T18:00:00Z"),
      status: "in_session",
    })
    .returning();
  const [item] = await services.db
    .insert(agendaItems)
    .values({ meetingId: approving.id, position: 1, kind: "previous_minutes", title: "Minutes of the last meeting" })
    .returning();
  await services.db.insert(motions).values({
    meetingId: approving.id,
    agendaItemId: item.id,
    wording: "the minutes be approved as a correct record.",
    method: "show_of_hands",
    status: "carried",
    votesFor: 5,
    votesAgainst: 0,
    abstentions: 0,
    closedAt: new Date(),
  });
  const chair = fixture.seated.chair;
  await signMinutes(services.db, {
    approving,
    itemId: item.id,
    signer: { userId: chair.id, label: chair.email, name: chair.name },
  });
}, 120_000);
afterAll(() => services.cleanup());

/** Changes a stored row as an attacker with the database owner's rights could: with the immutability trigger set aside. */
async function tamper(table: "pack_versions" | "minutes_approvals", change: () => Promise<unknown>) {
  const trigger = table === "pack_versions" ? "pack_versions_immutable" : "minutes_approvals_immutable";
  await services.db.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
  try {
    await change();
  } finally {
    await services.db.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`));
  }
}

const ofVersion = (version: number) => and(eq(packVersions.packId, packId), eq(packVersions.version, version));

async function failing(version: number): Promise<ArtefactName[]> {
  const result = await verifyPackVersion(services.db, fixture.org.id, packId, version);
  expect(result?.matches).toBe(false);
  return result!.artefacts.filter((a) => !a.matches).map((a) => a.name);
}

type StoredColumn = "canonicalJson" | "html" | "pdf" | "publicCanonicalJson" | "publicHtml" | "publicPdf";

/** Tampers with one column of one version, checks verify names exactly that artefact, and puts it back. */
async function expectNoticed(version: number, column: StoredColumn, changed: SQL, expected: ArtefactName[]) {
  const [before] = await services.db.select({ value: packVersions[column] }).from(packVersions).where(ofVersion(version));
  await tamper("pack_versions", () =>
    services.db
      .update(packVersions)
      .set({ [column]: changed })
      .where(ofVersion(version)),
  );
  try {
    expect(await failing(version)).toEqual(expected);
  } finally {
    await tamper("pack_versions", () =>
      services.db
        .update(packVersions)
        .set({ [column]: before.value })
        .where(ofVersion(version)),
    );
  }
  expect((await verifyPackVersion(services.db, fixture.org.id, packId, version))?.matches).toBe(true);
}

describe("verifying a frozen version", () => {
  it("lists every artefact with its recorded and computed hash, all matching, with the chair's signature on the signed version", async () => {
    const result = (await verifyPackVersion(services.db, fixture.org.id, packId, 3))!;
    expect(result).toMatchObject({ version: 3, matches: true, chainIntact: true, publicCopyMatches: true });
    expect(result.artefacts.map((a) => a.name)).toEqual([
      "canonical-json",
      "html",
      "pdf",
      "public-canonical-json",
      "public-html",
      "public-pdf",
      "chain",
      "minutes-approval",
    ]);
    for (const artefact of result.artefacts) {
      expect(artefact.matches).toBe(true);
      expect(artefact.computedSha256).toBe(artefact.recordedSha256);
      expect(artefact.recordedSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const [row] = await services.db.select().from(packVersions).where(ofVersion(3));
    expect(result.artefacts.find((a) => a.name === "pdf")?.recordedSha256).toBe(sha256Hex(row.pdf));
    expect(result.artefacts.find((a) => a.name === "html")?.recordedSha256).toBe(sha256Hex(row.html));
    expect(result.recordedSha256).toBe(row.sha256);
    const first = (await verifyPackVersion(services.db, fixture.org.id, packId, 1))!;
    expect(first.artefacts.find((a) => a.name === "chain")).toEqual({
      name: "chain",
      recordedSha256: null,
      computedSha256: null,
      matches: true,
    });
    expect(first.artefacts.some((a) => a.name === "minutes-approval")).toBe(false);
  });

  it("notices a changed canonical JSON", async () => {
    await expectNoticed(2, "canonicalJson", sql`${packVersions.canonicalJson} || ' '`, ["canonical-json"]);
  });

  it("notices a changed web page", async () => {
    await expectNoticed(2, "html", sql`replace(${packVersions.html}, 'Minutes', 'Minutez')`, ["html"]);
  });

  it("notices a changed PDF against pdf_sha256", async () => {
    await expectNoticed(2, "pdf", sql`${packVersions.pdf} || '\\x20'::bytea`, ["pdf"]);
  });

  it("notices a changed public copy: its canonical JSON, web page and PDF", async () => {
    await expectNoticed(2, "publicCanonicalJson", sql`${packVersions.publicCanonicalJson} || ' '`, ["public-canonical-json"]);
    await expectNoticed(2, "publicHtml", sql`${packVersions.publicHtml} || '<!-- -->'`, ["public-html"]);
    await expectNoticed(2, "publicPdf", sql`${packVersions.publicPdf} || '\\x20'::bytea`, ["public-pdf"]);
    const result = await verifyPackVersion(services.db, fixture.org.id, packId, 2);
    expect(result?.publicCopyMatches).toBe(true);
  });

  it("notices a changed earlier version through the chain of the one after it", async () => {
    // Version 1's JSON and its recorded hash changed together: version 1 looks whole, version 2's link does not.
    const [before] = await services.db.select().from(packVersions).where(ofVersion(1));
    const forged = `${before.canonicalJson} `;
    await tamper("pack_versions", () =>
      services.db
        .update(packVersions)
        .set({ canonicalJson: forged, sha256: sha256Hex(forged) })
        .where(ofVersion(1)),
    );
    try {
      expect((await verifyPackVersion(services.db, fixture.org.id, packId, 1))?.matches).toBe(true);
      expect(await failing(2)).toEqual(["chain"]);
      expect((await verifyPackVersion(services.db, fixture.org.id, packId, 2))?.chainIntact).toBe(false);
    } finally {
      await tamper("pack_versions", () =>
        services.db.update(packVersions).set({ canonicalJson: before.canonicalJson, sha256: before.sha256 }).where(ofVersion(1)),
      );
    }
  });

  it("notices a signed version whose JSON and hash were both replaced: the chair signed another hash", async () => {
    const [before] = await services.db.select().from(packVersions).where(ofVersion(3));
    const forged = before.canonicalJson.replace("Minutes", "Minutez");
    await tamper("pack_versions", () =>
      services.db
        .update(packVersions)
        .set({ canonicalJson: forged, sha256: sha256Hex(forged) })
        .where(ofVersion(3)),
    );
    try {
      expect(await failing(3)).toEqual(["minutes-approval"]);
    } finally {
      await tamper("pack_versions", () =>
        services.db.update(packVersions).set({ canonicalJson: before.canonicalJson, sha256: before.sha256 }).where(ofVersion(3)),
      );
    }
  });

  it("notices a changed signature hash", async () => {
    const [approval] = await services.db
      .select()
      .from(minutesApprovals)
      .where(eq(minutesApprovals.meetingId, fixture.meeting.id));
    await tamper("minutes_approvals", () =>
      services.db
        .update(minutesApprovals)
        .set({ sha256: "0".repeat(64) })
        .where(eq(minutesApprovals.id, approval.id)),
    );
    try {
      expect(await failing(3)).toEqual(["minutes-approval"]);
    } finally {
      await tamper("minutes_approvals", () =>
        services.db.update(minutesApprovals).set({ sha256: approval.sha256 }).where(eq(minutesApprovals.id, approval.id)),
      );
    }
    expect((await verifyPackVersion(services.db, fixture.org.id, packId, 3))?.matches).toBe(true);
  });

  it("finds nothing of another organisation", async () => {
    const other = await createMeetingFixture(services.db);
    expect(await verifyPackVersion(services.db, other.org.id, packId, 1)).toBeNull();
  });
});
