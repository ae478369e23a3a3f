import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirectoryLockedError, lockDataDirectory } from "./data-directory-lock";

const dir = () => mkdtempSync(path.join(tmpdir(), "minuted-lock-"));

describe("lockDataDirectory", () => {
  it("refuses a directory held by another live process, with a clear message", () => {
    const dataDir = dir();
    writeFileSync(path.join(dataDir, "minuted.lock"), String(process.ppid));
    expect(() => lockDataDirectory(dataDir)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(dataDir)).toThrow(/in use by another Minuted process/);
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dataDir = dir();
    writeFileSync(path.join(dataDir, "minuted.lock"), "999999");
    const release = lockDataDirectory(dataDir);
    release();
  });

  it("can be taken again once released", () => {
    const dataDir = dir();
    lockDataDirectory(dataDir)();
    lockDataDirectory(dataDir)();
  });
});
