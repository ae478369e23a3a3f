import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  agendaItems,
  clinicReferrals,
  type AgendaItem,
  type AgendaItemKind,
  type AgendaItemOptions,
} from "../../db/schema/meetings";
import { areas, indicators, themes } from "../../db/schema/performance";
import { plans } from "../../db/schema/plans";
import { isPermutationOf, moveItem } from "../../app/shared/meetings/agenda-order";
import { agendaItemSchema, type AgendaItemInput } from "../../app/shared/meetings/agenda-item-schema";
import { AGENDA_ITEM_KIND_LABELS, STANDARD_OPENING_ITEMS } from "../../app/shared/meetings/labels";
import { recordAudit, type Actor } from "../audit";
import { insertAgendaItem, insertAgendaItemAt, itemsInOrder, writePositions } from "./agenda-placement";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";
import { lockMeetingBeforeItOpens } from "./meeting-locks";

/*
 * The agenda builder's changes: add, change, remove and reorder items, until the meeting
 * opens. Each runs in one transaction with the meeting locked, so positions stay 1..n.
 * Authorisation is the caller's (meetingPolicy.editAgenda).
 */

type MeetingRef = { organisationId: string; meetingId: string };

const lockAgenda = (tx: Database, ref: MeetingRef) =>
  lockMeetingBeforeItOpens(tx, ref.organisationId, ref.meetingId, "The agenda can no longer change: the meeting has opened");

const audit = (tx: Database, ref: MeetingRef, actor: Actor, action: string, change: { before?: unknown; after?: unknown }) =>
  recordAudit(tx, {
    organisationId: ref.organisationId,
    actor,
    action,
    subjectType: "meeting",
    subjectId: ref.meetingId,
    ...change,
  });

/** The areas, theme and indicators an item points at must be the organisation's own. */
async function checkOptions(
  tx: Database,
  organisationId: string,
  { kind, options }: { kind: AgendaItemKind; options: AgendaItemOptions },
) {
  if (options.areaId) {
    const [area] = await tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.id, options.areaId), eq(areas.organisationId, organisationId)))
      .limit(1);
    if (!area) throw new CommandError("Choose an area of this organisation", "areaId");
  }
  if (options.themeId) {
    const [theme] = await tx
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.id, options.themeId), eq(themes.organisationId, organisationId)))
      .limit(1);
    if (!theme)
      throw new CommandError("Choose a theme of this organisation", kind === "plan_progress" ? "planThemeId" : "indicatorSet");
  }
  if (options.planId) {
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.id, options.planId), eq(plans.organisationId, organisationId)))
      .limit(1);
    if (!plan) throw new CommandError("Choose a plan of this organisation", "planId");
  }
  if (options.indicatorIds?.length) {
    const found = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(inArray(indicators.id, options.indicatorIds), eq(indicators.organisationId, organisationId)));
    if (found.length !== options.indicatorIds.length)
      throw new CommandError("Choose indicators of this organisation", "indicatorIds");
  }
}

async function findItem(tx: Database, meetingId: string, itemId: string): Promise<AgendaItem> {
  const [item] = await tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
    .limit(1);
  if (!item) throw new CommandError("That item is not on this agenda", "itemId");
  return item;
}

/** Adds an item: at the end, or just before "Any other business" when that closes the agenda. */
export async function addAgendaItem(
  db: Database,
  input: MeetingRef & { item: AgendaItemInput },
  actor: Actor,
): Promise<AgendaItem> {
  const details = parseCommandInput(agendaItemSchema, input.item);
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    await checkOptions(tx, input.organisationId, details);
    const item = await insertAgendaItem(tx, input.meetingId, details);
    await audit(tx, input, actor, "agenda.item.add", { after: { itemId: item.id, position: item.position, ...details } });
    return item;
  });
}

/**
 * Puts back a standard opening item that was removed, in its usual place among the
 * others (apologies first, the action log last of them).
 */
