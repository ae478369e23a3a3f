import { and, desc, eq } from "drizzle-orm";
import { agendaChanges, type AgendaLine } from "../../app/shared/meetings/agenda-changes";
import type { PackDocument } from "../../app/shared/packs/pack-document";
import type { Database } from "../../db/client";
import { listAgendaItems } from "../../db/queries/meetings";
import type { AgendaItem, Meeting } from "../../db/schema/meetings";
import { packs, packVersions } from "../../db/schema/packs";

/*
 * The papers as presented: what members had in front of them at the meeting. That is the
 * latest version of the agenda pack (published before the meeting, or captured when it
 * opened, see capture-papers.ts), read from its stored canonical JSON. The minuted pack
 * takes each item's cover report and appendices from here, so a commentary rewritten
 * after the meeting never reaches its minutes.
 */

export type PublishedAgenda = { packId: string; version: number; sha256: string; frozenAt: Date; pack: PackDocument };

/** The latest agenda pack version of the meeting, or null when none was published or captured. */
export async function latestAgendaPack(db: Database, meetingId: string): Promise<PublishedAgenda | null> {
  const [row] = await db
    .select({
      packId: packs.id,
      version: packVersions.version,
      sha256: packVersions.sha256,
      frozenAt: packVersions.frozenAt,
      canonicalJson: packVersions.canonicalJson,
    })
    .from(packs)
    .innerJoin(packVersions, eq(packVersions.packId, packs.id))
    .where(and(eq(packs.meetingId, meetingId), eq(packs.kind, "agenda")))
    .orderBy(desc(packVersions.version))
    .limit(1);
  if (!row) return null;
  return {
    packId: row.packId,
    version: row.version,
    sha256: row.sha256,
    frozenAt: row.frozenAt,
    pack: JSON.parse(row.canonicalJson) as PackDocument,
  };
}

/** The papers the minuted pack is built on: the latest agenda pack version's document. */
export async function papersAsPresented(db: Database, meetingId: string): Promise<PackDocument | null> {
  return (await latestAgendaPack(db, meetingId))?.pack ?? null;
}

/**
 * An item's papers as presented: the item of the same number and title in the papers
 * (the agenda cannot change once the meeting has opened, and any change after publishing
 * was captured at opening, so numbers match). Nothing when it was not in the papers.
 */
export function presentedItem(
  papers: PackDocument | null,
  item: Pick<AgendaItem, "position" | "title">,
): PackDocument["items"][number] | null {
  return papers?.items.find((p) => p.number === item.position && p.title === item.title) ?? null;
}

/** The changes to the agenda since the latest agenda pack version ([] when it is as published). */
export async function agendaChangesSincePublished(
  db: Database,
  meeting: Pick<Meeting, "id">,
  published: PublishedAgenda,
): Promise<string[]> {
  const items = await listAgendaItems(db, meeting.id);
  const before: AgendaLine[] = published.pack.items.map((i) => ({
    number: i.number,
    title: i.title,
    presenter: i.presenter,
    exemptParagraph: i.exempt?.paragraph ?? null,
  }));
  const now: AgendaLine[] = items.map((i) => ({
    number: i.position,
    title: i.title,
    presenter: i.presenter,
    exemptParagraph: i.exempt ? i.exemptParagraph : null,
  }));
  return agendaChanges(before, now);
}
