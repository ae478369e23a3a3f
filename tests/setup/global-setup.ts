import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { MIGRATED_PGLITE_DUMP } from "../support/test-database";

/**
 * With DATABASE_URL the suite runs against that PostgreSQL server. An unreachable
 * server is a failure, never a silent skip (CI depends on it).
 *
 * On the embedded database, every test file used to migrate a fresh PGlite (about 3 s
 * of WebAssembly each, over a hundred files): the migrated database is made once here
 * and dumped, and each file starts from the dump (tests/support/test-database.ts).
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return dumpMigratedPglite();
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new Error(`DATABASE_URL is set but the PostgreSQL server cannot be reached: ${(error as Error).message}`);
  } finally {
    await sql.end();
  }
}

async function dumpMigratedPglite() {
  const dir = mkdtempSync(path.join(tmpdir(), "minuted-test-dump-"));
  const file = path.join(dir, "migrated.tar");
  const pglite = await PGlite.create();
  try {
    await migrate(drizzle(pglite), { migrationsFolder: fileURLToPath(new URL("../../db/migrations", import.meta.url)) });
    writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  process.env[MIGRATED_PGLITE_DUMP] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
