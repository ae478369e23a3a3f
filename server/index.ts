import { ConfigError, parseConfig } from "./config";
import { startServer, type RunningServer } from "./start-server";

const SHUTDOWN_GRACE_MS = 10_000;

let running: RunningServer | null = null;
let stopping = false;

async function stop(reason: string, exitCode: number) {
  if (stopping) return;
  stopping = true;
  console.log(`${reason}: finishing requests and stopping.`);
  const force = setTimeout(() => {
    console.error("Requests did not finish in time; stopping anyway.");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  try {
    await running?.stop();
    process.exit(exitCode);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

/*
 * The last line of defence. Every asynchronous path (socket.io middleware and
 * handlers, upgrades, HTTP, timers) catches its own failures; a rejection that still
 * escapes is a bug to log, not a reason to drop every connection and the live edits
 * held in memory. An uncaught exception may have left state half-changed: the server
 * stores what it holds and stops, and the supervisor starts it again.
 */
process.on("unhandledRejection", (reason) => {
  console.error("Unhandled promise rejection (a bug: please report it):", reason);
});
process.on("uncaughtException", (error) => {
  console.error("Uncaught exception; storing live edits and stopping:", error);
  void stop("Uncaught exception", 1);
});

async function main() {
  const config = parseConfig();
  running = await startServer(config);
  const { services, port } = running;
  console.log(
    `Minuted is running at ${config.publicUrl ?? `http://${config.host}:${port}`} ` +
      `(${services.database.kind === "pglite" ? `embedded PostgreSQL in ${config.dataDir}` : "PostgreSQL server"}` +
      `${services.redis ? ", sharing live sessions through Redis" : ""})`,
  );
  process.on("SIGTERM", () => void stop("SIGTERM received", 0));
  process.on("SIGINT", () => void stop("SIGINT received", 0));
}

main().catch((error) => {
  if (error instanceof ConfigError || error?.name === "DataDirectoryLockedError") {
    console.error(error.message);
  } else {
    console.error("Minuted could not start:", error);
  }
  process.exit(1);
});
