import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { milestonesList, trajectoryKey, trajectoryMap } from "../../app/shared/meetings/meeting-record";
import { listClinicPlansForIndicator } from "../../db/queries/clinic-plans";
import { agendaItems } from "../../db/schema/meetings";
import { indicators } from "../../db/schema/performance";
import { eq } from "drizzle-orm";
import { createMeetingFixture, type MeetingFixture } from "../../tests/support/meeting-factory";
import { createTestDatabase } from "../../tests/support/test-database";
import { storeClinicPlans } from "./clinic-plans";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let fixture: MeetingFixture;
let other: MeetingFixture;
let indicatorId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createMeetingFixture(database.db, { items: ["performance_clinic", "report"] });
  other = await createMeetingFixture(database.db);
  const [indicator] = await database.db
    .insert(indicators)
    .values({
      organisationId: fixture.org.id,
      code: "BV212",
      title: "Average days to relet",
      category: "Housing management",
      unit: "days",
      polarity: "lower",
      frequency: "monthly",
      aggregation: "mean",
    })
    .returning();
  indicatorId = indicator.id;
  await database.db
    .update(agendaItems)
    .set({ options: { indicatorIds: [indicatorId] } })
    .where(eq(agendaItems.id, fixture.items[0].id));
});
afterAll(() => database.cleanup());

/** The clinic's record as the room wrote it: two milestones (one blank) and three months of trajectory. */
function clinicRecord(itemId: string) {
  const doc = new Y.Doc();
  const entry = (milestone: string, due: string) => {
    const map = new Y.Map<unknown>();
    map.set("id", milestone || "blank");
    map.set("milestone", milestone);
    map.set("due", due);
    return map;
  };
  milestonesList(doc, itemId).push([entry("Voids contractor appointed", "2026-12-31"), entry("", "")]);
  const trajectory = trajectoryMap(doc, itemId);
  trajectory.set(trajectoryKey(indicatorId, "2027-01"), "30");
  trajectory.set(trajectoryKey(indicatorId, "2026-12"), 33);
  trajectory.set(trajectoryKey(indicatorId, "2027-02"), "not a number");
  return doc;
}

describe("storeClinicPlans", () => {
  it("stores each clinic indicator's plan once, as data, when the meeting closes", async () => {
    const items = await database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, fixture.meeting.id));
    const record = clinicRecord(fixture.items[0].id);
    const at = new Date("2026-11-23T20:00:00Z");
    expect(await storeClinicPlans(database.db, fixture.meeting, items, record, at)).toBe(1);
    // Closing again (a retry) stores nothing twice.
    expect(await storeClinicPlans(database.db, fixture.meeting, items, record, at)).toBe(0);
    const plans = await listClinicPlansForIndicator(database.db, fixture.org.id, indicatorId);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({
      milestones: [{ milestone: "Voids contractor appointed", due: "2026-12-31" }],
      trajectory: [
        { period: "2026-12", value: 33 },
        { period: "2027-01", value: 30 },
      ],
      meetingTitle: "Performance Committee",
    });
  });

  it("are found only within their own organisation", async () => {
    expect(await listClinicPlansForIndicator(database.db, other.org.id, indicatorId)).toEqual([]);
  });
});
