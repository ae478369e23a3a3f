import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listBodies, listBodyMembers } from "../../db/queries/meetings";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { actions, meetings } from "../../db/schema/meetings";
import { createTestDatabase } from "../../tests/support/test-database";
import { seedDemo } from "./demo-seeder";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
}, 120_000);
afterAll(() => database.cleanup());

describe("the demo's meetings", () => {
  it("has a committee of six with a chair and a tenant quorum rule, and an area panel", async () => {
    const org = await findOrganisationBySlug(database.db, "northfield");
    const bodies = await listBodies(database.db, org!.id);
    expect(bodies.map((b) => b.name)).toEqual(["North Area Panel", "Performance Committee"]);
    const committee = bodies.find((b) => b.minutePrefix === "PC")!;
    const seats = await listBodyMembers(database.db, committee.id);
    expect(seats).toHaveLength(6);
    expect(seats[0]).toMatchObject({ position: "chair", email: "member@northfield.example" });
    expect(committee).toMatchObject({ quorumCount: 4, quorumRequiresKind: "tenant" });
  });

  it("has a closed meeting whose actions are in the log and a published agenda for the next", async () => {
    const org = await findOrganisationBySlug(database.db, "northfield");
    const rows = await database.db.select().from(meetings).where(eq(meetings.organisationId, org!.id));
    expect(rows.map((m) => m.status).sort()).toEqual(["agenda_published", "closed", "draft", "draft"]);
    const logged = await database.db.select().from(actions).where(eq(actions.organisationId, org!.id));
    expect(logged).toHaveLength(2);
    expect(logged.find((a) => a.indicatorId)?.indicatorStatusWhenAgreed).toBeTruthy();
  });
});
