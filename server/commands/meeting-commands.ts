import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import type { Database } from "../../db/client";
import { findBody, findMeeting, listBodyMembers } from "../../db/queries/meetings";
import { listPendingReferrals } from "../../db/queries/meeting-planning";
import { users } from "../../db/schema/identity";
import { agendaItems, clinicReferrals, meetingAttendance, meetings, type Meeting } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { AGENDA_ITEM_KIND_LABELS, DEFAULT_MEETING_KIND, STANDARD_OPENING_ITEMS } from "../../app/shared/meetings/labels";
import { BEFORE_OPENING_STATUSES } from "../../app/shared/meetings/meeting-stage";
import { newMeetingSchema, type NewMeetingInput } from "../../app/shared/meetings/meeting-schemas";
import { recordAudit, SYSTEM_ACTOR, type Actor } from "../audit";
import { freezePack, type FreezeResult } from "../packs/freeze-pack";
import type { SharedDocuments } from "../realtime/yjs/shared-documents";
import { insertAgendaItem, type NewAgendaItem } from "./agenda-placement";
import { parseCommandInput } from "./command-input";
import { CommandError } from "./errors";
import { lockMeeting } from "./meeting-locks";

/*
 * Meetings: creating one with its standard opening items, its expected attendance and
 * the clinics referred to it; placing a later referral; publishing the agenda (its pack).
 * Authorisation is the caller's (meetingPolicy.manage).
 */

type ReferralToPlace = { id: string; indicatorId: string; code: string; title: string; ownerName: string | null };

/** A clinic item for a referred indicator: its lead officer (the owner) presents the improvement plan. */
const clinicItemFor = (referral: ReferralToPlace): NewAgendaItem => ({
  kind: "performance_clinic",
  title: `${AGENDA_ITEM_KIND_LABELS.performance_clinic}: ${referral.code} ${referral.title}`,
  presenter: referral.ownerName ?? "",
  options: { indicatorIds: [referral.indicatorId] },
  referralId: referral.id,
});

/**
 * Creates a meeting of a body, in draft. Its agenda starts with the standard opening
 * items (apologies, declarations, last minutes, the action log: plan, do, check, act
 * starts with last time's actions), followed by a clinic for each indicator referred to
 * the body and not yet placed. Every seat of the body is expected to attend.
 */
export async function createMeeting(
  db: Database,
  input: { organisationId: string } & NewMeetingInput,
  actor: Actor,
): Promise<Meeting> {
  const details = parseCommandInput(newMeetingSchema, input);
  return db.transaction(async (tx) => {
    const body = await findBody(tx, input.organisationId, details.bodyId);
    if (!body) throw new CommandError("Choose a committee or panel of this organisation", "bodyId");
    const [meeting] = await tx
      .insert(meetings)
      .values({
        organisationId: input.organisationId,
        bodyId: body.id,
        kind: details.kind ?? DEFAULT_MEETING_KIND[body.kind],
        title: details.title || body.name,
        startsAt: details.startsAt,
        place: details.place,
        onlineLink: details.onlineLink,
        createdBy: actor.userId,
      })
      .returning();

    const referrals = await listPendingReferrals(tx, body.id);
    const items: (NewAgendaItem & { position: number; meetingId: string })[] = [
      ...STANDARD_OPENING_ITEMS.map((kind) => ({ kind, title: AGENDA_ITEM_KIND_LABELS[kind] })),
      ...referrals.map(clinicItemFor),
    ].map((item, index) => ({ ...item, meetingId: meeting.id, position: index + 1 }));
    await tx.insert(agendaItems).values(items);
    if (referrals.length) {
      await tx
        .update(clinicReferrals)
        .set({ placedOnMeetingId: meeting.id })
        .where(
          inArray(
            clinicReferrals.id,
            referrals.map((r) => r.id),
          ),
        );
    }

    const seats = await listBodyMembers(tx, body.id);
    if (seats.length) {
      await tx.insert(meetingAttendance).values(
        seats.map((s) => ({
          meetingId: meeting.id,
          userId: s.userId,
          name: s.name,
          capacity: "member" as const,
          memberKind: s.memberKind,
        })),
      );
    }

    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "meeting.create",
      subjectType: "meeting",
      subjectId: meeting.id,
      after: {
        bodyId: body.id,
        kind: meeting.kind,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
        place: meeting.place,
        onlineLink: meeting.onlineLink,
        clinicsPlaced: referrals.length,
      },
    });
    return meeting;
  });
}

