import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { SignInLimiter } from "../../server/auth/sign-in-limiter";
import { sessionCookie } from "../../server/auth/session-cookie";
import { createSession } from "../../server/auth/sessions";
import { parseConfig } from "../../server/config";
import { LiveEvents } from "../../server/realtime/io/live-events";
import type { AppServices } from "../../server/services";
import { MinuteRestrictions } from "../../server/meetings/minute-restrictions";
import { SharedDocuments } from "../../server/realtime/yjs/shared-documents";
import { MeetingEvents } from "../../server/realtime/io/meeting-events";
import { LiveSessions } from "../../server/realtime/live-sessions";
import type { DatabaseHandle } from "../../db/client";
import { createTestDatabase, type TestDatabaseStart } from "./test-database";
import { ImportThreads } from "../../server/imports/import-threads";

/** The session secret of every test and bench server (tokens minted in one process are good in another). */
export const TEST_SESSION_SECRET = "test-secret-test-secret-test-secret-0123";

/** Services as server/index.ts makes them, on a fresh test database (with the demo seeded: `"demo"`). */
export async function createTestServices(
  startFrom: TestDatabaseStart = "migrated",
): Promise<AppServices & { cleanup(): Promise<void> }> {
  return servicesOn(await createTestDatabase(startFrom));
}

/** Services as server/index.ts makes them, on that database (closed by `cleanup`). */
export function servicesOn(database: DatabaseHandle & { cleanup?(): Promise<void> }): AppServices & { cleanup(): Promise<void> } {
  const config = parseConfig({
    NODE_ENV: "test",
    MINUTED_DATA_DIR: mkdtempSync(path.join(tmpdir(), "minuted-test-")),
    SESSION_SECRET: TEST_SESSION_SECRET,
  });
  return {
    config,
    database,
    db: database.db,
    redis: null,
    signInLimiter: new SignInLimiter(),
    live: new LiveEvents(),
    documents: new SharedDocuments(database.db),
    minuteRestrictions: new MinuteRestrictions(database.db),
    meetingEvents: new MeetingEvents(),
    liveSessions: new LiveSessions(database.db),
    importThreads: new ImportThreads(),
    cleanup: () => (database.cleanup ? database.cleanup() : database.close()),
  };
}

export const loadContext = (services: AppServices): AppLoadContext => ({ services, clientAddress: "127.0.0.1" });

/** A Cookie header for a new session of that person, as the browser would send it. */
export async function cookieFor(services: AppServices, userId: string): Promise<string> {
  const { token } = await createSession(services.db, userId);
  const setCookie = await sessionCookie(services.config.sessionSecret).serialize(token);
  return setCookie.split(";")[0];
}

export function formRequest(url: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** The HTTP status a loader or action answers with, whether it returns or throws. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    const result = await promise;
    if (result instanceof Response) return result.status;
    const init = (result as { init?: { status?: number } | null })?.init;
    return init?.status ?? 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
