import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listBodies, listBodyMembers } from "../../db/queries/meetings";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { actions, meetings } from "../../db/schema/meetings";
import { createTestDatabase } from "../../tests/support/test-database";
import { packVersions } from "../../db/schema/packs";
import { latestAgendaPack } from "../packs/papers-as-presented";
import { checkRecord } from "../packs/record-check";
import { SharedDocuments } from "../realtime/yjs/shared-documents";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase("demo");
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

  it("has a consistent October record on the papers captured at opening, and November's agenda pack published", async () => {
    const org = await findOrganisationBySlug(database.db, "northfield");
    const rows = await database.db.select().from(meetings).where(eq(meetings.organisationId, org!.id));
    const october = rows.find((m) => m.status === "closed")!;
    const november = rows.find((m) => m.status === "agenda_published")!;
    expect(await checkRecord(database.db, new SharedDocuments(database.db), october)).toEqual([]);
    const octoberPapers = await latestAgendaPack(database.db, october.id);
    expect(octoberPapers).toMatchObject({ version: 1 });
    const captured = await database.db.select().from(packVersions).where(eq(packVersions.sha256, octoberPapers!.sha256));
    expect(captured[0].reason).toMatch(/^Captured when the meeting opened/);
    const novemberPack = await latestAgendaPack(database.db, november.id);
    expect(novemberPack?.version).toBe(1);
    expect(novemberPack?.pack.attendance.present).toHaveLength(6);
    expect(novemberPack?.pack.attendance.present[0]).toEqual({ name: "Cllr Margaret Hughes", role: "Chair, Councillor" });
  });
});
