import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { minutesFragment } from "../../app/shared/meetings/meeting-record";
import { packContents, type PackDocument } from "../../app/shared/packs/pack-document";
import { listAgendaItems } from "../../db/queries/meetings";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findPackVersion, listPackVersions } from "../../db/queries/packs";
import { findUserByEmail } from "../../db/queries/users";
import { agendaItems, declarations, meetings, motions } from "../../db/schema/meetings";
import { minutesApprovals, packVersions } from "../../db/schema/packs";
import { createTestServices } from "../../tests/support/test-services";
import { createPostgresStorage } from "../realtime/yjs/document-storage";
import { signMinutes } from "./approve-minutes";
import { canonicalJson, sha256Hex } from "./canonical-json";
import { freezePack, PackNotReadyError } from "./freeze-pack";
import { verifyPackVersion } from "./verify-pack";

/*
 * Freezing, verifying and approving on the demo organisation: October's meeting has
 * closed with minutes, a resolution and an exempt item; November's agenda is published.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let october: typeof meetings.$inferSelect;
let november: typeof meetings.$inferSelect;
let clerk: { userId: string; label: string; name: string };

beforeAll(async () => {
  services = await createTestServices("demo");
  const org = await findOrganisationBySlug(services.db, "northfield");
  organisationId = org!.id;
  const rows = await services.db
    .select()
    .from(meetings)
    .where(eq(meetings.organisationId, organisationId))
    .orderBy(meetings.startsAt);
  october = rows.find((m) => m.status === "closed")!;
  november = rows.find((m) => m.status === "agenda_published")!;
  const officer = await findUserByEmail(services.db, "officer@northfield.example");
  clerk = { userId: officer!.id, label: officer!.email, name: officer!.name };
}, 180_000);
afterAll(() => services.cleanup());

async function appendMinutes(meetingId: string, itemId: string, text: string) {
  const name = meetingDocumentName(meetingId);
  const doc = await services.documents.read(name);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  minutesFragment(doc, itemId).push([paragraph]);
  const storage = createPostgresStorage(services.db);
  await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc, before), userId: null, at: new Date() }]);
}

function pdfText(bytes: Uint8Array, page?: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "minuted-pack-"));
  const file = path.join(dir, "pack.pdf");
  writeFileSync(file, bytes);
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8" });
}

describe("freezing the minuted pack", () => {
  let first: { packId: string; version: number; sha256: string };

  it("refuses a meeting that has not closed", async () => {
    await expect(freezePack(services, { meeting: november, kind: "minutes", reason: "", actor: clerk })).rejects.toThrow(
      /once the meeting has closed/,
    );
  });

  it("stores version 1 with the hash of its canonical JSON, the documents' states, and freezes the record", async () => {
    const items = await listAgendaItems(services.db, october.id);
    const contract = items.find((i) => i.kind === "report")!;
    const tenant = await findUserByEmail(services.db, "joan.whitaker@northfield.example");
    await services.db.insert(declarations).values({
      meetingId: october.id,
      agendaItemId: contract.id,
      userId: tenant!.id,
      kind: "personal",
      note: "A relative works for a bidder",
    });
    const ravi = await findUserByEmail(services.db, "ravi.patel@northfield.example");
    await services.db.insert(declarations).values({
      meetingId: october.id,
      agendaItemId: contract.id,
      userId: ravi!.id,
      kind: "prejudicial",
      note: "Director of a bidder",
    });
    first = await freezePack(services, { meeting: october, kind: "minutes", reason: "", actor: clerk });
    expect(first.version).toBe(1);
    const stored = (await findPackVersion(services.db, organisationId, first.packId, 1))!;
    expect(stored.sha256).toBe(sha256Hex(stored.canonicalJson));
    expect(stored.previousSha256).toBeNull();
    const pack = JSON.parse(stored.canonicalJson) as PackDocument;
    expect(canonicalJson(pack)).toBe(stored.canonicalJson);
    expect(pack.kind).toBe("minutes");
    expect(pack.quorumText).toMatch(/quorate/i);
    const exceptions = pack.items.find((i) => i.kindLabel === "Exceptions")!;
    expect(exceptions.minuteNumber).toMatch(/^PC 26\/\d+$/);
    expect(exceptions.resolutions[0].wording).toMatch(/exception reports for September 2026 be noted/);
    // Declarations are recorded under the declarations item, naming the item each concerns.
    const declared = pack.items.find((i) => i.kindLabel === "Declarations of interest")!;
    expect(declared.declarations).toEqual([
      { name: "Joan Whitaker", kindLabel: `Personal interest, ${contract.minuteNumber}`, note: "A relative works for a bidder" },
      { name: "Ravi Patel", kindLabel: `Prejudicial interest, ${contract.minuteNumber}`, note: "Director of a bidder" },
    ]);
    // The item itself records that a member with a prejudicial interest left the meeting for it.
    const contractItem = pack.items.find((i) => i.minuteNumber === contract.minuteNumber)!;
    expect(contractItem.declarations).toContainEqual({
      name: "Ravi Patel",
      kindLabel: "Prejudicial interest. Ravi Patel left the meeting for this item",
      note: "Director of a bidder",
    });
    expect(await createPostgresStorage(services.db).frozenAt(meetingDocumentName(october.id))).not.toBeNull();
    const docs = await services.db.execute(
      sql`select document_name from pack_version_documents where pack_version_id = ${stored.id}`,
    );
    expect(JSON.stringify(docs)).toContain(meetingDocumentName(october.id));
  }, 60_000);

  it("is unchanged, byte for byte, after the live documents change", async () => {
    const before = (await findPackVersion(services.db, organisationId, first.packId, 1))!;
    const items = await listAgendaItems(services.db, october.id);
    await appendMinutes(october.id, items[0].id, "A late addition that must not reach version 1.");
    const after = (await findPackVersion(services.db, organisationId, first.packId, 1))!;
    expect(after.canonicalJson).toBe(before.canonicalJson);
    expect(sha256Hex(after.pdf)).toBe(before.pdfSha256);
    expect(after.html).toBe(before.html);
    expect(after.canonicalJson).not.toContain("late addition");
  });

  it("has the minutes, resolutions and contents page numbers in the PDF, matching the web page", async () => {
    const stored = (await findPackVersion(services.db, organisationId, first.packId, 1))!;
    const pack = JSON.parse(stored.canonicalJson) as PackDocument;
    const text = pdfText(stored.pdf);
    expect(text).toContain("Priya Shah presented the exception reports for September");
    expect(text).toContain("RESOLVED");
    for (const entry of packContents(pack)) {
      const page = stored.pageMap[entry.sectionId];
      expect(page, entry.sectionId).toBeGreaterThan(1);
      // The heading is on the page the contents give, in the PDF and in the web page.
      expect(pdfText(stored.pdf, page).replace(/\s+/g, " ")).toContain(entry.title.slice(0, 30));
      expect(stored.html).toContain(`#${entry.sectionId}`);
    }
    expect(pdfText(stored.pdf, stored.pageCount)).toContain(stored.sha256);
  }, 60_000);

  it("keeps the exempt item out of the public copy", async () => {
    const stored = (await findPackVersion(services.db, organisationId, first.packId, 1))!;
    expect(stored.canonicalJson).toContain("preferred bidder");
    expect(stored.publicCanonicalJson).not.toContain("preferred bidder");
    expect(stored.publicHtml).not.toContain("preferred bidder");
    expect(stored.publicHtml).not.toContain("Responsive repairs contract");
    expect(pdfText(stored.publicPdf)).not.toContain("preferred bidder");
    expect(pdfText(stored.publicPdf)).toContain("Exempt information: not for publication (paragraph 3)");
    expect(stored.publicSha256).toBe(sha256Hex(stored.publicCanonicalJson));
  }, 60_000);

  it("is refused an UPDATE or DELETE by the database", async () => {
    await expect(
      services.db.update(packVersions).set({ reason: "tampered" }).where(eq(packVersions.packId, first.packId)),
    ).rejects.toThrow();
    await expect(services.db.delete(packVersions).where(eq(packVersions.packId, first.packId))).rejects.toThrow();
    const stored = await findPackVersion(services.db, organisationId, first.packId, 1);
    expect(stored?.reason).toBe("");
  });

  it("makes a correction a new version with a reason, chained to the one before", async () => {
    await expect(freezePack(services, { meeting: october, kind: "minutes", reason: " ", actor: clerk })).rejects.toThrow(
      /why this correction/,
    );
    const second = await freezePack(services, {
      meeting: october,
      kind: "minutes",
      reason: "Adds the late addition to the apologies",
      actor: clerk,
    });
    expect(second.version).toBe(2);
    const stored = (await findPackVersion(services.db, organisationId, first.packId, 2))!;
    expect(stored.previousSha256).toBe(first.sha256);
    expect(stored.canonicalJson).toContain("late addition");
    expect((await listPackVersions(services.db, first.packId)).map((v) => v.version)).toEqual([2, 1]);
    const verification = await verifyPackVersion(services.db, organisationId, first.packId, 2);
    expect(verification).toMatchObject({ matches: true, chainIntact: true, publicCopyMatches: true });
  }, 60_000);

  it("verification detects a tampered copy", async () => {
    // Tampering needs the trigger out of the way: what an attacker with the database owner's rights could do.
    await services.db.execute(sql`alter table pack_versions disable trigger pack_versions_immutable`);
    try {
      await services.db
        .update(packVersions)
        .set({
          canonicalJson: sql`replace(${packVersions.canonicalJson}, 'Apologies were received', 'Apologies were not received')`,
        })
        .where(and(eq(packVersions.packId, first.packId), eq(packVersions.version, 1)));
    } finally {
      await services.db.execute(sql`alter table pack_versions enable trigger pack_versions_immutable`);
    }
    expect(await verifyPackVersion(services.db, organisationId, first.packId, 1)).toMatchObject({ matches: false });
    // Version 2 names version 1's original hash, which version 1 no longer has.
    const second = await verifyPackVersion(services.db, organisationId, first.packId, 2);
    expect(second).toMatchObject({ matches: false, chainIntact: false });
    expect(second?.artefacts.filter((a) => !a.matches).map((a) => a.name)).toEqual(["chain"]);
    expect(await verifyPackVersion(services.db, "00000000-0000-4000-8000-000000000000", first.packId, 1)).toBeNull();
  });
});

describe("approving the minutes at the next meeting", () => {
  it("refuses to sign before the meeting has voted, then records the chair's signature with the hash of the latest version", async () => {
    const chair = await findUserByEmail(services.db, "member@northfield.example");
    const [opened] = await services.db
      .update(meetings)
      .set({ status: "in_session" })
      .where(eq(meetings.id, november.id))
      .returning();
    const item = (await listAgendaItems(services.db, november.id)).find((i) => i.kind === "previous_minutes")!;
    const signer = { userId: chair!.id, label: chair!.email, name: chair!.name };
    await expect(signMinutes(services.db, { approving: opened, itemId: item.id, signer })).rejects.toThrow(/not yet voted/);
    await services.db.insert(motions).values({
      meetingId: november.id,
      agendaItemId: item.id,
      wording: "the minutes of the meeting held on 19 October 2026 be approved as a correct record.",
      method: "show_of_hands",
      status: "carried",
      votesFor: 5,
      votesAgainst: 0,
      abstentions: 1,
      closedAt: new Date(),
    });
    const signed = await signMinutes(services.db, { approving: opened, itemId: item.id, signer });
    expect(signed.changed).toBe(true);
    const versions = await services.db.select().from(packVersions).where(eq(packVersions.organisationId, organisationId));
    const latest = versions.filter((v) => v.canonicalJson.includes('"kind":"minutes"')).sort((a, b) => b.version - a.version)[0];
    expect(signed.approval.sha256).toBe(latest.sha256);
    const [octoberNow] = await services.db.select().from(meetings).where(eq(meetings.id, october.id));
    expect(octoberNow.status).toBe("minutes_approved");
    expect((await signMinutes(services.db, { approving: opened, itemId: item.id, signer })).changed).toBe(false);
    await expect(services.db.delete(minutesApprovals).where(eq(minutesApprovals.meetingId, october.id))).rejects.toThrow();
    await expect(
      freezePack(services, { meeting: octoberNow, kind: "minutes", reason: "After approval", actor: clerk }),
    ).rejects.toThrow(/approved and signed/);
  }, 60_000);
});

describe("publishing the agenda pack", () => {
  it("names what is missing and publishes nothing until it is done, then publishes the agenda", async () => {
    const [december] = await services.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.organisationId, organisationId), eq(meetings.status, "draft")))
      .orderBy(meetings.startsAt)
      .limit(1);
    const [report] = await services.db
      .insert(agendaItems)
      .values({ meetingId: december.id, position: 99, kind: "report", title: "Damp and mould policy" })
      .returning();
    const refused = await freezePack(services, { meeting: december, kind: "agenda", reason: "", actor: clerk }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(PackNotReadyError);
    expect((refused as PackNotReadyError).gaps.map((g) => g.message)).toContain(
      "Item 99, Damp and mould policy: no cover report has been written",
    );
    await services.db.delete(agendaItems).where(eq(agendaItems.id, report.id));
    const published = await freezePack(services, { meeting: december, kind: "agenda", reason: "", actor: clerk });
    expect(published.version).toBe(1);
    const [after] = await services.db.select().from(meetings).where(eq(meetings.id, december.id));
    expect(after.status).toBe("agenda_published");
    const stored = (await findPackVersion(services.db, organisationId, published.packId, 1))!;
    expect(JSON.parse(stored.canonicalJson)).toMatchObject({ kind: "agenda", title: expect.stringMatching(/agenda pack/) });
  }, 60_000);
});
