import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackAppendix } from "../../app/shared/packs/pack-document";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { bodies, type Meeting } from "../../db/schema/meetings";
import { objectives, planActionObjectives, planActions, plans } from "../../db/schema/plans";
import { createMeetingFixture } from "../../tests/support/meeting-factory";
import { createTestServices } from "../../tests/support/test-services";
import { SYSTEM_ACTOR } from "../audit";
import { addAgendaItem } from "../commands/agenda-commands";
import { DEMO_SLIPPED } from "../commands/demo-plans-seeder";
import { CommandError } from "../commands/errors";
import { createMeeting } from "../commands/meeting-commands";
import { compilePack } from "./compile-pack";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";
import { packContents } from "../../app/shared/packs/pack-document";

/*
 * The golden thread on an agenda (issue 17 item 5): a new meeting of the demo's committee
 * (the seeded meetings stay as they are) with a plan-progress item for SIP-REP in the
 * quarter of August 2026, and the service improvement log. The slipped milestone of the
 * demo (SIP-REP A1) and an improvement reach both the pack's data and its PDF.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let organisationId: string;
let meeting: Meeting;
let sipRepId: string;

beforeAll(async () => {
  services = await createTestServices("demo");
  organisationId = (await findOrganisationBySlug(services.db, "northfield"))!.id;
  const [body] = await services.db.select().from(bodies).where(eq(bodies.organisationId, organisationId)).limit(1);
  const [plan] = await services.db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.code, DEMO_SLIPPED.plan)));
  sipRepId = plan!.id;
  meeting = await createMeeting(
    services.db,
    {
      organisationId,
      bodyId: body!.id,
      kind: "",
      title: "Golden thread review",
      date: "2026-12-17",
      time: "18:00",
      place: "Committee Room 2",
      onlineLink: "",
    },
    SYSTEM_ACTOR,
  );
}, 180_000);
afterAll(() => services.cleanup());

const version = {
  number: 1,
  previousSha256: null,
  reason: "",
  frozenAt: "2026-12-06T10:00:00.000Z",
  frozenAtText: "6 December 2026 at 10:00",
  frozenBy: "Test",
};

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "minuted-plan-pack-"));
  const file = path.join(dir, "pack.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const oneLine = (text: string) => text.replace(/\s+/g, " ");

describe("plan progress and the improvement log on an agenda", () => {
  it("refuses a plan of another organisation", async () => {
    const other = await createMeetingFixture(services.db);
    const [foreign] = await services.db
      .insert(plans)
      .values({
        organisationId: other.org.id,
        code: "SIP-X",
        title: "Another landlord's plan",
        kind: "improvement",
        serviceArea: "Repairs",
        year: "2026/27",
      })
      .returning();
    const attempt = addAgendaItem(
      services.db,
      { organisationId, meetingId: meeting.id, item: { kind: "plan_progress", planId: foreign!.id, period: "2026-08" } },
      SYSTEM_ACTOR,
    );
    await expect(attempt).rejects.toBeInstanceOf(CommandError);
    await expect(attempt).rejects.toMatchObject({ field: "planId" });
  });

  it("asks for one plan or one theme", async () => {
    await expect(
      addAgendaItem(services.db, { organisationId, meetingId: meeting.id, item: { kind: "plan_progress" } }, SYSTEM_ACTOR),
    ).rejects.toThrow();
  });

  it("compiles SIP-REP's slipped milestone and the improvements into the web pack and the PDF", async () => {
    await addAgendaItem(
      services.db,
      { organisationId, meetingId: meeting.id, item: { kind: "plan_progress", planId: sipRepId, period: "2026-08" } },
      SYSTEM_ACTOR,
    );
    await addAgendaItem(services.db, { organisationId, meetingId: meeting.id, item: { kind: "improvement_log" } }, SYSTEM_ACTOR);
    const { pack } = await compilePack(services.db, services.documents, { meeting, kind: "agenda", version });
    const appendices = pack.items.flatMap((i) => i.appendices);
    const progress = appendices.find((a) => a.kind === "plan_progress") as Extract<PackAppendix, { kind: "plan_progress" }>;
    expect(progress.title).toMatch(/^Plan progress: SIP-REP .+, Q2 2026\/27 \(July to September 2026\)$/);
    expect(progress.slipped).toContainEqual(
      expect.objectContaining({
        action: expect.stringMatching(new RegExp(`^${DEMO_SLIPPED.action} `)),
        milestone: DEMO_SLIPPED.milestone,
        dueText: "31 August 2026",
      }),
    );
    const log = appendices.find((a) => a.kind === "improvement_log") as Extract<PackAppendix, { kind: "improvement_log" }>;
    const booked = log.rows.find((r) => r.title === "Repairs booked to two-hour appointment slots")!;
    expect(booked).toMatchObject({ madeOnText: "1 June 2026" });

    const text = oneLine(pdfText((await renderPackPdf(pack, { sha256: "0".repeat(64) })).bytes));
    expect(text).toContain(DEMO_SLIPPED.milestone);
    expect(text).toContain("Slipped milestones");
    expect(text).toContain("Repairs booked to two-hour appointment slots");
    expect(text).toContain("Service improvement log");
    if (booked.movementText) expect(text).toContain(booked.movementText.slice(0, 20));

    // The web pack: each table in a region named apart from its section's heading.
    const pageMap = Object.fromEntries(packContents(pack).map((entry, i) => [entry.sectionId, 3 + i]));
    const html = renderPackHtml(pack, { sha256: "0".repeat(64), pageMap, pageCount: 20 });
    expect(html).toContain(`aria-label="${progress.title}: slipped milestones"`);
    expect(html).toContain(`aria-label="Service improvement log: improvements"`);
    expect(html).toContain(DEMO_SLIPPED.milestone);
    const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("takes every plan serving an objective of a theme", async () => {
    const [served] = await services.db
      .select({ themeId: objectives.themeId })
      .from(planActionObjectives)
      .innerJoin(objectives, eq(objectives.id, planActionObjectives.objectiveId))
      .innerJoin(planActions, eq(planActions.id, planActionObjectives.actionId))
      .where(and(eq(planActions.planId, sipRepId), eq(planActions.code, DEMO_SLIPPED.action)))
      .limit(1);
    const themed = await createMeeting(
      services.db,
      {
        organisationId,
        bodyId: meeting.bodyId,
        kind: "",
        title: "",
        date: "2026-12-18",
        time: "18:00",
        place: "Civic Centre",
        onlineLink: "",
      },
      SYSTEM_ACTOR,
    );
    await addAgendaItem(
      services.db,
      { organisationId, meetingId: themed.id, item: { kind: "plan_progress", planThemeId: served!.themeId!, period: "2026-09" } },
      SYSTEM_ACTOR,
    );
    const { pack } = await compilePack(services.db, services.documents, { meeting: themed, kind: "agenda", version });
    const progress = pack.items.flatMap((i) => i.appendices).find((a) => a.kind === "plan_progress");
    expect(progress?.title).toMatch(/^Plan progress: plans of the theme .+, Q2 2026\/27/);
    expect(progress?.kind === "plan_progress" && progress.slipped.map((m) => m.milestone)).toContain(DEMO_SLIPPED.milestone);
  });
});
