// What one import thread does: parse the file it was given and post the result
// back. Anything thrown ends the thread, which the runner reports as a problem.

import { parentPort, workerData } from "node:worker_threads";
import { parseImportHere } from "./parse-import";
import type { ParseThreadInput } from "./parse-thread-runner";

const input = workerData as ParseThreadInput;
const result = await parseImportHere(input.kind, input.bytes, input.filename, input.context, input.options);
parentPort?.postMessage(result);
