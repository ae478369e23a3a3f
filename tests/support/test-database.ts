import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { seedDemo } from "../../server/commands/demo-seeder";

/**
 * What a test file's database starts as: migrated and empty, or migrated with the demo
 * organisation seeded (Northfield, as `seedDemo` makes it).
 */
export type TestDatabaseStart = "migrated" | "demo";

/**
 * Where each starting point was made once per run by global setup (tests/setup/global-setup.ts):
 * on the embedded database, a dump (a tar file); on a PostgreSQL server, a template database.
 */
export const TEST_DATABASE_START_POINTS: Record<TestDatabaseStart, { pgliteDump: string; postgresTemplate: string }> = {
  migrated: { pgliteDump: "MINUTED_TEST_PGLITE_DUMP", postgresTemplate: "MINUTED_TEST_PG_TEMPLATE" },
  demo: { pgliteDump: "MINUTED_TEST_PGLITE_DEMO_DUMP", postgresTemplate: "MINUTED_TEST_PG_DEMO_TEMPLATE" },
};

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when DATABASE_URL
 * is set, a database of its own on that server, dropped afterwards. `demo` starts it with
 * the demo seeded: about 5 s of seeding a file on the embedded database, done once instead.
 * Without global setup's starting points (a file run on its own by other means) it migrates
 * and seeds itself, so the result is the same.
 */
export async function createTestDatabase(
  startFrom: TestDatabaseStart = "migrated",
): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  const names = TEST_DATABASE_START_POINTS[startFrom];
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  if (!serverUrl) {
    const fromDump = process.env[names.pgliteDump] || undefined;
    handle = await openDatabase({ kind: "pglite", dataDir: null, fromDump });
    cleanup = () => handle.close();
  } else {
    const scratch = await createScratchDatabase(serverUrl, process.env[names.postgresTemplate] || undefined);
    handle = await openDatabase({ kind: "postgres", url: scratch.url, maxConnections: 4 });
    cleanup = async () => {
      // Dropped even when closing fails (FORCE ends what is left): a CI run left one behind.
      try {
        await handle.close();
      } finally {
        await scratch.drop();
      }
    };
  }
  // Nothing left to do when started from a starting point; all of it otherwise.
  await handle.migrate();
  if (startFrom === "demo") await seedDemo(handle.db);
  return { ...handle, cleanup };
}

/**
 * An empty database of its own on the PostgreSQL server, for one test file, or a copy of
 * `template` (a database no one is connected to).
 */
export async function createScratchDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minuted_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
