import { and, asc, eq, ne, or } from "drizzle-orm";
import type { Database } from "../client";
import { actions } from "../schema/meetings";
import { indicators } from "../schema/performance";

/**
 * What a member answers for in the organisation: their open actions and the indicators
 * (retired ones included) they own or manage. Removing them needs each one passed to
 * someone else first, so that every action and indicator keeps a named person.
 */
export async function listMemberResponsibilities(db: Database, organisationId: string, userId: string) {
  const [openActions, indicatorRows] = await Promise.all([
    db
      .select({
        id: actions.id,
        description: actions.description,
        dueDate: actions.dueDate,
        status: actions.status,
        minuteNumber: actions.minuteNumber,
      })
      .from(actions)
      .where(and(eq(actions.organisationId, organisationId), eq(actions.ownerUserId, userId), ne(actions.status, "complete")))
      .orderBy(asc(actions.dueDate)),
    db
      .select({
        id: indicators.id,
        code: indicators.code,
        title: indicators.title,
        ownerUserId: indicators.ownerUserId,
        managerUserId: indicators.managerUserId,
      })
      .from(indicators)
      .where(
        and(
          eq(indicators.organisationId, organisationId),
          or(eq(indicators.ownerUserId, userId), eq(indicators.managerUserId, userId)),
        ),
      )
      .orderBy(asc(indicators.code)),
  ]);
  return {
    actions: openActions,
    owned: indicatorRows.filter((i) => i.ownerUserId === userId).map(({ id, code, title }) => ({ id, code, title })),
    managed: indicatorRows.filter((i) => i.managerUserId === userId).map(({ id, code, title }) => ({ id, code, title })),
  };
}

export type MemberResponsibilities = Awaited<ReturnType<typeof listMemberResponsibilities>>;
