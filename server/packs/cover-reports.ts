import { and, eq } from "drizzle-orm";
import type * as Y from "yjs";
import { reportDocumentName } from "../../app/shared/collab/document-names";
import { coverReportGaps, readCoverReport, type CoverReportGap } from "../../app/shared/packs/cover-report-content";
import type { CoverReportContent, RichText } from "../../app/shared/packs/pack-document";
import type { Database } from "../../db/client";
import { listReportItemsOfMeeting } from "../../db/queries/cover-reports";
import { agendaItems, meetings } from "../../db/schema/meetings";
import { coverReports } from "../../db/schema/packs";
import { recordAudit, type Actor } from "../audit";
import { fragmentToNode } from "../commentary/render-commentary";
import { CommandError } from "../commands/errors";
import { authorize } from "../policies/authorize";
import { coverReportPolicy } from "../policies/cover-report-policy";
import type { Principal } from "../policies/principal";

/*
 * Cover reports: the row that gives a report item its shared document `report:<id>`,
 * and the reading of that document for the page and the pack.
 */

export type CoverReportRef = { meetingId: string; itemId: string };

/** Thrown when the item is not a report item: only those have cover reports. */
export const NOT_A_REPORT_ITEM = "Only a report item has a cover report";

const actorOf = (principal: Principal): Actor =>
  principal.kind === "user"
    ? { userId: principal.userId, label: `user ${principal.userId}` }
    : { userId: null, label: `API token ${principal.tokenId}` };

/**
 * The cover report of a report item, made the first time it is asked for (by someone
 * who may start one: coverReportPolicy.start). Asking again gives the same report, also
 * when two people ask at once. Refused (ForbiddenError) to members, viewers, another
 * organisation and once the meeting has opened; a CommandError for an item that is not
 * on the meeting's agenda or is not a report item.
 */
export async function ensureCoverReport(
  db: Database,
  principal: Principal,
  input: CoverReportRef,
  actor: Actor = actorOf(principal),
): Promise<{ reportId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ kind: agendaItems.kind, organisationId: meetings.organisationId, status: meetings.status })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, input.meetingId)))
      .limit(1)
      // The meeting row is locked: a report is not started while the meeting is being opened.
      .for("update", { of: meetings });
    if (!item) throw new CommandError("That item is not on this meeting's agenda", "itemId");
    authorize(
      coverReportPolicy.start(principal, item),
      "Only officers and administrators start a cover report, before the meeting opens.",
    );
    if (item.kind !== "report") throw new CommandError(NOT_A_REPORT_ITEM, "itemId");

    const [made] = await tx
      .insert(coverReports)
      .values({
        organisationId: item.organisationId,
        agendaItemId: input.itemId,
        createdBy: principal.kind === "user" ? principal.userId : null,
      })
      .onConflictDoNothing({ target: coverReports.agendaItemId })
      .returning({ id: coverReports.id });
    if (made) {
      await recordAudit(tx, {
        organisationId: item.organisationId,
        actor,
        action: "cover_report.start",
        subjectType: "cover_report",
        subjectId: made.id,
        after: { meetingId: input.meetingId, agendaItemId: input.itemId },
      });
      return { reportId: made.id, created: true };
    }
    const [existing] = await tx
      .select({ id: coverReports.id })
      .from(coverReports)
      .where(eq(coverReports.agendaItemId, input.itemId))
      .limit(1);
    return { reportId: existing.id, created: false };
  });
}

/** A section as ProseMirror JSON under the commentary schema, checked; null when nothing is written. */
export const coverReportRichText = (fragment: Y.XmlFragment): RichText | null =>
  (fragmentToNode(fragment)?.toJSON() as RichText | undefined) ?? null;

/** Where shared documents are read: AppServices.documents (the live copy when open, else the stored one). */
export type DocumentReader = { read(name: string): Promise<Y.Doc> };

export type LoadedCoverReport = { content: CoverReportContent; gaps: CoverReportGap[] };

/** One cover report as it stands: its content as the pack holds it, and what is still to write. */
export async function loadCoverReportContent(documents: DocumentReader, reportId: string): Promise<LoadedCoverReport> {
  const doc = await documents.read(reportDocumentName(reportId));
  try {
    return { content: readCoverReport(doc, coverReportRichText), gaps: coverReportGaps(doc) };
  } finally {
    doc.destroy();
  }
}

export type MeetingCoverReport = {
  itemId: string;
  position: number;
  title: string;
  /** Null when nobody has started the item's cover report. */
  reportId: string | null;
  documentName: string | null;
  content: CoverReportContent | null;
  /** What is still to write; a missing report is one gap, "No cover report has been written". */
  gaps: CoverReportGap[];
};

/** Every report item of a meeting, in agenda order, with its cover report as it stands and its gaps. */
export async function loadMeetingCoverReports(
  db: Database,
  documents: DocumentReader,
  organisationId: string,
  meetingId: string,
): Promise<MeetingCoverReport[]> {
  const items = await listReportItemsOfMeeting(db, organisationId, meetingId);
  const result: MeetingCoverReport[] = [];
  for (const item of items) {
    const base = { itemId: item.itemId, position: item.position, title: item.title };
    if (!item.reportId) {
      result.push({
        ...base,
        reportId: null,
        documentName: null,
        content: null,
        gaps: [{ key: "report", message: "No cover report has been written" }],
      });
      continue;
    }
    const { content, gaps } = await loadCoverReportContent(documents, item.reportId);
    result.push({ ...base, reportId: item.reportId, documentName: reportDocumentName(item.reportId), content, gaps });
  }
  return result;
}
