import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Shared column helpers: every table keys on a random UUID and records when it was made. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
