import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { organisations } from "../schema/identity";

export async function findOrganisationBySlug(db: Database, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return org ?? null;
}

export async function countOrganisations(db: Database): Promise<number> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length;
}
