import { and, eq } from "drizzle-orm";
import type { Role } from "../../app/shared/vocabulary";
import type { Database } from "../../db/client";
import {
  listMemberResponsibilities,
  reassignGoldenThread,
  releaseMemberFromOrganisation,
} from "../../db/queries/member-responsibilities";
import { memberships, users } from "../../db/schema/identity";
import { actions } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";
import { roleSchema } from "./user-creator";

/*
 * People on the Admin page: changing a member's role and removing a member. The
 * organisation always keeps an admin, and a member leaves only once each of their open
 * actions and indicators has someone else named on it.
 */

/** Not a member of this organisation (unknown, or another organisation's): answered as "not found". */
export class MemberNotFoundError extends Error {
  constructor() {
    super("That person is not a member of this organisation");
    this.name = "MemberNotFoundError";
  }
}

type Scope = { organisationId: string; userId: string };

/**
 * The member's row and the organisation's admins, locked until the transaction ends, so
 * that two admins demoting each other at once cannot leave the organisation with none.
 */
async function lockMember(tx: Database, { organisationId, userId }: Scope) {
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .for("update", { of: memberships });
  const member = rows.find((r) => r.userId === userId);
  if (!member) throw new MemberNotFoundError();
  return { member, members: rows, admins: rows.filter((r) => r.role === "admin").length };
}

function refuseLastAdmin(member: { role: Role; name: string }, admins: number, doing: string, field: string) {
  if (member.role === "admin" && admins <= 1)
    throw new CommandError(`${member.name} is the only admin: make someone else an admin before ${doing}`, field);
}

export async function changeMemberRole(db: Database, input: Scope & { role: unknown }, actor: Actor) {
  const role = roleSchema.parse(input.role);
  return db.transaction(async (tx) => {
    const { member, admins } = await lockMember(tx, input);
    if (member.role === role) return { ...member, changed: false };
    if (role !== "admin") refuseLastAdmin(member, admins, "changing their role", "role");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "member.role",
      subjectType: "user",
      subjectId: input.userId,
      before: { role: member.role },
      after: { role },
    });
    return { ...member, role, changed: true };
  });
}

/** Who takes over each of the member's open actions and indicators (a manager may become nobody: null). */
export type Reassignment = {
  actions: Record<string, string>;
  owners: Record<string, string>;
  managers: Record<string, string | null>;
  /** The golden thread (ADR 021): objective id to who is accountable, plan and plan action ids to their owner. */
  objectives: Record<string, string>;
  plans: Record<string, string>;
  planActions: Record<string, string>;
};

export async function removeMember(db: Database, input: Scope & { reassign: Reassignment }, actor: Actor) {
  return db.transaction(async (tx) => {
    const { member, members, admins } = await lockMember(tx, input);
    refuseLastAdmin(member, admins, "removing them", "form");
    const others = new Set(members.filter((m) => m.userId !== input.userId).map((m) => m.userId));
    const duties = await listMemberResponsibilities(tx, input.organisationId, input.userId);
    const { reassign } = input;
    const missing = [
      ...duties.actions.filter((a) => !others.has(reassign.actions[a.id])).map((a) => `the action “${a.description}”`),
      ...duties.owned.filter((i) => !others.has(reassign.owners[i.id])).map((i) => `the owner of ${i.code}`),
      ...duties.managed
        .filter(
          (i) => !(i.id in reassign.managers) || (reassign.managers[i.id] !== null && !others.has(reassign.managers[i.id]!)),
        )
        .map((i) => `the manager of ${i.code}`),
      ...duties.objectives.filter((o) => !others.has(reassign.objectives[o.id])).map((o) => `accountable for ${o.code}`),
      ...duties.plans.filter((p) => !others.has(reassign.plans[p.id])).map((p) => `the owner of the plan ${p.code}`),
      ...duties.planActions
        .filter((a) => !others.has(reassign.planActions[a.id]))
        .map((a) => `the owner of the plan action ${a.code}`),
    ];
    if (missing.length)
      throw new CommandError(`Before removing ${member.name}, choose someone else as ${missing.join(", ")}`, "form");
    for (const a of duties.actions)
      await tx.update(actions).set({ ownerUserId: reassign.actions[a.id] }).where(eq(actions.id, a.id));
    for (const i of duties.owned)
      await tx
        .update(indicators)
        .set({ ownerUserId: reassign.owners[i.id], updatedAt: new Date() })
        .where(eq(indicators.id, i.id));
    for (const i of duties.managed)
      await tx
        .update(indicators)
        .set({ managerUserId: reassign.managers[i.id], updatedAt: new Date() })
        .where(eq(indicators.id, i.id));
    await reassignGoldenThread(tx, input.organisationId, {
      objectives: duties.objectives.map((o) => [o.id, reassign.objectives[o.id]]),
      plans: duties.plans.map((p) => [p.id, reassign.plans[p.id]]),
      planActions: duties.planActions.map((a) => [a.id, reassign.planActions[a.id]]),
    });
    const released = await releaseMemberFromOrganisation(tx, input.organisationId, input.userId, new Date());
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, input.organisationId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "member.remove",
      subjectType: "user",
      subjectId: input.userId,
      before: { email: member.email, role: member.role },
      after: {
        actions: Object.fromEntries(duties.actions.map((a) => [a.id, reassign.actions[a.id]])),
        owners: Object.fromEntries(duties.owned.map((i) => [i.code, reassign.owners[i.id]])),
        managers: Object.fromEntries(duties.managed.map((i) => [i.code, reassign.managers[i.id]])),
        objectives: Object.fromEntries(duties.objectives.map((o) => [o.code, reassign.objectives[o.id]])),
        plans: Object.fromEntries(duties.plans.map((p) => [p.code, reassign.plans[p.id]])),
        planActions: Object.fromEntries(duties.planActions.map((a) => [a.code, reassign.planActions[a.id]])),
        seatsEnded: released.seats,
        interestsClosed: released.interestsClosed,
      },
    });
    return member;
  });
}
