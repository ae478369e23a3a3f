import type { Database } from "../../db/client";
import { findIndicatorRuleByCode, findPlanActionByCode, listMilestonesOfAction } from "../../db/queries/plans";
import type { ActionStatus } from "../../app/shared/vocabulary";
import type { Actor } from "../audit";
import type { ImportKind } from "../imports/parse-import";
import { formatProblem } from "../imports/problems";
import { importFile } from "./import-committer";
import { recordImprovement } from "./improvement-log";
import { recordPlanProgress } from "./plan-progress";

/*
 * The demo's golden thread (ADR 021), built as a performance team would: the business
 * plan's objectives, four plans (three SIPs), their actions and milestones through the
 * same CSV imports; progress for the first two quarters of 2026/27 and the improvement
 * log through the same commands as the pages. One milestone has slipped (SIP-REP A1's
 * scheduling system, due 31 August 2026) and has no commentary yet: the exceptions page
 * asks for one.
 */

export const DEMO_SLIPPED = { plan: "SIP-REP", action: "A1", milestone: "Scheduling system live for responsive repairs" };

type Progress = { plan: string; action: string; status: ActionStatus; q1: string; q2: string };

const PROGRESS: Progress[] = [
  {
    plan: "SIP-REP",
    action: "A1",
    status: "on_track",
    q1: "Scheduling system chosen after a two-supplier trial; contract signed in June.",
    q2: "Go-live moved: the supplier's link to the repairs system failed testing. North-area pilot running by hand meanwhile.",
  },
  {
    plan: "SIP-REP",
    action: "A2",
    status: "on_track",
    q1: "Stock list agreed with the operatives and the stores team.",
    q2: "All 42 vans restocked; first-time fixes up in September.",
  },
  {
    plan: "SIP-REP",
    action: "A3",
    status: "complete",
    q1: "Tender evaluated; Tŷ Gwyn Builders scored highest on quality and price.",
    q2: "Contract signed 29 July 2026; servicing under way in the North area.",
  },
  {
    plan: "SIP-VOID",
    action: "V1",
    status: "on_track",
    q1: "Checklist on tablets from 15 June; inspections within two days for 71% of homes.",
    q2: "Two-day standard met for 88% of homes in September.",
  },
  {
    plan: "SIP-VOID",
    action: "V2",
    status: "on_track",
    q1: "Lettings policy change drafted for the board.",
    q2: "Policy approved in July; the first homes advertised during works in September.",
  },
  {
    plan: "SIP-INC",
    action: "I1",
    status: "on_track",
    q1: "Call script agreed with the tenants' panel.",
    q2: "Income officers trained in July; first-week calls made to 94% of new arrears cases.",
  },
  {
    plan: "SIP-INC",
    action: "I2",
    status: "not_started",
    q1: "Waiting for the Department for Work and Pensions to name a contact.",
    q2: "Contact named in September; the data-sharing agreement is drafted.",
  },
  {
    plan: "SP-NBH",
    action: "N1",
    status: "on_track",
    q1: "Noticeboard template agreed with the area panels.",
    q2: "First results posted on every block in the North area on 30 September.",
  },
];

const IMPROVEMENTS = [
  {
    title: "Repairs booked to two-hour appointment slots",
    description: "Repairs are booked to a two-hour slot chosen by the tenant, instead of a morning or an afternoon.",
    publicSummary: "You now choose a two-hour slot for your repair, so you wait in for less time.",
    madeOn: "2026-06-01",
    evidence: "Appointment reports, June to October 2026; tenants' panel feedback of 14 September 2026.",
    indicator: "xBV185",
    action: { plan: "SIP-REP", action: "A1" },
  },
  {
    title: "Empty homes inspected within two days of the keys coming back",
    description: "Voids officers inspect with a checklist on a tablet, so works are ordered the same day.",
    publicSummary: "Empty homes are checked within two days, so they are ready for new tenants sooner.",
    madeOn: "2026-06-15",
    evidence: "Void inspection log; re-let times by month.",
    indicator: "BV212",
    action: { plan: "SIP-VOID", action: "V1" },
  },
  {
    title: "A call in the first week of arrears",
    description: "Income officers phone every tenant in their first week of arrears and offer help with benefits.",
    publicSummary: "If you fall behind with your rent, we call you in the first week to help — before it builds up.",
    madeOn: "2026-07-10",
    evidence: "Call records; arrears cases opened and closed, July to October 2026.",
    indicator: "BV66a",
    action: { plan: "SIP-INC", action: "I1" },
  },
];

async function importSeed(db: Database, organisationId: string, actor: Actor, read: (name: string) => Buffer) {
  const files: [ImportKind, string][] = [
    ["objectives", "objectives.csv"],
    ["plans", "plans.csv"],
    ["plan-actions", "plan-actions.csv"],
    ["milestones", "milestones.csv"],
  ];
  for (const [kind, filename] of files) {
    const outcome = await importFile(db, { organisationId, kind, bytes: read(filename), filename, actor, ownSeedFile: true });
    if (!outcome.ok)
      throw new Error(`The demo data file ${filename} does not import: ${outcome.problems.map(formatProblem).join("; ")}`);
  }
}

export async function seedDemoPlans(
  db: Database,
  organisationId: string,
  people: { officer: Actor; admin: Actor },
  read: (name: string) => Buffer,
): Promise<void> {
  await importSeed(db, organisationId, people.admin, read);
  for (const p of PROGRESS) {
    const found = await findPlanActionByCode(db, organisationId, p.plan, p.action);
    if (!found) throw new Error(`The demo plan action ${p.plan} ${p.action} was not imported`);
    const base = { organisationId, actionId: found.id, milestoneId: null };
    // Q1's note in the last week of June; Q2's at the end of September: quarterly returns.
    await recordPlanProgress(
      db,
      {
        ...base,
        quarter: "2026/27 Q1",
        status: p.status === "complete" ? "on_track" : p.status,
        note: p.q1,
        at: new Date("2026-06-26T15:00:00Z"),
      },
      people.officer,
    );
    await recordPlanProgress(
      db,
      { ...base, quarter: "2026/27 Q2", status: p.status, note: p.q2, at: new Date("2026-09-29T15:00:00Z") },
      people.officer,
    );
  }
  for (const i of IMPROVEMENTS) {
    const indicator = await findIndicatorRuleByCode(db, organisationId, i.indicator);
    const action = await findPlanActionByCode(db, organisationId, i.action.plan, i.action.action);
    await recordImprovement(
      db,
      {
        organisationId,
        title: i.title,
        description: i.description,
        publicSummary: i.publicSummary,
        madeOn: i.madeOn,
        evidence: i.evidence,
        indicatorId: indicator?.id ?? null,
        planActionId: action?.id ?? null,
      },
      people.officer,
    );
  }
  // The milestones done in Q2 are reported as such too, so their notes read in the quarter's progress.
  const a2 = await findPlanActionByCode(db, organisationId, "SIP-REP", "A2");
  const [, restocked] = await listMilestonesOfAction(db, organisationId, a2!.id);
  await recordPlanProgress(
    db,
    {
      organisationId,
      actionId: a2!.id,
      milestoneId: restocked!.id,
      quarter: "2026/27 Q2",
      note: "Last van restocked on 25 September.",
      completedOn: "2026-09-25",
      at: new Date("2026-09-29T15:05:00Z"),
    },
    people.officer,
  );
}