export async function addStandardItem(
  db: Database,
  input: MeetingRef & { kind: (typeof STANDARD_OPENING_ITEMS)[number] },
  actor: Actor,
): Promise<AgendaItem> {
  const rank = STANDARD_OPENING_ITEMS.indexOf(input.kind);
  if (rank === -1) throw new CommandError("Choose a standard opening item", "kind");
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    const current = await itemsInOrder(tx, input.meetingId);
    if (current.some((i) => i.kind === input.kind))
      throw new CommandError(`The agenda already has “${AGENDA_ITEM_KIND_LABELS[input.kind]}”`, "kind");
    // After the last of the items that come before it in the standard order, or first.
    const earlier = new Set(STANDARD_OPENING_ITEMS.slice(0, rank));
    const index = current.reduce((at, item, i) => (earlier.has(item.kind) ? i + 1 : at), 0);
    const item = await insertAgendaItemAt(tx, input.meetingId, current, index, {
      kind: input.kind,
      title: AGENDA_ITEM_KIND_LABELS[input.kind],
    });
    await audit(tx, input, actor, "agenda.item.add", { after: { itemId: item.id, position: item.position, kind: item.kind } });
    return item;
  });
}

export async function updateAgendaItem(
  db: Database,
  input: MeetingRef & { itemId: string; item: AgendaItemInput },
  actor: Actor,
): Promise<AgendaItem> {
  const details = parseCommandInput(agendaItemSchema, input.item);
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    const before = await findItem(tx, input.meetingId, input.itemId);
    await checkOptions(tx, input.organisationId, details);
    const [item] = await tx.update(agendaItems).set(details).where(eq(agendaItems.id, before.id)).returning();
    const { kind, title, presenter, minutesAllowed, exempt, exemptParagraph, exemptReason, options } = before;
    await audit(tx, input, actor, "agenda.item.update", {
      before: { itemId: before.id, kind, title, presenter, minutesAllowed, exempt, exemptParagraph, exemptReason, options },
      after: details,
    });
    return item;
  });
}

/**
 * Removes an item and closes the gap. A clinic placed by a referral goes back to waiting,
 * so the committee's referral is not lost: the next meeting created takes it up.
 */
export async function removeAgendaItem(db: Database, input: MeetingRef & { itemId: string }, actor: Actor): Promise<AgendaItem> {
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    const item = await findItem(tx, input.meetingId, input.itemId);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
    if (item.referralId) {
      await tx
        .update(clinicReferrals)
        .set({ placedOnMeetingId: null })
        .where(and(eq(clinicReferrals.id, item.referralId), eq(clinicReferrals.placedOnMeetingId, input.meetingId)));
    }
    const rest = await itemsInOrder(tx, input.meetingId);
    await writePositions(
      tx,
      input.meetingId,
      rest.map((i) => i.id),
    );
    await audit(tx, input, actor, "agenda.item.remove", {
      before: { itemId: item.id, position: item.position, kind: item.kind, title: item.title },
    });
    return item;
  });
}

export type NewPlace = { item: AgendaItem; position: number; total: number };

/**
 * Stores a whole new order (from drag and drop). It must name exactly the items on the
 * agenda now, each once: an order made from a stale page is refused, not merged.
 */
export async function reorderAgenda(db: Database, input: MeetingRef & { order: string[] }, actor: Actor): Promise<AgendaItem[]> {
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    const current = await itemsInOrder(tx, input.meetingId);
    if (!isPermutationOf(current, input.order)) {
      throw new CommandError(
        "The agenda has changed since the page was loaded: nothing was moved. Look at the agenda again and repeat the move",
        "order",
      );
    }
    await writePositions(tx, input.meetingId, input.order);
    await audit(tx, input, actor, "agenda.reorder", { before: current.map((i) => i.id), after: input.order });
    const byId = new Map(current.map((i) => [i.id, i]));
    return input.order.map((id, index) => ({ ...byId.get(id)!, position: index + 1 }));
  });
}

/** "Move up" / "Move down": one place, staying put at either end. */
export async function moveAgendaItem(
  db: Database,
  input: MeetingRef & { itemId: string; direction: "up" | "down" },
  actor: Actor,
): Promise<NewPlace> {
  return db.transaction(async (tx) => {
    await lockAgenda(tx, input);
    const current = await itemsInOrder(tx, input.meetingId);
    const from = current.findIndex((i) => i.id === input.itemId);
    if (from === -1) throw new CommandError("That item is not on this agenda", "itemId");
    const next = moveItem(current, input.itemId, input.direction === "up" ? from - 1 : from + 1);
    const to = next.findIndex((i) => i.id === input.itemId);
    if (to !== from) {
      await writePositions(
        tx,
        input.meetingId,
        next.map((i) => i.id),
      );
      await audit(tx, input, actor, "agenda.reorder", { before: current.map((i) => i.id), after: next.map((i) => i.id) });
    }
    return { item: { ...current[from], position: to + 1 }, position: to + 1, total: current.length };
  });
}
