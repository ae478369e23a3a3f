import { and, eq, isNull, like } from "drizzle-orm";
import { meetingDocumentName } from "../../app/shared/collab/document-names";
import { isCompleteAction, readAgreedActions } from "../../app/shared/meetings/meeting-record";
import { isBeforeOpening } from "../../app/shared/meetings/meeting-stage";
import { allocateMinuteNumbers } from "../../app/shared/meetings/minute-numbers";
import type { Database } from "../../db/client";
import { listAgendaItems } from "../../db/queries/meetings";
import { indicators } from "../../db/schema/performance";
import {
  agendaItems,
  bodies,
  clinicReferrals,
  meetingAttendance,
  meetings,
  motions,
  speakingRequests,
  type Meeting,
} from "../../db/schema/meetings";
import { recordAudit, type Actor } from "../audit";
import type { SharedDocuments } from "../realtime/yjs/shared-documents";
import { enterAgreedActions } from "./action-log";
import { storeClinicPlans } from "./clinic-plans";
import { CommandError } from "./errors";
import { placeReferral } from "./meeting-commands";

/*
 * The life of a meeting in session: opening it (minute numbers given to its items),
 * closing it (the agreed actions enter the action log), and referring an indicator to
 * a performance clinic of a later meeting.
 */

type MeetingRef = Pick<Meeting, "id" | "organisationId" | "bodyId" | "status" | "startsAt">;

/** The meeting row, locked for this transaction: two clerks pressing "Open" at once open it once. */
async function lockMeeting(tx: Database, meeting: MeetingRef) {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meeting.id)).for("update");
  if (!row || row.organisationId !== meeting.organisationId) throw new CommandError("There is no such meeting");
  return row;
}

/**
 * Opens the meeting: in session from now, its items numbered in the body's scheme
 * continuing from the body's last minute that year, the chair's screen on the first item.
 * Opening an open meeting changes nothing.
 */
export async function openMeeting(db: Database, meeting: MeetingRef, actor: Actor) {
  return db.transaction(async (tx) => {
    const row = await lockMeeting(tx, meeting);
    if (row.status === "in_session") return { changed: false };
    if (!isBeforeOpening(row)) {
      throw new CommandError("This meeting has closed: it cannot be opened again");
    }
    // The body row is the lock for its minute numbers: meetings of one body open one at a time.
    const [body] = await tx.select().from(bodies).where(eq(bodies.id, row.bodyId)).for("update");
    const year = row.startsAt.getUTCFullYear();
    const yy = String(year % 100).padStart(2, "0");
    const used = await tx
      .select({ minuteNumber: agendaItems.minuteNumber })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(meetings.bodyId, row.bodyId), like(agendaItems.minuteNumber, `${body.minutePrefix} ${yy}/%`)));
    const items = (await listAgendaItems(tx, row.id)).filter((item) => item.minuteNumber === null);
    const numbers = allocateMinuteNumbers(
      body.minutePrefix,
      year,
      used.map((u) => u.minuteNumber ?? ""),
      items.length,
    );
    for (const [index, item] of items.entries()) {
      await tx.update(agendaItems).set({ minuteNumber: numbers[index] }).where(eq(agendaItems.id, item.id));
    }
    const [first] = await listAgendaItems(tx, row.id);
    await tx
      .update(meetings)
      .set({ status: "in_session", openedAt: new Date(), currentItemId: first?.id ?? null })
      .where(eq(meetings.id, row.id));
    await recordAudit(tx, {
      organisationId: row.organisationId,
      actor,
      action: "meeting.open",
      subjectType: "meeting",
      subjectId: row.id,
      after: { minuteNumbers: numbers.length ? [numbers[0], numbers.at(-1)] : [] },
    });
    return { changed: true };
  });
}

/** Closing was refused: agreed actions still lack what the action log needs. */
export class IncompleteActionsError extends CommandError {
  constructor(readonly incomplete: { minuteNumber: string | null; action: string }[]) {
    super(
      `${incomplete.length === 1 ? "One agreed action lacks" : `${incomplete.length} agreed actions lack`} a description, an owner or a due date: ` +
        `${incomplete.map((a) => `${a.minuteNumber ?? "item"}: “${a.action || "(no description)"}”`).join("; ")}. Complete or remove ${incomplete.length === 1 ? "it" : "them"} before closing.`,
    );
    this.name = "IncompleteActionsError";
  }
}

/**
 * Closes the meeting: every agreed action of the record enters the action log, each
 * clinic's improvement plan is stored as data, votes
 * and raised hands end, everyone still present is recorded as leaving now. Refused while
 * a vote is open or an agreed action is incomplete, so that nothing agreed is lost.
 */
