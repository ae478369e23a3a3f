import { and, eq, inArray } from "drizzle-orm";
import { ukToday } from "../../app/shared/meetings/action-status";
import type { Database } from "../../db/client";
import { memberships } from "../../db/schema/identity";
import { actions, actionUpdates, agendaItems, bodies, meetings, type ActionStatus } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { isIsoDate } from "../../app/shared/dates";
import { indicatorSnapshots, type IndicatorSnapshot } from "../meetings/indicator-snapshot";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

/*
 * The action log: actions agreed at meetings (entered when a meeting closes), actions an
 * officer adds by hand, and the progress notes reported on them until they close. Each
 * action remembers how its linked indicator stood when it was agreed, so that a later
 * meeting can ask "did it work?".
 */

export const ACTION_DESCRIPTION_MAX_LENGTH = 1000;
export const PROGRESS_NOTE_MAX_LENGTH = 2000;
/** The first entry in every agreed action's history. */
export const AGREED_NOTE = "Agreed at the meeting";
export const ADDED_NOTE = "Added to the action log";

export type ActionRecord = typeof actions.$inferSelect;
export type ActionUpdateRecord = typeof actionUpdates.$inferSelect;

/** One action as the clerk recorded it in the meeting's minutes. */
export type AgreedActionInput = {
  /** The entry in the meeting's shared document: entering the same one twice adds nothing. */
  sourceKey: string;
  agendaItemId: string | null;
  minuteNumber: string | null;
  description: string;
  ownerUserId: string;
  /** YYYY-MM-DD */
  dueDate: string;
  indicatorId: string | null;
};

function checkWording(description: string, which: string): string {
  const text = description.trim();
  if (!text) throw new CommandError(`Say what the action is${which}`, "description");
  if (text.length > ACTION_DESCRIPTION_MAX_LENGTH) {
    throw new CommandError(`Keep the action${which} to ${ACTION_DESCRIPTION_MAX_LENGTH} characters or fewer`, "description");
  }
  return text;
}

function checkDueDate(dueDate: string, which: string) {
  if (!isIsoDate(dueDate)) throw new CommandError(`Give the due date${which} as a real date`, "dueDate");
}

/** Every owner must be a person of the organisation: an action needs someone who answers for it. */
async function checkOwners(db: Database, organisationId: string, userIds: string[]) {
  const wanted = [...new Set(userIds)];
  const found = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, wanted)));
  if (found.length !== wanted.length) throw new CommandError("The owner must be a person of this organisation", "ownerUserId");
}

async function checkIndicators(db: Database, organisationId: string, indicatorIds: string[]) {
  const wanted = [...new Set(indicatorIds)];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), inArray(indicators.id, wanted)));
  if (found.length !== wanted.length)
    throw new CommandError("The linked indicator must be one of this organisation's", "indicatorId");
}

const snapshotColumns = (snapshot: IndicatorSnapshot | undefined) => ({
  indicatorPeriodWhenAgreed: snapshot?.period ?? null,
  indicatorStatusWhenAgreed: snapshot?.status ?? null,
  indicatorValueWhenAgreed: snapshot?.valueText ?? null,
});

/**
 * Enters the actions agreed at a meeting, when it closes. Closing again (or a retry)
 * enters nothing twice: an action already in the log for the same meeting and source key
 * is skipped. Refuses the whole batch if any owner, indicator or agenda item is not the
 * meeting's organisation's (or meeting's). `agreedAt` defaults to now; entering a past
 * meeting's actions (the demo, an import) gives the meeting's own time, because the next
 * meeting's review lists what was agreed before it.
 */
