import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { seedDemo } from "../../server/commands/demo-seeder";
import { createScratchDatabase, TEST_DATABASE_START_POINTS } from "../support/test-database";

/**
 * With DATABASE_URL the suite runs against that PostgreSQL server. An unreachable
 * server is a failure, never a silent skip (CI depends on it).
 *
 * Every test file used to migrate a database of its own (about 3 s of WebAssembly on the
 * embedded database, over a hundred files) and a quarter of them seeded the demo on it
 * (about 5 s more each). Both starting points are made once here: dumps of the embedded
 * database, or template databases on the server, which each file copies
 * (tests/support/test-database.ts).
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return makePgliteStartPoints();
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new Error(`DATABASE_URL is set but the PostgreSQL server cannot be reached: ${(error as Error).message}`);
  } finally {
    await sql.end();
  }
  return makePostgresStartPoints(url);
}

async function makePgliteStartPoints() {
  const dir = mkdtempSync(path.join(tmpdir(), "minuted-test-dump-"));
  const handle = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await handle.migrate();
    const migrated = path.join(dir, "migrated.tar");
    await handle.dumpTo!(migrated);
    await seedDemo(handle.db);
    const demo = path.join(dir, "demo.tar");
    await handle.dumpTo!(demo);
    process.env[TEST_DATABASE_START_POINTS.migrated.pgliteDump] = migrated;
    process.env[TEST_DATABASE_START_POINTS.demo.pgliteDump] = demo;
  } finally {
    await handle.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

async function makePostgresStartPoints(serverUrl: string) {
  const migrated = await createScratchDatabase(serverUrl);
  const made = [migrated];
  try {
    let handle = await openDatabase({ kind: "postgres", url: migrated.url, maxConnections: 1 });
    await handle.migrate().finally(() => handle.close());
    // A template is copied only while no one is connected to it: every handle is closed first.
    const demo = await createScratchDatabase(serverUrl, databaseName(migrated.url));
    made.push(demo);
    handle = await openDatabase({ kind: "postgres", url: demo.url, maxConnections: 1 });
    await seedDemo(handle.db).finally(() => handle.close());
    process.env[TEST_DATABASE_START_POINTS.migrated.postgresTemplate] = databaseName(migrated.url);
    process.env[TEST_DATABASE_START_POINTS.demo.postgresTemplate] = databaseName(demo.url);
  } catch (error) {
    await Promise.all(made.map((database) => database.drop()));
    throw error;
  }
  return async () => {
    await Promise.all(made.map((database) => database.drop()));
  };
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);
