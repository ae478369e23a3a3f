// Prints the test files whose outcome can depend on the database they run on: those
// that reach tests/support/test-database.ts (the one place a test file gets a database,
// PGlite or the server named by DATABASE_URL) through their imports. CI runs every file
// on the embedded database and only these again on the PostgreSQL server: the others
// (rules, parsers, the PDF writer, the Yjs transport) run the same code either way, and
// ran twice for nothing (107 of 186 files in December 2026).
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const databaseHelper = path.join(root, "tests/support/test-database.ts");
const testRoots = ["app", "server", "db", "tests/integration"];
const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+|~\/[^"']+)["']/g;

function testFiles(dir) {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(relative);
    return /\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

function resolveImport(from, specifier) {
  const base = specifier.startsWith("~/")
    ? path.join(root, "app", specifier.slice(2))
    : path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, path.join(base, "index.ts")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

const reachesDatabase = new Map();
function reaches(file, visiting = new Set()) {
  if (file === databaseHelper) return true;
  if (reachesDatabase.has(file)) return reachesDatabase.get(file);
  if (visiting.has(file)) return false;
  visiting.add(file);
  let found = false;
  for (const match of readFileSync(file, "utf8").matchAll(importPattern)) {
    const target = resolveImport(file, match[1]);
    if (target && reaches(target, visiting)) {
      found = true;
      break;
    }
  }
  // Only a positive answer is final: a file on an import cycle may be reached again.
  if (found) reachesDatabase.set(file, true);
  return found;
}

const files = testRoots.flatMap(testFiles).filter((file) => reaches(path.join(root, file)));
if (files.length === 0) throw new Error("No test file reaches tests/support/test-database.ts: the import scan is broken");
console.log(files.join("\n"));
