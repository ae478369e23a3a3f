import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client";

/** The environment variable naming the dump of a migrated embedded database, set by global setup. */
export const MIGRATED_PGLITE_DUMP = "MINUTED_TEST_PGLITE_DUMP";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when
 * DATABASE_URL is set, a database of its own on that server, dropped afterwards.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // Each file starts from the database global setup migrated once (about 3 s a file saved).
    const fromDump = process.env[MIGRATED_PGLITE_DUMP] || undefined;
    const handle = await openDatabase({ kind: "pglite", dataDir: null, fromDump });
    await handle.migrate(); // nothing left to do when started from the dump; all of it otherwise
    return { ...handle, cleanup: () => handle.close() };
  }
  const scratch = await createScratchDatabase(serverUrl);
  const handle = await openDatabase({ kind: "postgres", url: scratch.url, maxConnections: 4 });
  await handle.migrate();
  return {
    ...handle,
    cleanup: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/** An empty database of its own on the PostgreSQL server, for one test file. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minuted_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
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