export async function enterAgreedActions(
  db: Database,
  input: { meeting: { id: string; organisationId: string; bodyId: string }; actions: AgreedActionInput[]; agreedAt?: Date },
  actor: Actor,
): Promise<{ entered: ActionRecord[]; alreadyEntered: string[] }> {
  const { meeting } = input;
  const [held] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(eq(meetings.id, meeting.id), eq(meetings.organisationId, meeting.organisationId), eq(meetings.bodyId, meeting.bodyId)),
    )
    .limit(1);
  if (!held) throw new CommandError("There is no such meeting in this organisation");
  if (input.actions.length === 0) return { entered: [], alreadyEntered: [] };

  const seen = new Set<string>();
  const rows = input.actions.map((a) => {
    const which = ` (${a.minuteNumber ?? a.sourceKey})`;
    if (!a.sourceKey) throw new CommandError(`Every agreed action needs its source key${which}`);
    if (seen.has(a.sourceKey)) throw new CommandError(`The same action is listed twice${which}`);
    seen.add(a.sourceKey);
    checkDueDate(a.dueDate, which);
    return { ...a, description: checkWording(a.description, which) };
  });
  await checkOwners(
    db,
    meeting.organisationId,
    rows.map((a) => a.ownerUserId),
  );
  const linked = rows.flatMap((a) => (a.indicatorId ? [a.indicatorId] : []));
  await checkIndicators(db, meeting.organisationId, linked);
  const items = [...new Set(rows.flatMap((a) => (a.agendaItemId ? [a.agendaItemId] : [])))];
  const itemMonth = new Map<string, string | null>();
  if (items.length) {
    const found = await db
      .select({ id: agendaItems.id, options: agendaItems.options })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meeting.id), inArray(agendaItems.id, items)));
    if (found.length !== items.length) throw new CommandError("An action names an agenda item of another meeting");
    for (const item of found) itemMonth.set(item.id, item.options?.period ?? null);
  }
  // How each linked indicator stood in the month the action was raised for (its agenda
  // item's month, else the month the meeting's papers show by default), read before
  // writing: the scorecard's queries are reads, and the snapshot is of the figures the
  // meeting was looking at, not of whatever arrived for a month still open.
  const monthOf = (a: AgreedActionInput) => (a.agendaItemId ? (itemMonth.get(a.agendaItemId) ?? null) : null);
  const snapshotsByMonth = new Map<string | null, Map<string, IndicatorSnapshot>>();
  for (const month of new Set(rows.filter((a) => a.indicatorId).map(monthOf))) {
    const ids = rows.filter((a) => a.indicatorId && monthOf(a) === month).map((a) => a.indicatorId!);
    snapshotsByMonth.set(month, await indicatorSnapshots(db, meeting.organisationId, ids, month));
  }
  const snapshotOf = (a: AgreedActionInput) => (a.indicatorId ? snapshotsByMonth.get(monthOf(a))?.get(a.indicatorId) : undefined);

  return db.transaction(async (tx) => {
    const entered = await tx
      .insert(actions)
      .values(
        rows.map((a) => ({
          organisationId: meeting.organisationId,
          bodyId: meeting.bodyId,
          meetingId: meeting.id,
          agendaItemId: a.agendaItemId,
          sourceKey: a.sourceKey,
          minuteNumber: a.minuteNumber,
          description: a.description,
          ownerUserId: a.ownerUserId,
          dueDate: a.dueDate,
          indicatorId: a.indicatorId,
          ...snapshotColumns(snapshotOf(a)),
          ...(input.agreedAt ? { agreedAt: input.agreedAt } : {}),
        })),
      )
      .onConflictDoNothing({ target: [actions.meetingId, actions.sourceKey] })
      .returning();
    const enteredKeys = new Set(entered.map((a) => a.sourceKey));
    const alreadyEntered = rows.map((a) => a.sourceKey).filter((key) => !enteredKeys.has(key));
    if (entered.length === 0) return { entered, alreadyEntered };
    await tx.insert(actionUpdates).values(
      entered.map((a) => ({
        actionId: a.id,
        userId: actor.userId,
        status: "not_started" as const,
        note: AGREED_NOTE,
        at: a.agreedAt,
      })),
    );
    await recordAudit(tx, {
      organisationId: meeting.organisationId,
      actor,
      action: "actions.enter",
      subjectType: "meeting",
      subjectId: meeting.id,
      after: {
        actions: entered.map((a) => ({
          id: a.id,
          sourceKey: a.sourceKey,
          minuteNumber: a.minuteNumber,
          ownerUserId: a.ownerUserId,
          dueDate: a.dueDate,
        })),
      },
    });
    return { entered, alreadyEntered };
  });
}

