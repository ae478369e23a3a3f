import type { Redis } from "ioredis";
import type { Database, DatabaseHandle } from "../db/client";
import type { SignInLimiter } from "./auth/sign-in-limiter";
import type { Config } from "./config";
import type { LiveEvents } from "./realtime/io/live-events";
import type { SharedDocuments } from "./realtime/yjs/shared-documents";
import type { MinuteRestrictions } from "./meetings/minute-restrictions";
import type { MeetingEvents } from "./realtime/io/meeting-events";
import type { LiveSessions } from "./realtime/live-sessions";
import type { ImportThreads } from "./imports/import-threads";

/** The stateful things of one process, made once by server/index.ts and passed in. */
export type AppServices = {
  config: Config;
  database: DatabaseHandle;
  db: Database;
  redis: Redis | null;
  signInLimiter: SignInLimiter;
  live: LiveEvents;
  /** Shared (Yjs) documents as they stand, for closing meetings and building packs. */
  documents: SharedDocuments;
  /** Who declared an interest on which item: the meeting record's edit rule. */
  minuteRestrictions: MinuteRestrictions;
  /** Tells the live session rooms when an HTTP action changed a meeting. */
  meetingEvents: MeetingEvents;
  /** Open socket.io and collab connections by session: they end when their session does. */
  liveSessions: LiveSessions;
  /** The cap on uploads read at once, each in a thread of its own. */
  importThreads: ImportThreads;
};

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: AppServices;
    clientAddress: string;
  }
}
