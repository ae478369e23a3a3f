import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/*
 * A PostgreSQL server of a test's own, on a free port, for fault tests that stop and
 * start it (the machine's shared server at 5432 is never touched). initdb refuses to
 * run as root, so when the test runs as root the server runs as the `postgres` user.
 */

const BIN = process.env.MINUTED_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const RUN_AS = process.getuid?.() === 0 ? "postgres" : null;

export type PrivatePostgres = {
  port: number;
  /** The `postgres` database on it, as the `postgres` superuser (trust authentication). */
  url: string;
  /** Starts the server (again, on the same port and files) and answers once it accepts connections. */
  start(): Promise<void>;
  /** Fast shutdown (SIGINT): connections are cut, what was committed is kept. */
  stop(): Promise<void>;
  /** Stops it if it runs and removes its files. */
  cleanup(): Promise<void>;
};

function command(program: string, args: string[]): [string, string[]] {
  return RUN_AS ? ["runuser", ["-u", RUN_AS, "--", program, ...args]] : [program, args];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes a cluster in a temporary directory and starts it on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "minuted-private-pg-"));
  const dataDir = path.join(dir, "data");
  if (RUN_AS) {
    const { uid, gid } = userIds(RUN_AS);
    chownSync(dir, uid, gid);
  }
  const init = spawnSync(
    ...command(`${BIN}/initdb`, ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]),
    { encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let log = "";

  const stopOnExit = () => signalPostmaster("SIGQUIT");
  process.once("exit", stopOnExit);

  function postmasterPid(): number | null {
    try {
      return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || null;
    } catch {
      return null;
    }
  }

  function signalPostmaster(signal: NodeJS.Signals) {
    const pid = postmasterPid();
    if (!pid) return;
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }

  const handle: PrivatePostgres = {
    port,
    url,
    async start() {
      const server = spawn(
        ...command(`${BIN}/postgres`, [
          "-D",
          dataDir,
          "-p",
          String(port),
          "-k",
          dir,
          "-c",
          "listen_addresses=127.0.0.1",
          "-c",
          "fsync=off",
          "-c",
          "max_connections=40",
        ]),
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      child = server;
      log = "";
      server.stdout!.on("data", (chunk) => (log += chunk));
      server.stderr!.on("data", (chunk) => (log += chunk));
      exited = new Promise((resolve) => server.once("exit", () => resolve()));
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (server.exitCode !== null) throw new Error(`postgres exited while starting:\n${log}`);
        const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
        try {
          await sql`select 1`;
          return;
        } catch (error) {
          if (Date.now() > deadline) throw new Error(`postgres did not start: ${String(error)}\n${log}`);
        } finally {
          await sql.end({ timeout: 1 }).catch(() => {});
        }
        await sleep(100);
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      signalPostmaster("SIGINT");
      await exited;
      child = null;
    },
    async cleanup() {
      await handle.stop();
      process.off("exit", stopOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}

function userIds(name: string): { uid: number; gid: number } {
  const passwd = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === name);
  if (!passwd) throw new Error(`No user ${name} to run PostgreSQL as`);
  return { uid: Number(passwd[2]), gid: Number(passwd[3]) };
}
