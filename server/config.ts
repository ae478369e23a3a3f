import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must be a URL such as ${example}`,
    });

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .default(3000),
    HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
    DATABASE_URL: optionalUrl(["postgres", "postgresql"], "postgres://user@127.0.0.1:5432/minuted"),
    MINUTED_DATA_DIR: z.string().trim().min(1, "must not be empty").default("./.data"),
    REDIS_URL: optionalUrl(["redis", "rediss"], "redis://127.0.0.1:6379"),
    SESSION_SECRET: z
      .string()
      .optional()
      .refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
    PUBLIC_URL: optionalUrl(["http", "https"], "https://minuted.example.org"),
    MINUTED_SEED_DEMO: z.enum(["auto", "never"], { message: "must be auto or never" }).default("auto"),
    /** Set by `npm run dev`: serve the app through Vite's dev server instead of the build. */
    MINUTED_DEV_SERVER: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("0"),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && !value.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required when NODE_ENV=production (at least 32 random characters)",
      });
    }
  });

export type Config = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  sessionSecret: string;
  publicUrl: string | undefined;
  seedDemo: boolean;
  devServer: boolean;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Minuted cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once, at start, and says plainly what is wrong. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`));
  }
  const value = parsed.data;
  const dataDir = path.resolve(value.MINUTED_DATA_DIR);
  return {
    nodeEnv: value.NODE_ENV,
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir,
    redisUrl: value.REDIS_URL,
    sessionSecret: value.SESSION_SECRET ?? developmentSessionSecret(dataDir),
    publicUrl: value.PUBLIC_URL?.replace(/\/$/, ""),
    seedDemo: value.MINUTED_SEED_DEMO === "auto",
    devServer: value.MINUTED_DEV_SERVER === "1",
  };
}

/** Outside production a secret is generated once and kept, so sign-ins survive restarts. */
function developmentSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
