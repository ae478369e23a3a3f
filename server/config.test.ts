import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "minuted-config-"));

describe("parseConfig", () => {
  it("uses the defaults: port 3000 on 127.0.0.1 with the embedded database", () => {
    const config = parseConfig({ MINUTED_DATA_DIR: dataDir() });
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", databaseUrl: undefined });
  });

  it("keeps a generated session secret in the data directory across starts", () => {
    const dir = dataDir();
    const first = parseConfig({ MINUTED_DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(parseConfig({ MINUTED_DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it.each([
    [{ PORT: "abc" }, "PORT must be a number"],
    [{ PORT: "70000" }, "PORT must be between 0 and 65535"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must be a URL such as postgres://"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL must be a URL such as redis://"],
    [{ NODE_ENV: "production" }, "SESSION_SECRET is required when NODE_ENV=production"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET must be at least 32 characters"],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => parseConfig({ MINUTED_DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => parseConfig({ MINUTED_DATA_DIR: dataDir(), ...env })).toThrow(message);
  });
});
