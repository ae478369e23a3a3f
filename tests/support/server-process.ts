/**
 * The real server (server/start-server.ts, as server/index.ts runs it, without the
 * Remix app so that no build is needed) in a process of its own, for fault tests that
 * must see whether the process survives. Started by `startServerProcess` with the
 * server's own environment (DATABASE_URL, SESSION_SECRET, ...). It reports
 * { kind: "ready", port } once listening and its collab stats every 200 ms. It
 * installs no handler for unhandled rejections: one that escapes ends it, as it ended
 * the server before the last line of defence in server/index.ts, so a test sees it.
 * SIGTERM stops it gracefully.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../../server/config";
import { startServer } from "../../server/start-server";

export type ServerProcessReport =
  { kind: "ready"; port: number } | { kind: "stats"; pendingUpdates: number; connections: number; documents: number };

export type ServerProcess = {
  child: ChildProcess;
  ready: Promise<{ port: number }>;
  /** Resolves with how it ended (an exit code or a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stdout and stderr, for a failing test's message (the last 20,000 characters). */
  output(): string;
  lastStats(): Extract<ServerProcessReport, { kind: "stats" }> | null;
  /** SIGTERM, then the exit. */
  stop(): Promise<void>;
};

export function startServerProcess(env: Record<string, string>): ServerProcess {
  const inherited = { ...process.env };
  // The child's configuration is exactly what the test gives it.
  for (const name of ["DATABASE_URL", "REDIS_URL", "PUBLIC_URL", "PORT", "HOST", "MINUTED_DATA_DIR"]) delete inherited[name];
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...inherited, ...env, MINUTED_SERVER_PROCESS: "1" },
    silent: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let stats: Extract<ServerProcessReport, { kind: "stats" }> | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<{ port: number }>((resolve, reject) => {
    child.once("exit", (code, signal) =>
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
    child.on("message", (report: ServerProcessReport) => {
      if (report.kind === "ready") resolve({ port: report.port });
      else stats = report;
    });
  });
  return {
    child,
    ready,
    exited,
    output: () => output,
    lastStats: () => stats,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function serve() {
  const running = await startServer(parseConfig(process.env), { withRemix: false });
  const send = process.send!.bind(process);
  send({ kind: "ready", port: running.port } satisfies ServerProcessReport);
  setInterval(() => {
    const { pendingUpdates, connections, documents } = running.collab.stats();
    send({ kind: "stats", pendingUpdates, connections, documents } satisfies ServerProcessReport);
  }, 200).unref();
  process.on("SIGTERM", () => {
    running.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

if (process.env.MINUTED_SERVER_PROCESS === "1") {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
