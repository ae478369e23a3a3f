import { eq } from "drizzle-orm";
import type * as Y from "yjs";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { readAgreedActions } from "../../app/shared/meetings/meeting-record";
import { recordProblems, type RecordProblem } from "../../app/shared/meetings/record-consistency";
import type { Database } from "../../db/client";
import { findBody, listAgendaItems, listAttendance, listBodyMembers, listDeclarations } from "../../db/queries/meetings";
import { organisations } from "../../db/schema/identity";
import { motions, type Meeting } from "../../db/schema/meetings";
import { CommandError } from "../commands/errors";

/*
 * The record's consistency, read from the database and the meeting's shared record for
 * the pure rule (app/shared/meetings/record-consistency.ts): what freezing the minuted
 * pack checks first, and what the Packs page lists before anyone presses the button.
 */

type DocumentReader = { read(name: string): Promise<Y.Doc> };

export class RecordInconsistentError extends CommandError {
  constructor(public readonly problems: RecordProblem[]) {
    super(
      `The record is not consistent yet: ${problems.length} thing${problems.length === 1 ? "" : "s"} to put right before the minutes can be frozen`,
    );
    this.name = "RecordInconsistentError";
  }
}

export async function checkRecord(
  db: Database,
  documents: DocumentReader,
  meeting: Meeting,
  inquorateReasons: Map<string, string> = new Map(),
): Promise<RecordProblem[]> {
  const body = await findBody(db, meeting.organisationId, meeting.bodyId);
  if (!body) throw new Error(`Meeting ${meeting.id} has no body`);
  const [[organisation], seats, attendees, items, declared, motionRows] = await Promise.all([
    db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, meeting.organisationId)),
    listBodyMembers(db, body.id),
    listAttendance(db, meeting.id),
    listAgendaItems(db, meeting.id),
    listDeclarations(db, meeting.id),
    db.select().from(motions).where(eq(motions.meetingId, meeting.id)),
  ]);
  const record = await documents.read(meetingDocumentName(meeting.id));
  const base = `/o/${organisation.slug}/meetings/${meeting.id}`;
  try {
    return recordProblems({
      seats: seats.map((s) => ({ userId: s.userId, name: s.name, memberKind: s.memberKind })),
      attendees,
      rule: { quorumCount: body.quorumCount, quorumRequiresKind: body.quorumRequiresKind },
      motions: motionRows.map((m) => ({ ...m, itemId: m.agendaItemId, decidedAt: m.closedAt })),
      declarations: declared.map((d) => ({ userId: d.userId, itemId: d.agendaItemId, kind: d.kind })),
      actions: items.flatMap((item) => readAgreedActions(record, item.id).map((a) => ({ ...a, itemId: item.id }))),
      itemLabels: new Map(items.map((i) => [i.id, i.minuteNumber ?? `item ${i.position}`])),
      inquorateReasons,
      links: { attendance: `${base}#attendance`, item: (itemId) => `${base}/session?item=${itemId}` },
    });
  } finally {
    record.destroy();
  }
}

/**
 * What the clerk confirms before closing: votes still open, agreed actions without an
 * owner or a date, members whose attendance is not recorded (each with its link).
 */
export async function closingSummary(
  db: Database,
  documents: DocumentReader,
  meeting: Meeting,
): Promise<{ message: string; href: string }[]> {
  const problems = await checkRecord(db, documents, meeting);
  return problems
    .filter((p) => p.kind === "vote-open" || p.kind === "action-incomplete" || p.kind === "attendance-missing")
    .map(({ message, href }) => ({ message, href }));
}
