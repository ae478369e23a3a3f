import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lockDataDirectory } from "../db/data-directory-lock";
import { createScratchDatabase } from "../tests/support/test-database";
import { runCli } from "./cli";

const savedEnv = { ...process.env };
let dropScratch: (() => Promise<void>) | null = null;

beforeAll(async () => {
  process.env.MINUTED_DATA_DIR = mkdtempSync(path.join(tmpdir(), "minuted-cli-"));
  if (savedEnv.DATABASE_URL) {
    const scratch = await createScratchDatabase(savedEnv.DATABASE_URL);
    process.env.DATABASE_URL = scratch.url;
    dropScratch = scratch.drop;
  }
});
afterAll(async () => {
  process.env = savedEnv;
  await dropScratch?.();
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    stderr.mockRestore();
    stdout.mockRestore();
  }
}

describe("the operator command line", () => {
  it("creates an organisation, an invitation link and a token printed on its own line", async () => {
    expect((await run("org:create", "westgate", "Westgate Homes")).out).toContain("Created organisation “Westgate Homes”");
    const invite = await run("user:create", "westgate", "clerk@example.org", "officer", "--invite");
    expect(invite.code).toBe(0);
    expect(invite.out).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    const token = await run("token:create", "westgate", "Housing system");
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^mnt_[A-Za-z0-9_-]+$/);
    expect((await run("db:seed")).out).toContain("Seeded the demo organisation");
    expect((await run("db:seed")).out).toContain("already exists");
    const reset = await run("user:reset-password", "admin@northfield.example");
    expect(reset.out).toMatch(/\/reset\/[A-Za-z0-9_-]{20,}/);
    // Seeding the demo takes most of this; on a busy 2-core machine it passes 30 s.
  }, 120_000);

  it("creates a token with an expiry, lists it, and revokes it only in its own organisation", async () => {
    await run("org:create", "eastgate", "Eastgate Homes");
    await run("org:create", "northgate", "Northgate Homes");
    const created = await run("token:create", "eastgate", "Nightly export", "--expires-days", "30");
    expect(created.code).toBe(0);
    expect(created.err).toMatch(/valid until \d{4}-\d\d-\d\d/);
    const prefix = created.out.trim().slice(0, 10);
    const elsewhere = await run("token:revoke", "northgate", prefix);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain(`No API token of this organisation matches “${prefix}”`);
    expect((await run("token:list", "eastgate")).out).toMatch(new RegExp(`${prefix}….*Nightly export.*active until`));
    const revoked = await run("token:revoke", "eastgate", prefix);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain("Revoked API token “Nightly export”");
    expect((await run("token:list", "eastgate")).out).toMatch(/\(revoked, never used\)/);
    const bad = await run("token:create", "eastgate", "X", "--expires-days", "0");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("at least 1 day");
  }, 120_000);

  it.each([
    [["user:create", "westgate", "a@example.org", "chair", "--invite"], 2, "Choose a role"],
    [["user:create", "nowhere", "a@example.org", "admin", "--invite"], 1, "No organisation has the slug “nowhere”"],
    [["org:create", "Bad Slug", "X"], 2, "lowercase letters"],
    [["org:create", "westgate", "Again"], 1, "already exists"],
    [["user:reset-password", "nobody@example.org"], 1, "No account uses"],
    [["frobnicate"], 2, "unknown command"],
  ])("refuses %j with exit code %i and a clear message", async (args, code, message) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });

  it.runIf(!savedEnv.DATABASE_URL)("refuses to open the embedded database while another process holds it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "minuted-cli-locked-"));
    process.env.MINUTED_DATA_DIR = dataDir;
    const release = lockDataDirectory(dataDir);
    // Pretend the holder is another live process: the parent of this test process.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(dataDir, "minuted.lock"), String(process.ppid));
    const result = await run("db:migrate");
    release();
    expect(result.code).toBe(1);
    expect(result.err).toContain("in use by another Minuted process");
  });
});
