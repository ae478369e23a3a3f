import { and, eq, ne, sql } from "drizzle-orm";
import { areaDetailsSchema } from "../../app/shared/performance/area-schema";
import type { Database } from "../../db/client";
import { areas } from "../../db/schema/performance";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

/*
 * Areas as an admin keeps them on the Areas page. Figures, targets and panels refer to
 * an area by its id, so renaming one keeps everything recorded against it.
 */

async function nameTaken(db: Database, organisationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: areas.id })
    .from(areas)
    .where(
      and(
        eq(areas.organisationId, organisationId),
        sql`lower(${areas.name}) = ${name.toLowerCase()}`,
        exceptId ? ne(areas.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function createArea(db: Database, input: { organisationId: string; name: unknown; homes: unknown }, actor: Actor) {
  const details = areaDetailsSchema.parse(input);
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input.organisationId, details.name))
      throw new CommandError(`There is already an area called ${details.name}`, "name");
    const [area] = await tx
      .insert(areas)
      .values({ organisationId: input.organisationId, name: details.name, homes: details.homes })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "area.create",
      subjectType: "area",
      subjectId: area.id,
      after: details,
    });
    return area;
  });
}

/** Renames an area or changes its homes; an id from another organisation finds nothing. */
export async function updateArea(
  db: Database,
  input: { organisationId: string; areaId: string; name: unknown; homes: unknown },
  actor: Actor,
) {
  const details = areaDetailsSchema.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(areas)
      .where(and(eq(areas.id, input.areaId), eq(areas.organisationId, input.organisationId)))
      .limit(1);
    if (!before) throw new CommandError("That area no longer exists");
    if (await nameTaken(tx, input.organisationId, details.name, before.id))
      throw new CommandError(`There is already an area called ${details.name}`, "name");
    await tx.update(areas).set({ name: details.name, homes: details.homes }).where(eq(areas.id, before.id));
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "area.update",
      subjectType: "area",
      subjectId: before.id,
      before: { name: before.name, homes: before.homes },
      after: details,
    });
  });
}
