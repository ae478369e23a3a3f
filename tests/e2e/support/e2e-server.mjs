// Starts the production server for the Playwright suite on a fresh embedded database,
// with a second organisation (made through the operator command line) to test isolation.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

// One data directory per port: runs on different ports do not wipe each other's database.
const dataDir = path.resolve(`.cache/e2e-data-${process.env.PORT ?? "3300"}`);
rmSync(dataDir, { recursive: true, force: true });
process.env.MINUTED_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const cli = (args, input) =>
  execFileSync("node", ["--import", "tsx", "server/cli.ts", ...args], {
    input,
    stdio: ["pipe", "inherit", "inherit"],
    env: process.env,
  });
cli(["db:seed"]);
cli(["org:create", "southbank", "Southbank Housing"]);
cli(["user:create", "southbank", "admin@southbank.example", "admin", "--name", "Sam Patel"], "southbank-password\n");

await import("../../../server/start.mjs");
