import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findIndicatorRuleByCode, findPlanActionByCode, listObjectives } from "../../db/queries/plans";
import { planProgressNotes } from "../../db/schema/plans";
import { SYSTEM_ACTOR } from "../../server/audit";
import { DEMO_SLIPPED } from "../../server/commands/demo-plans-seeder";
import { importFile } from "../../server/commands/import-committer";
import { recordPlanProgress } from "../../server/commands/plan-progress";
import { createOrganisation } from "../../server/commands/organisation-creator";
import {
  improvementLog,
  indicatorThread,
  objectiveThread,
  objectivesOverview,
  plansOverview,
  slippedMilestonesOfQuarter,
} from "../../server/plans/thread-view";
import { createTestServices } from "../support/test-services";

/*
 * The golden thread on the demo organisation (ADR 021): what the imports and commands
 * seed, and the thread read both ways, judged on a fixed day (15 October 2026, in Q3).
 */

const TODAY = "2026-10-15";
let services: Awaited<ReturnType<typeof createTestServices>>;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  orgId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  otherOrgId = (await createOrganisation(services.db, { slug: "southbank", name: "Southbank Homes" }, SYSTEM_ACTOR)).id;
}, 600_000);
afterAll(async () => services?.cleanup());

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\n") + "\n");

describe("the demo's golden thread", () => {
  it("has a business plan with objectives under its themes", async () => {
    const themes = await objectivesOverview(services.db, orgId, TODAY);
    expect(themes.map((t) => t.name).sort()).toEqual(["Decent Homes", "Decent Places", "Fair Access", "Valuing Resources"]);
    const dh2 = themes.flatMap((t) => t.objectives).find((o) => o.code === "DH2")!;
    expect(dh2).toMatchObject({ accountableName: "Tom Okafor", period: "2025/26–2027/28", status: "at_risk" });
    expect(dh2.indicatorCodes).toEqual(["LPI-01", "TP02", "xBV185", "xBV72"].sort());
  });

  it("has three improvement plans and a service plan, one with a slipped milestone", async () => {
    const plans = await plansOverview(services.db, orgId, TODAY);
    expect(plans.filter((p) => p.kind === "improvement")).toHaveLength(3);
    expect(plans.find((p) => p.code === "SIP-REP")).toMatchObject({ status: "at_risk", slippedCount: 1 });
    const slipped = await slippedMilestonesOfQuarter(services.db, orgId, "2026/27 Q2", TODAY);
    expect(slipped.map((s) => [s.planCode, s.actionCode, s.title, s.commentary])).toEqual([
      [DEMO_SLIPPED.plan, DEMO_SLIPPED.action, DEMO_SLIPPED.milestone, null],
    ]);
  });

  it("reads the thread from an objective: its plans, actions and indicators with status", async () => {
    const dh2 = (await listObjectives(services.db, orgId)).find((o) => o.code === "DH2")!;
    const thread = (await objectiveThread(services.db, orgId, dh2.id, TODAY))!;
    expect(thread.plans.map((p) => [p.code, p.status])).toEqual([["SIP-REP", "at_risk"]]);
    expect(thread.actions.map((a) => [a.code, a.status])).toEqual([
      ["A1", "at_risk"],
      ["A2", "on_track"],
    ]);
    expect(thread.indicators.map((i) => i.code)).toContain("xBV72");
    expect(thread.indicators.find((i) => i.code === "xBV72")?.status).not.toBeNull();
    expect(await objectiveThread(services.db, otherOrgId, dh2.id, TODAY)).toBeNull();
  });

  it("reads the thread from an indicator: its objective and the actions serving it", async () => {
    const bv212 = (await findIndicatorRuleByCode(services.db, orgId, "BV212"))!;
    const thread = await indicatorThread(services.db, orgId, bv212.id, TODAY);
    expect(thread.objectives.map((o) => o.code)).toEqual(["FA1"]);
    expect(thread.actions.map((a) => `${a.planCode} ${a.code}`)).toEqual(["SIP-VOID V1", "SIP-VOID V2"]);
    expect(await indicatorThread(services.db, otherOrgId, bv212.id, TODAY)).toEqual({ objectives: [], plans: [], actions: [] });
  });

  it("keeps a service improvement log whose movement comes from the figures", async () => {
    const log = await improvementLog(services.db, orgId);
    expect(log).toHaveLength(3);
    const relets = log.find((i) => i.indicator?.code === "BV212")!;
    expect(relets.movement?.before?.period).toBe("2026-05");
    expect(relets.movement?.text).toMatch(/^(Up|Down|No change)/);
  });

  it("refuses to change or remove a progress note", async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => "",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(services.db.execute(sql`update ${planProgressNotes} set note = 'changed'`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(services.db.execute(sql`delete from ${planProgressNotes}`))).toMatch(/append-only: DELETE refused/);
  });
});