export type NewActionInput = {
  organisationId: string;
  bodyId: string | null;
  description: string;
  ownerUserId: string;
  dueDate: string;
  indicatorId: string | null;
  /** The reporting month the action is raised for (the month being viewed); by default the last published. */
  period?: string | null;
};

/**
 * An officer adds an action to the log outside a meeting (from a clinic, a service
 * review, an exception commentary). A new action is due today or later: a date already
 * past is a typing mistake far more often than a deliberate record.
 */
export async function addAction(db: Database, input: NewActionInput, actor: Actor, today = ukToday()): Promise<ActionRecord> {
  const description = checkWording(input.description, "");
  checkDueDate(input.dueDate, "");
  if (input.dueDate < today) throw new CommandError("The due date must be today or later", "dueDate");
  if (input.bodyId) {
    const [body] = await db
      .select({ id: bodies.id })
      .from(bodies)
      .where(and(eq(bodies.id, input.bodyId), eq(bodies.organisationId, input.organisationId)))
      .limit(1);
    if (!body) throw new CommandError("Choose a committee or panel of this organisation", "bodyId");
  }
  await checkOwners(db, input.organisationId, [input.ownerUserId]);
  await checkIndicators(db, input.organisationId, input.indicatorId ? [input.indicatorId] : []);
  const snapshots = await indicatorSnapshots(
    db,
    input.organisationId,
    input.indicatorId ? [input.indicatorId] : [],
    input.period,
  );

  return db.transaction(async (tx) => {
    const [action] = await tx
      .insert(actions)
      .values({
        organisationId: input.organisationId,
        bodyId: input.bodyId,
        description,
        ownerUserId: input.ownerUserId,
        dueDate: input.dueDate,
        indicatorId: input.indicatorId,
        ...snapshotColumns(input.indicatorId ? snapshots.get(input.indicatorId) : undefined),
      })
      .returning();
    await tx.insert(actionUpdates).values({ actionId: action.id, userId: actor.userId, status: "not_started", note: ADDED_NOTE });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "action.add",
      subjectType: "action",
      subjectId: action.id,
      after: {
        description,
        ownerUserId: action.ownerUserId,
        dueDate: action.dueDate,
        bodyId: action.bodyId,
        indicatorId: action.indicatorId,
      },
    });
    return action;
  });
}

/**
 * A progress report on an action: a note, a change of status, or both. A status change
 * needs no note (an owner ticking "complete" has said enough), but an entry that neither
 * says anything nor changes anything is refused. Completing stamps the date it closed;
 * reopening clears it.
 */
export async function updateAction(
  db: Database,
  input: { actionId: string; organisationId: string; status: ActionStatus; note: string },
  actor: Actor,
): Promise<{ action: ActionRecord; update: ActionUpdateRecord }> {
  const note = input.note.trim();
  if (note.length > PROGRESS_NOTE_MAX_LENGTH)
    throw new CommandError(`Keep the note to ${PROGRESS_NOTE_MAX_LENGTH} characters or fewer`, "note");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(actions)
      .where(and(eq(actions.id, input.actionId), eq(actions.organisationId, input.organisationId)))
      .for("update")
      .limit(1);
    if (!before) throw new CommandError("There is no such action in this organisation");
    if (!note && input.status === before.status) throw new CommandError("Write a progress note, or change the status", "note");
    const completedAt = input.status === "complete" ? (before.completedAt ?? new Date()) : null;
    const [action] = await tx
      .update(actions)
      .set({ status: input.status, completedAt })
      .where(eq(actions.id, before.id))
      .returning();
    const [update] = await tx
      .insert(actionUpdates)
      .values({ actionId: before.id, userId: actor.userId, status: input.status, note })
      .returning();
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "action.update",
      subjectType: "action",
      subjectId: before.id,
      before: { status: before.status },
      after: { status: action.status, note },
    });
    return { action, update };
  });
}
