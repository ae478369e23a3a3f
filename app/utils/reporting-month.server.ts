import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { isPeriod } from "~/shared/performance/periods";
import type { ReportingMonthSummary } from "../../server/performance/reporting-month-status";
import { listIndicators } from "../../server/performance/scorecard";

/** The body of a publish request, from the API (JSON) or the page (a form). */
export const publishSchema = z.object({
  note: z
    .string()
    .max(4000, { message: "The note must be at most 4,000 characters" })
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : null)),
});

export const periodParam = (value: string | undefined) => (value && isPeriod(value) ? value : null);

/** A reporting month as the API answers it. */
export const toApiMonth = (month: ReportingMonthSummary) => ({
  period: month.period,
  state: month.state,
  publishedAt: month.publishedAt?.toISOString() ?? null,
  publishedBy: month.publishedBy,
  note: month.note,
  missing: month.missing,
});

/**
 * A published month changes what every scorecard and the public pages show: open pages
 * and reception screens reload, as they do when a figure changes.
 */
export async function announcePublishedMonth(context: AppLoadContext, organisationId: string, period: string) {
  const indicators = await listIndicators(context.services.db, organisationId);
  context.services.live.figuresChanged(organisationId, {
    indicatorCodes: indicators.map((i) => i.code),
    periods: [period],
    reason: "verification",
  });
}
