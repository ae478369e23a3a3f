// Two organisations made from nothing (no demo): Riverside with a person of each role and
// Southbank with its admin (`outsider`), for tests that prove nothing crosses over.
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import type { AppServices } from "../../server/services";
import { cookieFor } from "./test-services";

export type Caller = "admin" | "officer" | "member" | "viewer" | "outsider";

export async function riversideAndSouthbank(services: AppServices) {
  const riverside = await createOrganisation(services.db, { slug: "riverside", name: "Riverside Homes" }, SYSTEM_ACTOR);
  const southbank = await createOrganisation(services.db, { slug: "southbank", name: "Southbank" }, SYSTEM_ACTOR);
  const ids = {} as Record<Caller, string>;
  const cookies = {} as Record<Caller, string>;
  const people: [Caller, string, string, string][] = [
    ...(["admin", "officer", "member", "viewer"] as const).map((role): [Caller, string, string, string] => [
      role,
      riverside.id,
      `${role}@riverside.example`,
      `Riverside ${role}`,
    ]),
    ["outsider", southbank.id, "admin@southbank.example", "Southbank admin"],
  ];
  for (const [caller, organisationId, email, name] of people) {
    const role = caller === "outsider" ? "admin" : caller;
    const user = await addMember(services.db, { organisationId, email, name, role, password: "a-long-password" }, SYSTEM_ACTOR);
    ids[caller] = user.id;
    cookies[caller] = await cookieFor(services, user.id);
  }
  return { riverside, southbank, ids, cookies };
}
