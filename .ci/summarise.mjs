// Sums the suites' JSON reports into the one closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const missing = [];

for (const name of ["vitest-pglite.json", "vitest-postgres.json"]) {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    missing.push(name);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  if (report.numTotalTests === 0) missing.push(`${name} (no tests ran)`);
}

// The type checker, the linter, Prettier and the audit: one each.
for (const name of readdirSync(dir).filter((f) => f.startsWith("check-"))) {
  const outcome = readFileSync(path.join(dir, name), "utf8").trim();
  if (outcome === "passed") passed += 1;
  else {
    failed += 1;
    console.log(`Check failed: ${name.slice("check-".length, -".txt".length)}`);
  }
}

const e2e = path.join(dir, "playwright.json");
if (existsSync(e2e)) {
  const stats = JSON.parse(readFileSync(e2e, "utf8")).stats;
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  if (stats.expected + stats.unexpected + stats.flaky === 0) missing.push("playwright.json (no tests ran)");
} else {
  missing.push("playwright.json");
}

// A suite that did not report counts as a failure, never as silence.
failed += missing.length;
if (missing.length) console.log(`Suites with no results: ${missing.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
