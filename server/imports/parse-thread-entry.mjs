// The entry of an import thread (see parse-thread-runner.ts). Plain JavaScript
// because a worker thread starts with Node's own loader, which reads no
// TypeScript: it registers tsx, as server/start.mjs does for the server, and
// then loads the TypeScript that does the work. The same file serves the tests
// (vitest) and the production server, where the routes run from the Vite
// build but this file and the parsing code run from the source tree.
import { register } from "tsx/esm/api";

register();
await import("./parse-thread.ts");
