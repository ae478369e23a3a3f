import { Command, CommanderError } from "commander";
import { ZodError } from "zod";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { findOrganisationBySlug } from "../db/queries/organisations";
import { operatorActor } from "./audit";
import { createApiToken, expiresInDaysSchema, listApiTokens, revokeApiToken } from "./commands/api-token-creator";
import { seedDemo } from "./commands/demo-seeder";
import { CommandError } from "./commands/errors";
import { createInvitation, createPasswordReset } from "./commands/one-time-links";
import { createOrganisation } from "./commands/organisation-creator";
import { addMember, roleSchema } from "./commands/user-creator";
import { parseConfig, type Config } from "./config";

/** The operator's command line: `npm run minuted -- <command>`, against PGlite or DATABASE_URL alike. */

async function withDatabase<T>(fn: (handle: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = parseConfig();
  const handle = await openDatabase(
    config.databaseUrl
      ? { kind: "postgres", url: config.databaseUrl, maxConnections: 2 }
      : { kind: "pglite", dataDir: config.dataDir },
  );
  try {
    await handle.migrate();
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}

const baseUrl = (config: Config) =>
  config.publicUrl ?? `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;

async function requireOrganisation(handle: DatabaseHandle, slug: string) {
  const org = await findOrganisationBySlug(handle.db, slug);
  if (!org) throw new CommandError(`No organisation has the slug “${slug}”`);
  return org;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password (input is shown; pipe it in to hide it): ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export function buildProgram(): Command {
  const program = new Command("minuted")
    .description("Minuted operator commands. Uses DATABASE_URL when set, otherwise the embedded database in MINUTED_DATA_DIR.")
    .exitOverride()
    .showHelpAfterError();

  program
    .command("org:create")
    .description("Create an organisation")
    .argument("<slug>", "short name used in web addresses, e.g. northfield")
    .argument("<name>", 'full name, e.g. "Northfield Homes"')
    .action(async (slug: string, name: string) => {
      const org = await withDatabase(({ db }) => createOrganisation(db, { slug, name }, operatorActor()));
      console.log(`Created organisation “${org.name}” (${org.slug}).`);
    });

  program
    .command("user:create")
    .description("Add a person to an organisation; the password is read from standard input")
    .argument("<orgSlug>")
    .argument("<email>")
    .argument("<role>", "admin, officer, member or viewer")
    .option("--invite", "print a one-time invitation link instead of reading a password")
    .option("--name <name>", "the person's name")
    .action(async (orgSlug: string, email: string, role: string, options: { invite?: boolean; name?: string }) => {
      const parsedRole = roleSchema.parse(role);
      const password = options.invite ? undefined : await readStdin();
      await withDatabase(async (handle, config) => {
        const org = await requireOrganisation(handle, orgSlug);
        if (options.invite) {
          const { token, expiresAt } = await createInvitation(
            handle.db,
            { organisationId: org.id, email, role: parsedRole, invitedBy: null },
            operatorActor(),
          );
          console.log(
            `Invitation for ${email} as ${parsedRole} in ${org.name}, valid until ${expiresAt.toISOString().slice(0, 10)}:`,
          );
          console.log(`${baseUrl(config)}/invite/${token}`);
        } else {
          if (!password) throw new CommandError("Give the password on standard input, or use --invite");
          await addMember(
            handle.db,
            { organisationId: org.id, email, role: parsedRole, name: options.name, password },
            operatorActor(),
          );
          console.log(`Added ${email} to ${org.name} as ${parsedRole}.`);
        }
      });
    });

  program
    .command("user:reset-password")
    .description(
      "Print a one-time password-reset link for any account (an organisation's admin can reset only accounts that belong to their organisation alone)",
    )
    .argument("<email>")
    .action(async (email: string) => {
      await withDatabase(async (handle, config) => {
        const { token } = await createPasswordReset(handle.db, { email, organisationId: null }, operatorActor());
        console.log(`Password reset link for ${email} (valid 7 days, works once):`);
        console.log(`${baseUrl(config)}/reset/${token}`);
      });
    });

  program
    .command("token:create")
    .description("Create an organisation API token; it is printed once, on a line of its own")
    .argument("<orgSlug>")
    .argument("<name>", 'what uses it, e.g. "Housing system"')
    .option("--expires-days <days>", "the token stops working after this many days (default: never)")
    .action(async (orgSlug: string, name: string, options: { expiresDays?: string }) => {
      const expiresInDays = options.expiresDays === undefined ? null : expiresInDaysSchema.parse(options.expiresDays);
      await withDatabase(async (handle) => {
        const org = await requireOrganisation(handle, orgSlug);
        const { token, expiresAt } = await createApiToken(
          handle.db,
          { organisationId: org.id, name, createdBy: null, expiresInDays },
          operatorActor(),
        );
        const lasts = expiresAt ? `valid until ${expiresAt.toISOString().slice(0, 10)}` : "valid until revoked";
        console.error(`API token “${name}” for ${org.name}, ${lasts}. It will not be shown again:`);
        console.log(token);
      });
    });

  program
    .command("token:list")
    .description("List an organisation's API tokens: id, first characters, name, state, last use")
    .argument("<orgSlug>")
    .action(async (orgSlug: string) => {
      await withDatabase(async (handle) => {
        const org = await requireOrganisation(handle, orgSlug);
        const now = new Date();
        for (const t of await listApiTokens(handle.db, org.id)) {
          const state = t.revokedAt
            ? "revoked"
            : t.expiresAt && t.expiresAt <= now
              ? "expired"
              : t.expiresAt
                ? `active until ${t.expiresAt.toISOString().slice(0, 10)}`
                : "active";
          const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
          console.log(`${t.id}  ${t.prefix}…  ${t.name}  (${state}, ${used})`);
        }
      });
    });

  program
    .command("token:revoke")
    .description("Revoke an organisation's API token, named by its id or its first characters (see token:list)")
    .argument("<orgSlug>")
    .argument("<prefixOrId>", "e.g. mnt_AbC123 or the token's id")
    .action(async (orgSlug: string, reference: string) => {
      await withDatabase(async (handle) => {
        const org = await requireOrganisation(handle, orgSlug);
        const revoked = await revokeApiToken(handle.db, { organisationId: org.id, reference }, operatorActor());
        console.log(
          revoked.alreadyRevoked
            ? `API token “${revoked.name}” (${revoked.prefix}…) of ${org.name} was already revoked.`
            : `Revoked API token “${revoked.name}” (${revoked.prefix}…) of ${org.name}: it no longer works.`,
        );
      });
    });

  program
    .command("db:migrate")
    .description("Apply the database migrations")
    .action(async () => {
      await withDatabase(async () => {});
      console.log("The database is up to date.");
    });

  program
    .command("db:seed")
    .description("Seed the demo organisation (does nothing if it exists)")
    .action(async () => {
      const result = await withDatabase(({ db }) => seedDemo(db));
      console.log(result.lines.join("\n"));
    });

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ZodError) {
      console.error(`Error: ${error.issues.map((i) => i.message).join("; ")}`);
      return 2;
    }
    if (
      error instanceof CommandError ||
      (error as Error)?.name === "DataDirectoryLockedError" ||
      (error as Error)?.name === "ConfigError"
    ) {
      console.error(`Error: ${(error as Error).message}`);
      return 1;
    }
    console.error(error);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
