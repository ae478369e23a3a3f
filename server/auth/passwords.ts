import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// Algorithm 2 is argon2id; memory and time costs follow OWASP's current minimums.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Longer passwords add nothing and let one request make the server hash megabytes; every
 * field that is checked against a hash (sign-in, current password) has the same ceiling.
 */
export const PASSWORD_MAX_LENGTH = 256;
const tooLong = `A password can be at most ${PASSWORD_MAX_LENGTH} characters long`;

export const passwordSchema = z
  .string({ message: "Enter a password" })
  .min(10, "Use at least 10 characters")
  .max(PASSWORD_MAX_LENGTH, tooLong);

/** A password typed to be checked (sign-in, current password): any length up to the ceiling. */
export const enteredPasswordSchema = (emptyMessage: string) =>
  z.string({ message: emptyMessage }).min(1, emptyMessage).max(PASSWORD_MAX_LENGTH, tooLong);

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check, so the answer does not reveal who has an account.
    await hash(password, ARGON2ID);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
