// The embedded PostgreSQL (PGlite) in a thread of its own, serving the PostgreSQL wire
// protocol on a Unix socket that only this process knows. PGlite runs every query
// synchronously in WebAssembly: in the server's own thread each group commit, load and
// compaction stopped every socket of every live document for as long as it ran.
//
// Plain JavaScript because a worker thread does not inherit the TypeScript loader
// the server was started with; it is the one file of the kind, and it holds no logic.
import { readFileSync, writeFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** @type {{ dataDir: string | null, socketPath: string, fromDump: string | null }} */
const { dataDir, socketPath, fromDump } = workerData;

try {
  // fromDump: one of the tests' starting points, made once per run (tests/setup/global-setup.ts).
  const db = await PGlite.create(dataDir ? { dataDir } : fromDump ? { loadDataDir: new Blob([readFileSync(fromDump)]) } : {});
  // One connection: PGlite runs one session, so the parent's driver holds a single
  // connection and orders its queries and transactions itself.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on("message", async (message) => {
    if (typeof message === "object" && message?.dumpTo) {
      // A copy of the whole database as a tar file: the tests' starting points.
      try {
        const dump = await db.dumpDataDir("none");
        writeFileSync(message.dumpTo, Buffer.from(await dump.arrayBuffer()));
        parentPort.postMessage({ dumped: true });
      } catch (error) {
        parentPort.postMessage({ dumped: false, error: String(error) });
      }
      return;
    }
    if (message !== "stop") return;
    try {
      await server.stop();
      await db.close();
      parentPort.postMessage({ stopped: true });
    } catch (error) {
      parentPort.postMessage({ stopped: false, error: String(error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: String(error?.stack ?? error) });
}
