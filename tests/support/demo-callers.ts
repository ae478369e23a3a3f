// The callers most route tests need: the seeded demo's people (Northfield), an admin of a
// second organisation (Southbank) to prove nothing crosses over, and an API token of each.
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import type { AppServices } from "../../server/services";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createApiToken } from "../../server/commands/api-token-creator";
import { seedDemo } from "../../server/commands/demo-seeder";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { cookieFor } from "./test-services";

export type DemoRole = "admin" | "officer" | "member" | "viewer";

export interface DemoCallers {
  /** Northfield, the demo organisation. */
  orgId: string;
  /** Southbank, the other organisation. */
  otherId: string;
  /** A signed-in session of the demo's person of each role, and of Southbank's admin (`outsider`). */
  cookies: Record<DemoRole | "outsider", string>;
  /** API tokens of Northfield and of Southbank. */
  token: string;
  otherToken: string;
}

/** Seeds the demo (unless the database started with it: `createTestServices("demo")`) and makes the second organisation and the callers' sessions and tokens. */
export async function seedDemoCallers(services: AppServices): Promise<DemoCallers> {
  const { db } = services;
  await seedDemo(db);
  const orgId = (await findOrganisationBySlug(db, "northfield"))!.id;
  const cookies = {} as DemoCallers["cookies"];
  for (const role of ["admin", "officer", "member", "viewer"] as const)
    cookies[role] = await cookieFor(services, (await findUserByEmail(db, `${role}@northfield.example`))!.id);
  const other = await createOrganisation(db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const outsider = await addMember(
    db,
    { organisationId: other.id, email: "admin@southbank.example", role: "admin", password: "a-long-password" },
    SYSTEM_ACTOR,
  );
  cookies.outsider = await cookieFor(services, outsider.id);
  const tokenOf = async (organisationId: string, name: string) =>
    (await createApiToken(db, { organisationId, name, createdBy: null }, SYSTEM_ACTOR)).token;
  return {
    orgId,
    otherId: other.id,
    cookies,
    token: await tokenOf(orgId, "Housing system"),
    otherToken: await tokenOf(other.id, "HMS"),
  };
}

/** A request as a session (`cookie`) or an API token (`token`) would send it. */
export function requestAs(path: string, auth: { cookie?: string; token?: string }, init: RequestInit = {}): Request {
  return new Request(`http://localhost${path}`, {
    ...init,
    headers: {
      ...(init.headers as Record<string, string> | undefined),
      ...(auth.cookie ? { Cookie: auth.cookie } : {}),
      ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
    },
  });
}
