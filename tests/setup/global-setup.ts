import postgres from "postgres";

/**
 * With DATABASE_URL the suite runs against that PostgreSQL server. An unreachable
 * server is a failure, never a silent skip (CI depends on it).
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new Error(`DATABASE_URL is set but the PostgreSQL server cannot be reached: ${(error as Error).message}`);
  } finally {
    await sql.end();
  }
}