export async function closeMeeting(db: Database, documents: SharedDocuments, meeting: MeetingRef, actor: Actor) {
  // Read the record before the transaction: the live copy includes edits still in flight.
  const doc = await documents.read(meetingDocumentName(meeting.id));
  try {
    return await db.transaction(async (tx) => {
      const row = await lockMeeting(tx, meeting);
      if (row.status === "closed" || row.status === "minutes_approved") return { changed: false, actionsEntered: 0 };
      if (row.status !== "in_session") throw new CommandError("Only a meeting in session can be closed");
      const [openVote] = await tx
        .select({ id: motions.id })
        .from(motions)
        .where(and(eq(motions.meetingId, row.id), eq(motions.status, "open")))
        .limit(1);
      if (openVote) throw new CommandError("A vote is still open: close or withdraw it before closing the meeting");

      const items = await listAgendaItems(tx, row.id);
      const agreed = items.flatMap((item) => readAgreedActions(doc, item.id).map((action) => ({ item, action })));
      const blank = (a: (typeof agreed)[number]) => a.action.action === "" && a.action.ownerId === "" && a.action.due === "";
      const incomplete = agreed.filter((a) => !blank(a) && !isCompleteAction(a.action));
      if (incomplete.length > 0) {
        throw new IncompleteActionsError(incomplete.map((a) => ({ minuteNumber: a.item.minuteNumber, action: a.action.action })));
      }
      const entered = await enterAgreedActions(
        tx,
        {
          meeting: { id: row.id, organisationId: row.organisationId, bodyId: row.bodyId },
          actions: agreed
            .filter((a) => !blank(a))
            .map(({ item, action }) => ({
              sourceKey: `${item.id}:${action.id}`,
              agendaItemId: item.id,
              minuteNumber: item.minuteNumber,
              description: action.action,
              ownerUserId: action.ownerId,
              dueDate: action.due,
              indicatorId: action.indicatorId || null,
            })),
        },
        actor,
      );
      const now = new Date();
      const plansStored = await storeClinicPlans(tx, row, items, doc, now);
      await tx
        .update(speakingRequests)
        .set({ endedAt: now, outcome: "lowered" })
        .where(and(eq(speakingRequests.meetingId, row.id), isNull(speakingRequests.endedAt)));
      await tx
        .update(meetingAttendance)
        .set({ leftAt: now })
        .where(
          and(
            eq(meetingAttendance.meetingId, row.id),
            eq(meetingAttendance.attendance, "present"),
            isNull(meetingAttendance.leftAt),
          ),
        );
      await tx.update(meetings).set({ status: "closed", closedAt: now, currentItemId: null }).where(eq(meetings.id, row.id));
      await recordAudit(tx, {
        organisationId: row.organisationId,
        actor,
        action: "meeting.close",
        subjectType: "meeting",
        subjectId: row.id,
        after: { actionsEntered: entered.entered.length, clinicPlansStored: plansStored },
      });
      return { changed: true, actionsEntered: entered.entered.length };
    });
  } finally {
    doc.destroy();
  }
}

/**
 * Refers an indicator to a performance clinic: a clinic item on the body's next meeting
 * whose agenda is still open, or, when there is none yet, on the next one made.
 */
export async function referToClinic(
  db: Database,
  input: { meeting: MeetingRef; agendaItemId: string; indicatorId: string; reason: string },
  actor: Actor,
) {
  const reason = input.reason.trim().slice(0, 1000);
  const referral = await db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, input.meeting.id)))
      .limit(1);
    if (!item) throw new CommandError("That item is not on this meeting's agenda", "agendaItemId");
    const [indicator] = await tx
      .select({ id: indicators.id, code: indicators.code })
      .from(indicators)
      .where(and(eq(indicators.id, input.indicatorId), eq(indicators.organisationId, input.meeting.organisationId)))
      .limit(1);
    if (!indicator) throw new CommandError("There is no such indicator in this organisation", "indicatorId");
    const [existing] = await tx
      .select()
      .from(clinicReferrals)
      .where(and(eq(clinicReferrals.fromMeetingId, input.meeting.id), eq(clinicReferrals.indicatorId, indicator.id)))
      .limit(1);
    if (existing) return existing;
    const [row] = await tx
      .insert(clinicReferrals)
      .values({
        organisationId: input.meeting.organisationId,
        bodyId: input.meeting.bodyId,
        fromMeetingId: input.meeting.id,
        fromAgendaItemId: item.id,
        indicatorId: indicator.id,
        reason,
        referredBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organisationId: input.meeting.organisationId,
      actor,
      action: "meeting.refer_to_clinic",
      subjectType: "indicator",
      subjectId: indicator.id,
      after: { meetingId: input.meeting.id, code: indicator.code, reason },
    });
    return row;
  });
  if (!referral.placedOnMeetingId) await placeReferral(db, referral.id);
  const [placed] = await db.select().from(clinicReferrals).where(eq(clinicReferrals.id, referral.id));
  return placed;
}
