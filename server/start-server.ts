import { Redis } from "ioredis";
import { openDatabase } from "../db/client";
import { SignInLimiter } from "./auth/sign-in-limiter";
import { seedDemoIfEmpty } from "./commands/demo-seeder";
import type { Config } from "./config";
import { LISTEN_BACKLOG, createHttpServer } from "./http-server";
import { registerMeetingRecord } from "./meetings/meeting-record-server";
import { MinuteRestrictions } from "./meetings/minute-restrictions";
import { LiveEvents } from "./realtime/io/live-events";
import { MeetingEvents } from "./realtime/io/meeting-events";
import { LiveSessions } from "./realtime/live-sessions";
import { createCollabServer } from "./realtime/yjs/collab-server";
import { createRedisRelay } from "./realtime/yjs/document-relay";
import { SharedDocuments } from "./realtime/yjs/shared-documents";
import type { AppServices } from "./services";
import { ImportThreads } from "./imports/import-threads";

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Makes the stateful things of the process once (database, Redis, services, the collab
 * and socket.io servers, HTTP) and listens. server/index.ts runs it with the Remix app;
 * fault tests run it in a process of their own without it (no build needed).
 */
export async function startServer(config: Config, options: { withRemix?: boolean } = {}) {
  const database = await openDatabase(
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir },
  );
  await database.migrate();
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded?.created) console.log(seeded.lines.join("\n"));
  }

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : null;
  redis?.on("error", (error) => console.error("Redis:", error.message));
  const liveSessions = new LiveSessions(database.db, { redis });
  await liveSessions.listen();
  const services: AppServices = {
    config,
    database,
    db: database.db,
    redis,
    signInLimiter: new SignInLimiter(redis ?? undefined),
    live: new LiveEvents(),
    documents: new SharedDocuments(database.db),
    minuteRestrictions: new MinuteRestrictions(database.db),
    meetingEvents: new MeetingEvents(),
    liveSessions,
    importThreads: new ImportThreads(),
  };

  const relay = redis ? createRedisRelay(redis) : undefined;
  const collab = createCollabServer({
    db: database.db,
    sessionSecret: config.sessionSecret,
    publicUrl: config.publicUrl,
    relay,
    liveSessions,
  });
  registerMeetingRecord(collab, services);
  services.documents.attach(collab);
  const http = await createHttpServer(services, { collabUpgrade: collab.handleUpgrade, withRemix: options.withRemix });
  await new Promise<void>((resolve) =>
    http.server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, resolve),
  );
  const address = http.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;

  return {
    services,
    collab,
    http,
    port,
    /** Stores the last edits, then closes connections, Redis and the database. */
    async stop() {
      // The collab server writes its last edits and compacts before the database closes.
      await collab.shutdown();
      await relay?.close();
      await http.close();
      await liveSessions.close();
      await redis?.quit();
      await database.close();
    },
  };
}
