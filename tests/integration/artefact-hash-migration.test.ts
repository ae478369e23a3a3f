import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { packs, packVersions } from "../../db/schema/packs";
import { sha256Hex } from "../../server/packs/canonical-json";
import { verifyPackVersion } from "../../server/packs/verify-pack";
import { createScratchDatabase } from "../support/test-database";

/*
 * The migration that records the hash of every stored artefact (0009) runs on a database
 * that already holds frozen versions, which the database refuses to change: it records
 * their hashes as stored, and leaves the versions as immutable as before.
 */

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations");
const BEFORE = "0009_record-artefact-hashes";

/** The migrations folder as it was before 0009. */
function migrationsBefore(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "minuted-migrations-"));
  cpSync(migrations, dir, { recursive: true });
  const journalFile = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === BEFORE);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

/** An organisation, a committee and a closed meeting, inserted with the columns that existed before 0009. */
async function meetingAsBefore0009() {
  const rows = async (query: ReturnType<typeof sql>) => (await handle.db.execute(query)) as unknown as { id: string }[];
  const [org] = await rows(sql`insert into organisations (slug, name) values ('before-0009', 'Before 0009') returning id`);
  const [body] = await rows(sql`
    insert into bodies (organisation_id, name, kind, minute_prefix, quorum_count)
    values (${org.id}, 'Performance Committee', 'committee', 'PC', 4) returning id`);
  const [meeting] = await rows(sql`
    insert into meetings (organisation_id, body_id, kind, title, starts_at, status)
    values (${org.id}, ${body.id}, 'committee', 'Performance Committee', now(), 'closed') returning id`);
  return { org, meeting };
}

let handle: DatabaseHandle;
let drop = async () => {};

beforeAll(async () => {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl);
    handle = await openDatabase({ kind: "postgres", url: scratch.url, maxConnections: 2 });
    drop = scratch.drop;
  } else {
    handle = await openDatabase({ kind: "pglite", dataDir: null });
  }
}, 60_000);
afterAll(async () => {
  await handle.close();
  await drop();
});

describe("migration 0009: recording every artefact's hash", () => {
  it("fills the hashes of versions frozen before it, which stay immutable", async () => {
    // The handle hides its driver type; underneath it is postgres.js for both databases.
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: migrationsBefore() });
    // Written as SQL of that time: today's schema has columns the database before 0009 lacks.
    const fixture = await meetingAsBefore0009();
    const [pack] = await handle.db
      .insert(packs)
      .values({ organisationId: fixture.org.id, meetingId: fixture.meeting.id, kind: "minutes" })
      .returning();
    const html = "<!doctype html><p>Minutes: £1,379 Tŷ Ŵyn</p>";
    const publicHtml = "<!doctype html><p>Exempt information</p>";
    const publicPdf = Buffer.from("%PDF-1.7 public\n%%EOF\n");
    // The table as it was before 0009 has no hash columns for these: insert as the old code did.
    await handle.db.execute(sql`
      insert into pack_versions (pack_id, organisation_id, version, canonical_json, sha256, html, pdf, pdf_sha256,
        page_count, page_map, public_canonical_json, public_sha256, public_html, public_pdf, frozen_by_name, frozen_at)
      values (${pack.id}, ${fixture.org.id}, 1, '{}', ${sha256Hex("{}")}, ${html}, ${Buffer.from("%PDF")}, ${sha256Hex("%PDF")},
        1, '{}', '{"p":1}', ${sha256Hex('{"p":1}')}, ${publicHtml}, ${publicPdf}, 'Clerk', now())`);

    await handle.migrate();

    const [row] = await handle.db.select().from(packVersions).where(eq(packVersions.packId, pack.id));
    expect(row.htmlSha256).toBe(sha256Hex(html));
    expect(row.publicHtmlSha256).toBe(sha256Hex(publicHtml));
    expect(row.publicPdfSha256).toBe(sha256Hex(publicPdf));
    expect((await verifyPackVersion(handle.db, fixture.org.id, pack.id, 1))?.matches).toBe(true);
    await expect(
      handle.db.update(packVersions).set({ html: "changed" }).where(eq(packVersions.packId, pack.id)),
    ).rejects.toThrow();
  }, 60_000);
});
