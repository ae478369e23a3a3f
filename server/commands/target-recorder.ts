import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { targetRevisions, targets, type TargetSnapshot } from "../../db/schema/performance";
import type { Actor } from "../audit";

export type RecordTargetInput = {
  organisationId: string;
  indicatorId: string;
  /** "2025/26". */
  year: string;
  /** null: the whole organisation's target. */
  area: { id: string; name: string } | null;
  target: number;
  tolerance: number;
  /** The month-by-month target; null for none, undefined to keep the profile already stored. */
  profile?: Record<string, number> | null;
  /** Why: required, like a figure's (an import gives its file name). */
  reason: string;
  actor: Actor;
};

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function sameProfile(a: Record<string, number> | null, b: Record<string, number> | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameNumber(a[k], b[k]));
}

/**
 * Sets the target of an indicator for a year and area (run inside the caller's
 * transaction) and records the change in the target's history: who, when, the old
 * and new target, and why. Setting what is already there writes nothing.
 */
export async function recordTarget(tx: Database, input: RecordTargetInput): Promise<"created" | "updated" | "unchanged"> {
  if (!input.reason.trim()) throw new Error("A target change needs a reason");
  const [current] = await tx
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.organisationId, input.organisationId),
        eq(targets.indicatorId, input.indicatorId),
        eq(targets.year, input.year),
        input.area ? eq(targets.areaId, input.area.id) : isNull(targets.areaId),
      ),
    );
  const before: TargetSnapshot | null = current
    ? { target: current.target, tolerance: current.tolerance, profile: current.profile ?? null }
    : null;
  const after: TargetSnapshot = {
    target: input.target,
    tolerance: input.tolerance,
    profile: input.profile === undefined ? (before?.profile ?? null) : input.profile,
  };
  if (
    before &&
    sameNumber(before.target, after.target) &&
    sameNumber(before.tolerance, after.tolerance) &&
    sameProfile(before.profile, after.profile)
  ) {
    return "unchanged";
  }
  const values = { target: after.target, tolerance: after.tolerance, profile: after.profile };
  if (current) await tx.update(targets).set(values).where(eq(targets.id, current.id));
  else {
    await tx.insert(targets).values({
      organisationId: input.organisationId,
      indicatorId: input.indicatorId,
      year: input.year,
      areaId: input.area?.id ?? null,
      ...values,
    });
  }
  await tx.insert(targetRevisions).values({
    organisationId: input.organisationId,
    indicatorId: input.indicatorId,
    year: input.year,
    areaId: input.area?.id ?? null,
    areaName: input.area?.name ?? null,
    before,
    after,
    reason: input.reason.trim(),
    changedBy: input.actor.userId,
    changedByLabel: input.actor.label,
  });
  return current ? "updated" : "created";
}
