import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { memberships, organisations, users, type Role } from "../schema/identity";

export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

export async function findUserById(db: Database, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user ?? null;
}

/** The account with its password hash, by id: for checks of the signed-in person's own password. */
export async function findUserCredentials(db: Database, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return user ?? null;
}

/** The organisations a person belongs to, by id (for rules about who may act on their account). */
export async function listOrganisationIdsOfUser(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.organisationId);
}

export type OrganisationMembership = { id: string; slug: string; name: string; isDemo: boolean; role: Role };

export async function listMembershipsOfUser(db: Database, userId: string): Promise<OrganisationMembership[]> {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      isDemo: organisations.isDemo,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(memberships.organisationId, organisations.id))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

export async function findMembership(db: Database, userId: string, orgSlug: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      isDemo: organisations.isDemo,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(memberships.organisationId, organisations.id))
    .where(and(eq(memberships.userId, userId), eq(organisations.slug, orgSlug)))
    .limit(1);
  return row ?? null;
}

export async function listMembersOfOrganisation(db: Database, organisationId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      active: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(memberships.userId, users.id))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
}
