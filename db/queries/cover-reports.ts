import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { agendaItems, meetings } from "../schema/meetings";
import { coverReports } from "../schema/packs";

/*
 * Reads of cover reports. Each takes the organisation and filters by it, so that an id
 * from another organisation finds nothing; findCoverReportOwner alone does not, for the
 * collab server's resolver, which compares the organisation itself.
 */

/** An agenda item of the meeting, with its cover report's id when it has one. */
export async function findItemWithCoverReport(db: Database, organisationId: string, meetingId: string, itemId: string) {
  const [row] = await db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      position: agendaItems.position,
      kind: agendaItems.kind,
      title: agendaItems.title,
      presenter: agendaItems.presenter,
      exempt: agendaItems.exempt,
      exemptParagraph: agendaItems.exemptParagraph,
      minuteNumber: agendaItems.minuteNumber,
      reportId: coverReports.id,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(coverReports, and(eq(coverReports.agendaItemId, agendaItems.id), eq(coverReports.organisationId, organisationId)))
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId), eq(meetings.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

/** The cover reports of a meeting's items, in agenda order: item id to report id. */
export async function listCoverReportsOfMeeting(db: Database, organisationId: string, meetingId: string) {
  return db
    .select({ itemId: agendaItems.id, reportId: coverReports.id, createdAt: coverReports.createdAt })
    .from(coverReports)
    .innerJoin(agendaItems, eq(agendaItems.id, coverReports.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        eq(agendaItems.meetingId, meetingId),
        eq(meetings.organisationId, organisationId),
        eq(coverReports.organisationId, organisationId),
      ),
    )
    .orderBy(asc(agendaItems.position));
}

/**
 * The report items of a meeting in agenda order, each with its cover report's id or
 * null: what a pack needs, since a report item without a cover report is a gap too.
 */
export async function listReportItemsOfMeeting(db: Database, organisationId: string, meetingId: string) {
  return db
    .select({ itemId: agendaItems.id, position: agendaItems.position, title: agendaItems.title, reportId: coverReports.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(coverReports, and(eq(coverReports.agendaItemId, agendaItems.id), eq(coverReports.organisationId, organisationId)))
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.kind, "report"), eq(meetings.organisationId, organisationId)))
    .orderBy(asc(agendaItems.position));
}

/** One cover report of the organisation, with the item and meeting it belongs to. */
export async function findCoverReport(db: Database, organisationId: string, reportId: string) {
  const [row] = await db
    .select({
      id: coverReports.id,
      organisationId: coverReports.organisationId,
      agendaItemId: coverReports.agendaItemId,
      meetingId: agendaItems.meetingId,
      createdBy: coverReports.createdBy,
      createdAt: coverReports.createdAt,
    })
    .from(coverReports)
    .innerJoin(agendaItems, eq(agendaItems.id, coverReports.agendaItemId))
    .where(and(eq(coverReports.id, reportId), eq(coverReports.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

/** The organisation a cover report belongs to, by id alone: for the collab server's resolver. */
export async function findCoverReportOwner(db: Database, reportId: string) {
  const [row] = await db
    .select({ organisationId: coverReports.organisationId })
    .from(coverReports)
    .where(eq(coverReports.id, reportId))
    .limit(1);
  return row ?? null;
}
