import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { agendaItems, clinicPlans, meetings } from "../schema/meetings";

/** An indicator's stored clinic plans, newest first, with the meeting and minute number that agreed each. */
export async function listClinicPlansForIndicator(db: Database, organisationId: string, indicatorId: string) {
  return db
    .select({
      id: clinicPlans.id,
      milestones: clinicPlans.milestones,
      trajectory: clinicPlans.trajectory,
      agreedAt: clinicPlans.agreedAt,
      meetingId: clinicPlans.meetingId,
      meetingTitle: meetings.title,
      minuteNumber: agendaItems.minuteNumber,
    })
    .from(clinicPlans)
    .innerJoin(meetings, eq(meetings.id, clinicPlans.meetingId))
    .innerJoin(agendaItems, eq(agendaItems.id, clinicPlans.agendaItemId))
    .where(and(eq(clinicPlans.organisationId, organisationId), eq(clinicPlans.indicatorId, indicatorId)))
    .orderBy(desc(clinicPlans.agreedAt));
}

export type StoredClinicPlan = Awaited<ReturnType<typeof listClinicPlansForIndicator>>[number];
