import { Redis } from "ioredis";
import { openDatabase } from "../db/client";
import { SignInLimiter } from "./auth/sign-in-limiter";
import { seedDemoIfEmpty } from "./commands/demo-seeder";
import { ConfigError, parseConfig } from "./config";
import { createHttpServer } from "./http-server";
import { createCollabServer } from "./realtime/yjs/collab-server";
import { createRedisRelay } from "./realtime/yjs/document-relay";
import { LiveEvents } from "./realtime/io/live-events";
import type { AppServices } from "./services";
import { MinuteRestrictions } from "./meetings/minute-restrictions";
import { registerMeetingRecord } from "./meetings/meeting-record-server";
import { SharedDocuments } from "./realtime/yjs/shared-documents";
import { MeetingEvents } from "./realtime/io/meeting-events";

const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  const config = parseConfig();
  const database = await openDatabase(
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir },
  );
  await database.migrate();
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded?.created) console.log(seeded.lines.join("\n"));
  }

  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3 }) : null;
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
  };

  const relay = redis ? createRedisRelay(redis) : undefined;
  const collab = createCollabServer({ db: database.db, sessionSecret: config.sessionSecret, publicUrl: config.publicUrl, relay });
  registerMeetingRecord(collab, services);
  services.documents.attach(collab);
  const http = await createHttpServer(services, { collabUpgrade: collab.handleUpgrade });
  await new Promise<void>((resolve) => http.server.listen(config.port, config.host, resolve));
  const address = http.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(
    `Minuted is running at ${config.publicUrl ?? `http://${config.host}:${port}`} ` +
      `(${database.kind === "pglite" ? `embedded PostgreSQL in ${config.dataDir}` : "PostgreSQL server"}` +
      `${redis ? ", sharing live sessions through Redis" : ""})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests and stopping.`);
    const force = setTimeout(() => {
      console.error("Requests did not finish in time; stopping anyway.");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      // The collab server writes its last edits and compacts before the database closes.
      await collab.shutdown();
      await relay?.close();
      await http.close();
      await redis?.quit();
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error?.name === "DataDirectoryLockedError") {
    console.error(error.message);
  } else {
    console.error("Minuted could not start:", error);
  }
  process.exit(1);
});