export type Placement = { meetingId: string; agendaItemId: string };

/**
 * Puts a referral to a performance clinic on the agenda of the body's next meeting: the
 * first after the referring meeting whose agenda can still change. With no such meeting
 * yet the referral waits, and createMeeting places it. Placing twice changes nothing.
 */
export async function placeReferral(db: Database, referralId: string, actor: Actor = SYSTEM_ACTOR): Promise<Placement | null> {
  return db.transaction(async (tx) => {
    const [referral] = await tx
      .select({
        id: clinicReferrals.id,
        organisationId: clinicReferrals.organisationId,
        bodyId: clinicReferrals.bodyId,
        fromMeetingId: clinicReferrals.fromMeetingId,
        placedOnMeetingId: clinicReferrals.placedOnMeetingId,
        indicatorId: clinicReferrals.indicatorId,
        code: indicators.code,
        title: indicators.title,
        ownerName: users.name,
      })
      .from(clinicReferrals)
      .innerJoin(indicators, eq(indicators.id, clinicReferrals.indicatorId))
      .leftJoin(users, eq(users.id, indicators.ownerUserId))
      .where(eq(clinicReferrals.id, referralId))
      .limit(1)
      .for("update", { of: clinicReferrals });
    if (!referral) throw new CommandError("That referral does not exist", "referralId");
    if (referral.placedOnMeetingId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(eq(agendaItems.referralId, referral.id))
        .limit(1);
      return item ? { meetingId: referral.placedOnMeetingId, agendaItemId: item.id } : null;
    }

    const [from] = await tx
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, referral.fromMeetingId))
      .limit(1);
    const [next] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.bodyId, referral.bodyId),
          ne(meetings.id, referral.fromMeetingId),
          inArray(meetings.status, [...BEFORE_OPENING_STATUSES]),
          from ? gt(meetings.startsAt, from.startsAt) : undefined,
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(1);
    if (!next) return null;

    await lockMeeting(tx, referral.organisationId, next.id);
    const item = await insertAgendaItem(tx, next.id, clinicItemFor(referral));
    await tx.update(clinicReferrals).set({ placedOnMeetingId: next.id }).where(eq(clinicReferrals.id, referral.id));
    await recordAudit(tx, {
      organisationId: referral.organisationId,
      actor,
      action: "meeting.referral.place",
      subjectType: "meeting",
      subjectId: next.id,
      after: { referralId: referral.id, agendaItemId: item.id, indicatorId: referral.indicatorId },
    });
    return { meetingId: next.id, agendaItemId: item.id };
  });
}

/**
 * Publishes the agenda: the agenda pack (the agenda with every cover report, scorecard,
 * exception report and the action log) frozen as a version that members, the public page
 * and the meeting's status all agree on. Refused with the list of what is missing. After
 * the first, each version is a supplementary agenda pack and needs a reason; its page
 * shows what changed from the version before. The meeting page and the Packs page both
 * publish through here.
 */
export async function publishAgenda(
  services: { db: Database; documents: SharedDocuments },
  input: { organisationId: string; meetingId: string; reason?: string },
  actor: Actor & { name: string },
): Promise<FreezeResult> {
  const meeting = await findMeeting(services.db, input.organisationId, input.meetingId);
  if (!meeting) throw new CommandError("That meeting does not exist in this organisation", "meetingId");
  const [item] = await services.db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id))
    .limit(1);
  if (!item) throw new CommandError("Add at least one item before publishing the agenda", "form");
  return freezePack(services, { meeting, kind: "agenda", reason: input.reason ?? "", actor });
}
