import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { ActionListStatus } from "../../app/shared/meetings/action-log-view";
import type { Database } from "../client";
import { users } from "../schema/identity";
import { actions, actionUpdates, bodies, meetings } from "../schema/meetings";
import { indicators } from "../schema/performance";

/*
 * Reads of the action log. Every function takes the organisation and filters by it, so
 * that an id from another organisation finds nothing.
 */

export type ActionFilter = {
  bodyId?: string | null;
  status?: ActionListStatus;
  ownerUserId?: string | null;
  /** YYYY-MM-DD in the UK: what "overdue" is measured against. */
  today: string;
};

const isOpen = ne(actions.status, "complete");

function statusCondition(status: ActionListStatus, today: string): SQL | undefined {
  switch (status) {
    case "open":
      return isOpen;
    case "overdue":
      return and(isOpen, lt(actions.dueDate, today));
    case "complete":
      return eq(actions.status, "complete");
    default:
      return undefined;
  }
}

/** Everything a line of the log shows except its latest note (see latestNotes). */
const actionColumns = {
  id: actions.id,
  organisationId: actions.organisationId,
  bodyId: actions.bodyId,
  bodyName: bodies.name,
  meetingId: actions.meetingId,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  agendaItemId: actions.agendaItemId,
  minuteNumber: actions.minuteNumber,
  description: actions.description,
  ownerUserId: actions.ownerUserId,
  ownerName: users.name,
  dueDate: actions.dueDate,
  status: actions.status,
  indicatorId: actions.indicatorId,
  indicatorCode: indicators.code,
  indicatorTitle: indicators.title,
  indicatorPeriodWhenAgreed: actions.indicatorPeriodWhenAgreed,
  indicatorStatusWhenAgreed: actions.indicatorStatusWhenAgreed,
  indicatorValueWhenAgreed: actions.indicatorValueWhenAgreed,
  agreedAt: actions.agreedAt,
  completedAt: actions.completedAt,
  raisedInPeriod: actions.raisedInPeriod,
};

function selectActions(db: Database) {
  return db
    .select(actionColumns)
    .from(actions)
    .leftJoin(bodies, eq(bodies.id, actions.bodyId))
    .leftJoin(meetings, eq(meetings.id, actions.meetingId))
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .leftJoin(indicators, eq(indicators.id, actions.indicatorId));
}

/**
 * The action log, filtered. Open actions first, soonest due first, so what is late or
 * next is at the top; closed ones after them, most recently due first.
 */
export async function listActions(db: Database, organisationId: string, filter: ActionFilter) {
  return selectActions(db)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        filter.bodyId ? eq(actions.bodyId, filter.bodyId) : undefined,
        filter.ownerUserId ? eq(actions.ownerUserId, filter.ownerUserId) : undefined,
        statusCondition(filter.status ?? "open", filter.today),
      ),
    )
    .orderBy(
      sql`(${actions.status} = 'complete')`,
      sql`case when ${actions.status} = 'complete' then null else ${actions.dueDate} end asc nulls last`,
      desc(actions.dueDate),
      asc(actions.minuteNumber),
      asc(actions.agreedAt),
    );
}

export type ActionListRow = Awaited<ReturnType<typeof listActions>>[number];

/** How many actions are open, overdue (open and past due) and complete, within the body and owner filters. */
export async function countActions(
  db: Database,
  organisationId: string,
  filter: Omit<ActionFilter, "status">,
): Promise<{ open: number; overdue: number; complete: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${actions.status} <> 'complete')`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${actions.status} <> 'complete' and ${actions.dueDate} < ${filter.today})`.mapWith(
          Number,
        ),
      complete: sql<number>`count(*) filter (where ${actions.status} = 'complete')`.mapWith(Number),
    })
    .from(actions)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        filter.bodyId ? eq(actions.bodyId, filter.bodyId) : undefined,
        filter.ownerUserId ? eq(actions.ownerUserId, filter.ownerUserId) : undefined,
      ),
    );
  return row ?? { open: 0, overdue: 0, complete: 0 };
}

