import type * as Y from "yjs";
import { readMilestones, readTrajectory } from "../../app/shared/meetings/meeting-record";
import type { Database } from "../../db/client";
import { clinicPlans, type AgendaItem } from "../../db/schema/meetings";

/**
 * When a meeting closes, each performance clinic item's improvement plan (milestones,
 * and the recovery trajectory of each of its indicators) is stored as data, once: the
 * record is final, so closing again adds nothing. An indicator with neither milestones
 * nor a trajectory has no plan to store.
 */
export async function storeClinicPlans(
  db: Database,
  meeting: { id: string; organisationId: string },
  items: AgendaItem[],
  record: Y.Doc,
  agreedAt: Date,
): Promise<number> {
  const rows = items.flatMap((item) => {
    if (item.kind !== "performance_clinic") return [];
    const milestones = readMilestones(record, item.id)
      .filter((m) => m.milestone.trim() !== "")
      .map((m) => ({ milestone: m.milestone.trim(), due: m.due }));
    return (item.options?.indicatorIds ?? []).flatMap((indicatorId) => {
      const trajectory = readTrajectory(record, item.id, indicatorId);
      if (milestones.length === 0 && trajectory.length === 0) return [];
      return [
        {
          organisationId: meeting.organisationId,
          meetingId: meeting.id,
          agendaItemId: item.id,
          indicatorId,
          milestones,
          trajectory,
          agreedAt,
        },
      ];
    });
  });
  if (rows.length === 0) return 0;
  const stored = await db.insert(clinicPlans).values(rows).onConflictDoNothing().returning({ id: clinicPlans.id });
  return stored.length;
}
