/**
 * `npm run bench`: runs every tests/bench/*.bench.ts and writes the figures to
 * tests/bench/results/latest.json (and prints them). Speed is measured here, never in
 * timed tests. Set DATABASE_URL to measure against a PostgreSQL server instead of PGlite.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Figure = { bench: string; name: string; value: number; unit: string; note?: string };

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const figures: Figure[] = [];
for (const file of files) {
  const bench = file.replace(/\.bench\.ts$/, "");
  console.log(`\n== ${bench} ==`);
  const module = (await import(path.join(here, file))) as {
    default: (record: (name: string, value: number, unit: string, note?: string) => void) => Promise<void>;
  };
  await module.default((name, value, unit, note) => {
    figures.push({ bench, name, value: Math.round(value * 100) / 100, unit, note });
    console.log(`  ${name}: ${Math.round(value * 100) / 100} ${unit}${note ? `  (${note})` : ""}`);
  });
}

const results = {
  at: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  database: process.env.DATABASE_URL ? "postgresql server" : "pglite (embedded)",
  figures,
};
mkdirSync(path.join(here, "results"), { recursive: true });
const out = path.join(here, "results", only.length ? `partial-${Date.now()}.json` : "latest.json");
writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
process.exit(0);
