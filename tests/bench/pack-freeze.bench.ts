/**
 * Issue 6's figure: freezing a minuted pack of 8 items, the 30-indicator scorecard, 10
 * exception reports (each with its commentary and trend chart) and an action log of 40
 * actions, PDF and public copy included, on the demo organisation's data.
 */
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { exceptionDocumentName } from "../../app/shared/collab/document-names";
import { fillCommentary } from "../../app/shared/commentary/commentary-fixture";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findUserByEmail } from "../../db/queries/users";
import { users } from "../../db/schema/identity";
import { actions, agendaItems, bodies, bodyMembers, meetingAttendance, meetings } from "../../db/schema/meetings";
import { seedDemo } from "../../server/commands/demo-seeder";
import { compilePack } from "../../server/packs/compile-pack";
import { capturePapersAtOpening } from "../../server/packs/capture-papers";
import { freezePack, renderBoth } from "../../server/packs/freeze-pack";
import { loadExceptions } from "../../server/performance/exceptions";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
import { createTestServices } from "../support/test-services";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;

const RUNS = 5;
const PERIOD = "2026-10";

export default async function run(record: Record_) {
  const services = await createTestServices();
  const { db } = services;
  await seedDemo(db);
  const org = (await findOrganisationBySlug(db, "northfield"))!;
  const officer = (await findUserByEmail(db, "officer@northfield.example"))!;
  const [body] = await db.select().from(bodies).where(eq(bodies.organisationId, org.id)).limit(1);

  // Every exception of the period gets a written commentary, so each report is full.
  const exceptions = await loadExceptions(db, org.id, PERIOD);
  const storage = createPostgresStorage(db);
  for (const exception of exceptions.slice(0, 10)) {
    const doc = new Y.Doc();
    fillCommentary(doc, {
      sections: {
        reason:
          "Two contractors left the framework in the summer.\n\nThe backlog is worst in the East, where jobs wait 19 days on average.",
        impact: "Tenants wait longer for non-urgent repairs.",
        forecast: "Back on target by March.",
        caveats: "September's figure is unaudited.",
      },
      actions: [{ action: "Recruit two operatives", ownerId: officer.id, due: "2027-01-31", status: "on_track" }],
      recoveryDate: "2027-03-31",
    });
    const name = exceptionDocumentName(exception.indicator.id, exception.period);
    await storage.ensure(name, org.id);
    await storage.store(name, [{ update: Y.encodeStateAsUpdate(doc), userId: officer.id, at: new Date() }]);
  }

  const makeMeeting = async (n: number) => {
    const [meeting] = await db
      .insert(meetings)
      .values({
        organisationId: org.id,
        bodyId: body.id,
        kind: "committee",
        title: `Bench meeting ${n}`,
        startsAt: new Date(Date.UTC(2027, 0, 10 + n, 18)),
        status: "draft",
      })
      .returning();
    const kinds = [
      "apologies",
      "declarations",
      "previous_minutes",
      "action_log",
      "scorecard_review",
      "exceptions",
      "report",
      "any_other_business",
    ] as const;
    // Attendance taken (everyone present), so the record is consistent and freezes.
    const seats = await db
      .select({ userId: bodyMembers.userId, memberKind: bodyMembers.memberKind, name: users.name })
      .from(bodyMembers)
      .innerJoin(users, eq(users.id, bodyMembers.userId))
      .where(eq(bodyMembers.bodyId, body.id));
    if (seats.length)
      await db.insert(meetingAttendance).values(
        seats.map((seat) => ({
          meetingId: meeting.id,
          userId: seat.userId,
          name: seat.name,
          capacity: "member" as const,
          memberKind: seat.memberKind,
          attendance: "present" as const,
        })),
      );
    await db.insert(agendaItems).values(
      kinds.map((kind, index) => ({
        meetingId: meeting.id,
        position: index + 1,
        kind,
        title: `Item ${index + 1}`,
        minuteNumber: `PC 27/${n * 10 + index + 1}`,
        options: kind === "scorecard_review" || kind === "exceptions" ? { period: PERIOD } : {},
      })),
    );
    return meeting;
  };
  // The action log under review: 40 open actions of the body, agreed before the meetings.
  await db.insert(actions).values(
    Array.from({ length: 40 }, (_, i) => ({
      organisationId: org.id,
      bodyId: body.id,
      description: `Action ${i + 1}: report back on the repairs backlog by area`,
      ownerUserId: officer.id,
      dueDate: "2027-02-28",
      minuteNumber: `PC 26/${i + 1}`,
      agreedAt: new Date("2026-12-01T12:00:00Z"),
    })),
  );

  const sample = await makeMeeting(0);
  const compiled = await compilePack(db, services.documents, {
    meeting: sample,
    kind: "agenda",
    version: {
      number: 1,
      previousSha256: null,
      reason: "",
      frozenAt: new Date().toISOString(),
      frozenAtText: "",
      frozenBy: "Bench",
    },
  });
  const appendices = compiled.pack.items.flatMap((i) => i.appendices);
  const note = `${compiled.pack.items.length} items, ${appendices.find((a) => a.kind === "scorecard")?.rows.length ?? 0} scorecard lines, ${appendices.filter((a) => a.kind === "exception").length} exception reports, ${appendices.find((a) => a.kind === "action_log")?.rows.length ?? 0} actions`;

  const renderTimes: number[] = [];
  let pages = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const rendered = await renderBoth(compiled.pack);
    renderTimes.push(performance.now() - started);
    pages = rendered.pdf.pageCount;
  }
  // Each meeting as it happens: the papers are frozen when it opens (no agenda pack was
  // published), then the minuted pack (those papers and the record) when it has closed.
  const clerk = { userId: officer.id, label: officer.email, name: officer.name };
  const captureTimes: number[] = [];
  const freezeTimes: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const draft = await makeMeeting(i);
    const opening = performance.now();
    await capturePapersAtOpening(services, draft, clerk);
    captureTimes.push(performance.now() - opening);
    const [meeting] = await db.update(meetings).set({ status: "closed" }).where(eq(meetings.id, draft.id)).returning();
    const started = performance.now();
    await freezePack(services, { meeting, kind: "minutes", reason: "", actor: clerk });
    freezeTimes.push(performance.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  record("freeze minuted pack (median)", median(freezeTimes), "ms", `${note}; ${pages} PDF pages; target < 3000 ms`);
  record("freeze minuted pack (slowest)", Math.max(...freezeTimes), "ms", `of ${RUNS}`);
  record("freeze the papers when the meeting opens (median)", median(captureTimes), "ms", `of ${RUNS}`);
  record("render web page and PDF, internal and public copies (median)", median(renderTimes), "ms", `of ${RUNS}`);
  await services.cleanup();
}
