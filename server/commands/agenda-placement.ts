import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { agendaItems, type AgendaItem } from "../../db/schema/meetings";

export type NewAgendaItem = Omit<typeof agendaItems.$inferInsert, "id" | "meetingId" | "position" | "createdAt">;

export async function itemsInOrder(tx: Database, meetingId: string): Promise<AgendaItem[]> {
  return tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/** Stores the order given as positions 1..n, in one statement. */
export async function writePositions(tx: Database, meetingId: string, orderedIds: readonly string[]): Promise<void> {
  if (orderedIds.length === 0) return;
  const cases = sql.join(
    orderedIds.map((id, index) => sql`when ${id}::uuid then ${index + 1}::integer`),
    sql` `,
  );
  await tx
    .update(agendaItems)
    .set({ position: sql`case ${agendaItems.id} ${cases} end` })
    .where(
      sql`${agendaItems.meetingId} = ${meetingId} and ${agendaItems.id} in (${sql.join(
        orderedIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
}

/**
 * Adds an item to an agenda. "Any other business" closes a meeting, so a new item goes
 * just before it when it is last; otherwise at the end.
 */
export async function insertAgendaItem(tx: Database, meetingId: string, values: NewAgendaItem): Promise<AgendaItem> {
  const current = await itemsInOrder(tx, meetingId);
  const last = current.at(-1);
  const index = last?.kind === "any_other_business" ? current.length - 1 : current.length;
  return insertAgendaItemAt(tx, meetingId, current, index, values);
}

/** Adds an item at a 0-based index of the current order, moving the later items down. */
export async function insertAgendaItemAt(
  tx: Database,
  meetingId: string,
  current: AgendaItem[],
  index: number,
  values: NewAgendaItem,
): Promise<AgendaItem> {
  const [item] = await tx
    .insert(agendaItems)
    .values({ ...values, meetingId, position: current.length + 1 })
    .returning();
  const order = current.map((i) => i.id);
  order.splice(index, 0, item.id);
  await writePositions(tx, meetingId, order);
  return { ...item, position: index + 1 };
}
