import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index";
import { lockDataDirectory } from "./data-directory-lock";

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle is used exactly like the database. */
export type Executor = Database;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  /** Answers whether a trivial query succeeds, for /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The embedded database only: writes all of it to a tar file that `fromDump` starts from (the tests' starting points). */
  dumpTo?(file: string): Promise<void>;
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | {
      kind: "pglite";
      dataDir: string | null /* null: in memory, for tests */;
      /** In memory only: start from this dump of a data directory (a tar file) instead of an empty database. */
      fromDump?: string;
    };

/**
 * How long a pooled connection that failed waits before connecting again. postgres.js's
 * default grows with every failure of any connection of the pool, up to 20 s: after a
 * database outage of a few seconds, the queries given to those connections waited up
 * to 20 s more. Capped at one second, service resumes within a second of the database.
 */
const reconnectDelaySeconds = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * The only place a drizzle instance is made: PGlite (embedded PostgreSQL) unless a
 * DATABASE_URL is given. Callers make one per process and pass it on. Both are reached
 * through the same driver (postgres.js): PGlite from a thread of its own, over a Unix
 * socket, so its queries never hold up this thread's sockets.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    return overDriver(
      "postgres",
      postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {}, backoff: reconnectDelaySeconds }),
      async () => {},
    );
  }
  let releaseLock = () => {};
  let dataDir: string | null = null;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // PGlite's files belong to one process: a second one would corrupt them.
    releaseLock = lockDataDirectory(options.dataDir);
    dataDir = path.join(options.dataDir, "pglite");
  }
  try {
    const thread = await startPgliteThread(dataDir, options.fromDump ?? null);
    // PGlite serves one session: one connection, whose queue orders queries and transactions.
    const sql = postgres({ path: thread.socketPath, database: "postgres", username: "postgres", max: 1, onnotice: () => {} });
    const handle = overDriver("pglite", sql, async () => {
      try {
        await thread.stop();
      } finally {
        releaseLock();
      }
    });
    return { ...handle, dumpTo: thread.dumpTo };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function overDriver(kind: DatabaseHandle["kind"], sql: postgres.Sql, afterClose: () => Promise<void>): DatabaseHandle {
  const db = drizzle(sql, { schema });
  return {
    db: db as unknown as Database,
    kind,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => {
      try {
        await sql`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      try {
        await sql.end({ timeout: 5 });
      } finally {
        await afterClose();
      }
    },
  };
}

/** Starts PGlite in its thread (db/pglite-thread.mjs) and answers once it accepts connections. */
async function startPgliteThread(dataDir: string | null, fromDump: string | null) {
  const socketDir = mkdtempSync(path.join(os.tmpdir(), "minuted-pglite-"));
  const socketPath = path.join(socketDir, ".s.PGSQL.5432");
  const worker = new Worker(new URL("./pglite-thread.mjs", import.meta.url), {
    workerData: { dataDir, socketPath, fromDump },
  });
  const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
  const starting = new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`The embedded database stopped while starting (exit ${code})`)));
    worker.once("message", (message: { ready: boolean; error?: string }) =>
      message.ready ? resolve() : reject(new Error(`The embedded database could not start: ${message.error}`)),
    );
  });
  try {
    await starting;
  } catch (error) {
    await worker.terminate();
    removeSocketDir();
    throw error;
  }
  // From now on a failure shows in the queries (the socket is gone); this says why.
  worker.removeAllListeners("error").removeAllListeners("exit");
  worker.on("error", (error) => console.error("The embedded database thread failed:", error));
  return {
    socketPath,
    async dumpTo(file: string) {
      const answer = await new Promise<{ dumped: boolean; error?: string }>((resolve) => {
        worker.once("message", resolve);
        worker.postMessage({ dumpTo: file });
      });
      if (!answer.dumped) throw new Error(`The embedded database could not be dumped: ${answer.error}`);
    },
    async stop() {
      try {
        // Let PGlite close its files cleanly; a thread that does not answer is ended anyway.
        await Promise.race([
          new Promise((resolve) => {
            worker.once("message", resolve);
            worker.once("exit", resolve);
            worker.postMessage("stop");
          }),
          new Promise((resolve) => setTimeout(resolve, 5000).unref()),
        ]);
        await worker.terminate();
      } finally {
        removeSocketDir();
      }
    },
  };
}
