import type { Role } from "../../db/schema/identity";

/** Who is asking, within one organisation: a signed-in person or an organisation API token. */
export type Principal =
  | { kind: "user"; userId: string; organisationId: string; role: Role }
  | { kind: "api-token"; tokenId: string; organisationId: string };

const RANK: Record<Role, number> = { viewer: 0, member: 1, officer: 2, admin: 3 };

export function hasRole(principal: Principal, minimum: Role): boolean {
  return principal.kind === "user" && RANK[principal.role] >= RANK[minimum];
}

export function inOrganisation(principal: Principal, organisationId: string): boolean {
  return principal.organisationId === organisationId;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator (performance team)",
  officer: "Officer",
  member: "Member",
  viewer: "Viewer (read only)",
};

/** A signed-in person acting within one organisation, from their membership of it. */
export function userPrincipal(userId: string, membership: { id: string; role: Role }): Principal {
  return { kind: "user", userId, organisationId: membership.id, role: membership.role };
}
