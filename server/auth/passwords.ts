import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

// Algorithm 2 is argon2id; memory and time costs follow OWASP's current minimums.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordSchema = z
  .string({ message: "Enter a password" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

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
