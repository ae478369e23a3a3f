import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { organisations } from "../schema/identity";
import { DEFAULT_EXCEPTION_RULE } from "../../app/shared/performance/exceptions";
import type { ExceptionRule } from "../../app/shared/vocabulary";

export async function findOrganisationBySlug(db: Database, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return org ?? null;
}

export async function countOrganisations(db: Database): Promise<number> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length;
}

/** What makes an indicator an exception in this organisation (see app/shared/performance/exceptions.ts). */
export async function exceptionRuleOf(db: Database, organisationId: string): Promise<ExceptionRule> {
  const [org] = await db
    .select({ exceptionRule: organisations.exceptionRule })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return org?.exceptionRule ?? DEFAULT_EXCEPTION_RULE;
}