export async function findAction(db: Database, organisationId: string, actionId: string): Promise<ActionListRow | null> {
  const [row] = await selectActions(db)
    .where(and(eq(actions.id, actionId), eq(actions.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

/** An action's history, oldest first: who reported what, when, and the status they gave. */
export async function listActionUpdates(db: Database, organisationId: string, actionId: string) {
  return db
    .select({
      id: actionUpdates.id,
      userId: actionUpdates.userId,
      userName: users.name,
      status: actionUpdates.status,
      note: actionUpdates.note,
      at: actionUpdates.at,
    })
    .from(actionUpdates)
    .innerJoin(actions, eq(actions.id, actionUpdates.actionId))
    .leftJoin(users, eq(users.id, actionUpdates.userId))
    .where(and(eq(actionUpdates.actionId, actionId), eq(actions.organisationId, organisationId)))
    .orderBy(asc(actionUpdates.at), asc(actionUpdates.id));
}

export type LatestNote = { actionId: string; note: string; userName: string | null; at: Date };

/** The latest entry with words in it, per action: what the log shows as "latest note". */
export async function latestNotes(db: Database, actionIds: string[]): Promise<Map<string, LatestNote>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([actionUpdates.actionId], {
      actionId: actionUpdates.actionId,
      note: actionUpdates.note,
      userName: users.name,
      at: actionUpdates.at,
    })
    .from(actionUpdates)
    .leftJoin(users, eq(users.id, actionUpdates.userId))
    .where(and(inArray(actionUpdates.actionId, actionIds), ne(actionUpdates.note, "")))
    .orderBy(actionUpdates.actionId, desc(actionUpdates.at));
  return new Map(rows.map((r) => [r.actionId, r]));
}

/**
 * Each action's status as it stood at a moment: its last update at or before then.
 * Actions with no update by then (agreed later) are absent.
 */
export async function statusesAt(
  db: Database,
  actionIds: string[],
  at: Date,
): Promise<Map<string, (typeof actionUpdates.$inferSelect)["status"]>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([actionUpdates.actionId], { actionId: actionUpdates.actionId, status: actionUpdates.status })
    .from(actionUpdates)
    .where(and(inArray(actionUpdates.actionId, actionIds), lte(actionUpdates.at, at)))
    .orderBy(actionUpdates.actionId, desc(actionUpdates.at));
  return new Map(rows.map((r) => [r.actionId, r.status]));
}

/** Statuses of a meeting that took place (or is taking place), as opposed to one only planned. */
const HELD = ["in_session", "closed", "minutes_approved"] as const;

/** The body's last meeting held before a moment: where the previous review of the log happened. */
export async function previousMeetingStart(
  db: Database,
  organisationId: string,
  bodyId: string,
  before: Date,
): Promise<Date | null> {
  const [row] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        eq(meetings.bodyId, bodyId),
        lt(meetings.startsAt, before),
        inArray(meetings.status, [...HELD]),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  return row?.startsAt ?? null;
}

/**
 * What the "Review of the action log" item at a meeting starting `before` lists: the
 * body's actions agreed before it that were still open when it started, and those
 * completed since the body's previous meeting (so members see them close). Without a
 * previous meeting, every completed one is shown once.
 */
export async function actionsForReview(
  db: Database,
  query: { organisationId: string; bodyId: string; before: Date },
): Promise<{ previousMeetingAt: Date | null; actions: ActionListRow[] }> {
  const previousMeetingAt = await previousMeetingStart(db, query.organisationId, query.bodyId, query.before);
  const rows = await selectActions(db)
    .where(
      and(
        eq(actions.organisationId, query.organisationId),
        eq(actions.bodyId, query.bodyId),
        lt(actions.agreedAt, query.before),
        or(isNull(actions.completedAt), gte(actions.completedAt, previousMeetingAt ?? new Date(0))),
      ),
    )
    .orderBy(sql`(${actions.status} = 'complete')`, asc(actions.dueDate), asc(actions.minuteNumber), asc(actions.agreedAt));
  return { previousMeetingAt, actions: rows };
}

/**
 * The remedial actions an indicator's earlier exception commentaries raised that the next
 * commentary carries: those still open, and those closed since the start of the month
 * before (so the committee sees what was finished as well as what goes on).
 */
export async function listCarriedCommentaryActions(
  db: Database,
  organisationId: string,
  indicatorId: string,
  period: string,
  closedSince: Date,
) {
  return selectActions(db)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        eq(actions.indicatorId, indicatorId),
        lt(actions.raisedInPeriod, period),
        or(isOpen, gte(actions.completedAt, closedSince)),
      ),
    )
    .orderBy(asc(actions.raisedInPeriod), asc(actions.dueDate), asc(actions.agreedAt));
}

/** Open remedial actions raised by these indicators' exception commentaries, with the month each was raised in. */
export async function listOpenCommentaryActions(db: Database, organisationId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .select({ indicatorId: actions.indicatorId, raisedInPeriod: actions.raisedInPeriod })
    .from(actions)
    .where(
      and(
        eq(actions.organisationId, organisationId),
        inArray(actions.indicatorId, indicatorIds),
        isOpen,
        sql`${actions.raisedInPeriod} is not null`,
      ),
    );
  return rows.flatMap((r) =>
    r.indicatorId && r.raisedInPeriod ? [{ indicatorId: r.indicatorId, raisedInPeriod: r.raisedInPeriod }] : [],
  );
}
