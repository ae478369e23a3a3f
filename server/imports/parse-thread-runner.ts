// Runs the parsing of one upload in a worker thread with its own heap limit
// and a time limit. The event loop that serves every organisation only waits
// for a message; a file that needs too much memory kills its thread (V8 stops
// a worker at its heap limit instead of the process), and a file that takes
// too long has its thread terminated. Either way the request gets one clear
// problem and the server carries on.
//
// One thread per file, started for it and ended with it: a thread costs about
// 0.3 s to start, small beside reading a file, and nothing one upload leaves
// behind can touch the next.

import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { formatCount, type ImportLimits } from "./import-limits";
import type { ImportContext, ValidationResult } from "./import-types";
import type { ImportKind, ParseImportOptions } from "./parse-import";
import { problem } from "./problems";

export interface ParseThreadInput {
  kind: ImportKind;
  bytes: Uint8Array;
  filename: string;
  context: ImportContext;
  options: ParseImportOptions;
}

const ENTRY = "parse-thread-entry.mjs";

/**
 * Where the thread's entry is. Beside this file when it runs from source (the
 * tests, the CLI, the server); from the production build, where this code is
 * bundled into build/server/index.js, it is the source tree's copy, found by
 * looking up from the bundle for server/imports/.
 */
function threadEntry(): URL {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, ENTRY), path.join(dir, "server", "imports", ENTRY)]) {
      if (existsSync(candidate)) return pathToFileURL(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The import thread's entry (${ENTRY}) was not found above ${import.meta.url}`);
    dir = parent;
  }
}

const refused = (message: string): ValidationResult<never> => ({
  rows: [],
  problems: [problem(null, null, message)],
  notices: [],
});

export function runParseThread(input: ParseThreadInput, limits: ImportLimits): Promise<ValidationResult<unknown>> {
  // A copy of exactly the file's bytes, moved (not copied again) into the thread.
  const bytes = input.bytes.slice();
  const worker = new Worker(threadEntry(), {
    workerData: { ...input, bytes, options: { ...input.options, limits } },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb },
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ValidationResult<unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      const seconds = formatCount(limits.workerTimeMs / 1000);
      finish(
        refused(
          `The file took more than ${seconds} s to read and check, the most an import may take: split it into smaller files`,
        ),
      );
    }, limits.workerTimeMs);
    worker.once("message", (result: ValidationResult<unknown>) => finish(result));
    worker.once("error", (error: Error & { code?: string }) => {
      if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
        finish(
          refused(
            `The file needs more than ${formatCount(limits.workerMemoryMb)} MB of memory to read and check, the most an import may use: split it into smaller files`,
          ),
        );
        return;
      }
      console.error("import thread failed:", error);
      finish(refused("The file could not be read: the import stopped unexpectedly. Try again, or save the file as CSV"));
    });
    worker.once("exit", (code) => {
      finish(
        refused(`The file could not be read: the import stopped unexpectedly (exit ${code}). Try again, or save the file as CSV`),
      );
    });
  });
}
