import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { hasFigureFor, lastPublishedPeriod } from "../../db/queries/reporting-months";
import { organisations } from "../../db/schema/identity";
import { reportingMonths } from "../../db/schema/reporting-months";
import { publishDecision, type MonthGaps } from "../../app/shared/performance/reporting-month-gaps";
import { recordAudit, type Actor } from "../audit";
import { loadMonthStatus } from "../performance/reporting-month-status";
import { latestPeriod } from "../performance/scorecard";

export type PublishOutcome =
  { ok: true; period: string; publishedAt: Date; missing: MonthGaps } | { ok: false; reason: string; missing: MonthGaps | null };

/**
 * Publishes a reporting month: from then on it is what every default and the public
 * pages show. Refused while something is missing unless the note names the gaps;
 * refused for a month already published, one before the last published, or one with
 * no figure at all. The note and the gaps at that moment go into the audit log.
 */
export async function publishReportingMonth(
  db: Database,
  input: { organisationId: string; period: string; note: string | null },
  actor: Actor,
): Promise<PublishOutcome> {
  const { organisationId, period } = input;
  const note = input.note?.trim() ? input.note.trim() : null;
  return db.transaction(async (tx) => {
    // One publication at a time per organisation: two requests racing for the same month
    // (or two months) are checked one after the other, so the second sees the first's.
    // "No key update" so as not to hold up what refers to the organisation meanwhile (a
    // figure, an audit row take a key-share lock on it, which plain FOR UPDATE would block).
    await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
      .for("no key update");
    const lastPublished = await lastPublishedPeriod(tx, organisationId);
    if (lastPublished && period <= lastPublished) {
      const reason = period === lastPublished ? "already published" : `earlier than the last published month (${lastPublished})`;
      return { ok: false as const, reason: `This month is ${reason}.`, missing: null };
    }
    const latest = await latestPeriod(tx, organisationId);
    // Before the first publication nothing bounds the month from below: a month before any
    // figure (1990-01) would otherwise become what every default and the public pages show.
    if (!latest || period > latest || !(await hasFigureFor(tx, organisationId, period)))
      return { ok: false as const, reason: "This month has no figures yet.", missing: null };
    const { gaps } = await loadMonthStatus(tx, organisationId, period);
    const decision = publishDecision(gaps, note);
    if (!decision.ok) return { ok: false as const, reason: decision.reason, missing: gaps };
    const publishedAt = new Date();
    const values = { state: "published" as const, publishedAt, publishedBy: actor.userId, publishedByLabel: actor.label, note };
    const [existing] = await tx
      .select({ id: reportingMonths.id })
      .from(reportingMonths)
      .where(and(eq(reportingMonths.organisationId, organisationId), eq(reportingMonths.period, period)));
    if (existing) await tx.update(reportingMonths).set(values).where(eq(reportingMonths.id, existing.id));
    else await tx.insert(reportingMonths).values({ organisationId, period, ...values });
    await recordAudit(tx, {
      organisationId,
      actor,
      action: "reporting_month.publish",
      subjectType: "reporting_month",
      subjectId: period,
      after: { period, note, missing: gaps },
    });
    return { ok: true as const, period, publishedAt, missing: gaps };
  });
}
