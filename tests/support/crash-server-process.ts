/**
 * A collaboration server in a process of its own, for the `kill -9` scenario
 * (crash-scenario.ts): it is killed with SIGKILL and started again on the same
 * database and port. Started by `startCrashServer` with:
 * - BENCH_DATABASE_URL (a PostgreSQL server) or BENCH_DATA_DIR (the embedded database);
 * - BENCH_PORT (0 the first time: any free port, which it reports);
 * - BENCH_SETUP=1 the first time, to make the organisation, officer and document.
 * It reports { ready, port, setup? } once listening, then its collab stats every 100 ms;
 * SIGTERM shuts it down gracefully.
 */
import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { openDatabase } from "../../db/client";
import { indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { createHttpServer } from "../../server/http-server";
import { createCollabServer } from "../../server/realtime/yjs/collab-server";
import { servicesOn } from "../support/test-services";

export type CrashServerSetup = { documentName: string; organisationId: string; officerId: string };
export type CrashServerReport =
  | { kind: "ready"; port: number; setup: CrashServerSetup | null }
  | { kind: "stats"; longestUncommittedMs: number; pendingUpdates: number };

/** Starts the server process; resolves once it listens, with its port and (first time) what it made. */
export function startCrashServer(
  env: Record<string, string>,
  onStats: (report: Extract<CrashServerReport, { kind: "stats" }>) => void,
) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, BENCH_CRASH_SERVER: "1" },
  });
  const ready = new Promise<Extract<CrashServerReport, { kind: "ready" }>>((resolve, reject) => {
    child.on("exit", (code, signal) => reject(new Error(`the crash-test server exited (${code ?? signal}) before it was ready`)));
    child.on("message", (report: CrashServerReport) => (report.kind === "ready" ? resolve(report) : onStats(report)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, ready, exited };
}

async function serve() {
  const url = process.env.BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: process.env.BENCH_DATA_DIR! });
  await database.migrate();
  const services = servicesOn(database);
  let setup: CrashServerSetup | null = null;
  if (process.env.BENCH_SETUP === "1") {
    const org = await createOrganisation(services.db, { slug: "crash", name: "Crash Homes" }, SYSTEM_ACTOR);
    const officer = await addMember(
      services.db,
      { organisationId: org.id, email: "officer@example.org", role: "officer" },
      SYSTEM_ACTOR,
    );
    const [indicator] = await services.db
      .insert(indicators)
      .values({
        organisationId: org.id,
        code: "C1",
        title: "Crash",
        category: "c",
        unit: "%",
        polarity: "higher",
        frequency: "monthly",
        aggregation: "ratio",
        ownerUserId: officer.id,
      })
      .returning({ id: indicators.id });
    setup = { documentName: exceptionDocumentName(indicator.id, "2025-04"), organisationId: org.id, officerId: officer.id };
  }
  const collab = createCollabServer({
    db: services.db,
    sessionSecret: services.config.sessionSecret,
    logger: { info: () => {}, warn: () => {}, error: (m) => console.error(m) },
  });
  const http = await createHttpServer(services, { withRemix: false, collabUpgrade: collab.handleUpgrade });
  await new Promise<void>((resolve) => http.server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", resolve));
  const send = process.send!.bind(process);
  send({ kind: "ready", port: (http.server.address() as AddressInfo).port, setup } satisfies CrashServerReport);
  setInterval(() => {
    const { longestUncommittedMs, pendingUpdates } = collab.stats();
    send({ kind: "stats", longestUncommittedMs, pendingUpdates } satisfies CrashServerReport);
  }, 100);
  process.on("SIGTERM", async () => {
    await collab.shutdown();
    await http.close();
    await services.cleanup();
    process.exit(0);
  });
}

if (process.env.BENCH_CRASH_SERVER === "1") {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
