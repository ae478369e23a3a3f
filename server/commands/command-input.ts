import type { z } from "zod";
import { CommandError } from "./errors";

/**
 * Checks a command's input with the same zod schema as the form that sends it. A
 * problem becomes a CommandError naming the field, so a caller that skipped the form
 * (a test, the command line, another command) is told exactly what to fix.
 */
export function parseCommandInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new CommandError(issue.message, String(issue.path[0] ?? "form"));
}
