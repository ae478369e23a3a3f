import { and, asc, eq, gte, inArray, isNull, max, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { agendaItems, bodies, bodyMembers, meetings } from "../schema/meetings";
import { coverReports, packs, packVersions } from "../schema/packs";

/*
 * What a person's home page reads that no other page does: the meetings of the bodies
 * they sit on, and the cover reports asked of them. Every query is scoped to the
 * organisation in the path.
 */

/**
 * The next meetings of the bodies the person sits on (not yet closed, starting from
 * `since`), soonest first, with the agenda pack's latest version once it is published.
 */
export async function listNextMeetingsOfMember(
  db: Database,
  input: { organisationId: string; userId: string; since: Date; limit: number },
) {
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      status: meetings.status,
      bodyName: bodies.name,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .innerJoin(bodyMembers, and(eq(bodyMembers.bodyId, meetings.bodyId), eq(bodyMembers.userId, input.userId)))
    .where(
      and(
        eq(meetings.organisationId, input.organisationId),
        gte(meetings.startsAt, input.since),
        inArray(meetings.status, ["draft", "agenda_published", "in_session"]),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(input.limit);
  if (rows.length === 0) return [];
  const papers = await db
    .select({ meetingId: packs.meetingId, packId: packs.id, version: max(packVersions.version) })
    .from(packs)
    .innerJoin(packVersions, eq(packVersions.packId, packs.id))
    .where(
      and(
        eq(packs.organisationId, input.organisationId),
        eq(packs.kind, "agenda"),
        inArray(
          packs.meetingId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(packs.meetingId, packs.id);
  const paperOf = new Map(papers.map((p) => [p.meetingId, { packId: p.packId, version: p.version ?? 1 }]));
  return rows.map((row) => ({ ...row, papers: paperOf.get(row.id) ?? null }));
}

/**
 * Cover reports the person owes: report items on agendas not yet published whose
 * presenter is the person (by name) or whose cover report they started, with whether a
 * cover report has been started. Once the agenda (its pack) is published the papers are
 * what they are.
 */
export async function listCoverReportsOwed(db: Database, input: { organisationId: string; userId: string; userName: string }) {
  return db
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      startsAt: meetings.startsAt,
      itemId: agendaItems.id,
      itemTitle: agendaItems.title,
      coverReportId: coverReports.id,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(coverReports, eq(coverReports.agendaItemId, agendaItems.id))
    .where(
      and(
        eq(meetings.organisationId, input.organisationId),
        eq(meetings.status, "draft"),
        eq(agendaItems.kind, "report"),
        or(
          sql`lower(trim(${agendaItems.presenter})) = ${input.userName.trim().toLowerCase()}`,
          eq(coverReports.createdBy, input.userId),
        ),
        or(isNull(coverReports.id), eq(coverReports.organisationId, input.organisationId)),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}

/** Whether the person sits on any committee or panel of the organisation (Committees in their navigation). */
export async function sitsOnABody(db: Database, organisationId: string, userId: string) {
  const [row] = await db
    .select({ id: bodyMembers.id })
    .from(bodyMembers)
    .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
    .where(and(eq(bodies.organisationId, organisationId), eq(bodyMembers.userId, userId)))
    .limit(1);
  return Boolean(row);
}