describe("recording progress", () => {
  it("records a note on an action of the organisation and refuses another organisation's", async () => {
    const a1 = (await findPlanActionByCode(services.db, orgId, "SIP-REP", "A1"))!;
    const note = await recordPlanProgress(
      services.db,
      {
        organisationId: orgId,
        actionId: a1.id,
        milestoneId: null,
        quarter: "2026/27 Q3",
        status: "at_risk",
        note: "Dal i fynd — ŵ ŷ £5 🙂",
      },
      SYSTEM_ACTOR,
    );
    expect(note.note).toBe("Dal i fynd — ŵ ŷ £5 🙂");
    await expect(
      recordPlanProgress(
        services.db,
        { organisationId: otherOrgId, actionId: a1.id, milestoneId: null, quarter: "2026/27 Q3", status: "at_risk", note: "x" },
        SYSTEM_ACTOR,
      ),
    ).rejects.toThrow(/no such plan action/);
  });
});

describe("the imports of the thread", () => {
  it("refuses a whole file for one bad line, naming it, and changes nothing", async () => {
    const outcome = await importFile(services.db, {
      organisationId: orgId,
      kind: "plan-actions",
      filename: "plan-actions.csv",
      actor: SYSTEM_ACTOR,
      bytes: csv(
        "plan,code,title,owner_email,start_date,due_date",
        "SIP-REP,A9,A fine new action,officer@northfield.example,01/04/2026,31/03/2027",
        "SIP-REP,A10,Owner of another organisation,someone@southbank.example,01/04/2026,31/03/2027",
      ),
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => [p.line, p.column])).toEqual([[3, "owner_email"]]);
    expect(await findPlanActionByCode(services.db, orgId, "SIP-REP", "A9")).toBeNull();
  });

  it("does not see another organisation's plans by code", async () => {
    const outcome = await importFile(services.db, {
      organisationId: otherOrgId,
      kind: "milestones",
      filename: "milestones.csv",
      actor: SYSTEM_ACTOR,
      bytes: csv("plan,action,milestone,due_date", "SIP-REP,A1,Borrowed milestone,31/03/2027"),
    });
    expect(outcome.ok).toBe(false);
  });

  it("imports the demo's files again without changing anything", async () => {
    const { readSeedFile } = await import("../../server/commands/demo-seeder");
    for (const [kind, file] of [
      ["objectives", "objectives.csv"],
      ["plans", "plans.csv"],
      ["plan-actions", "plan-actions.csv"],
      ["milestones", "milestones.csv"],
    ] as const) {
      const outcome = await importFile(services.db, {
        organisationId: orgId,
        kind,
        filename: file,
        actor: SYSTEM_ACTOR,
        bytes: readSeedFile(file),
      });
      // Only A1's status differs: it was reported at risk above, and the file says on track.
      expect(outcome.ok && outcome.summary).toMatchObject({ created: 0, updated: kind === "plan-actions" ? 1 : 0 });
    }
  });
});
