import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, types, type PGliteOptions } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
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
};

export type DatabaseOptions =
  | { kind: "postgres"; url: string; maxConnections?: number }
  | { kind: "pglite"; dataDir: string | null /* null: in memory, for tests */ };

/**
 * bytea in and out of PGlite as hex text through Buffer, in native code. PGlite's own
 * codec goes byte by byte in JavaScript (a 100 KB snapshot took about 20 ms to read
 * and more to write), and PGlite runs in this thread: every live document's load,
 * group commit and compaction blocked the event loop that long.
 */
const byteaCodec: Pick<PGliteOptions, "parsers" | "serializers"> = {
  parsers: { [types.BYTEA]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), "hex")) },
  serializers: {
    [types.BYTEA]: (value: unknown) => {
      if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
      return "\\x" + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex");
    },
  },
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * The only place a drizzle instance is made: PGlite (embedded PostgreSQL) unless a
 * DATABASE_URL is given. Callers make one per process and pass it on.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === "postgres") {
    const sql = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(sql, { schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(drizzlePostgres(sql, { schema }), { migrationsFolder }),
      ping: async () => {
        try {
          await sql`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }

  let releaseLock = () => {};
  let client: PGlite;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // PGlite's files belong to one process: a second one would corrupt them.
    releaseLock = lockDataDirectory(options.dataDir);
    try {
      client = await PGlite.create({ dataDir: path.join(options.dataDir, "pglite"), ...byteaCodec });
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create(byteaCodec);
  }
  const pglite = drizzlePglite(client, { schema });
  return {
    db: pglite as unknown as Database,
    kind: "pglite",
    migrate: () => migratePglite(pglite, { migrationsFolder }),
    ping: async () => {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}
