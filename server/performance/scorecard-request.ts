import { z } from "zod";
import type { Database } from "../../db/client";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { listAreas } from "../../db/queries/performance-library";
import { isPeriod } from "../../app/shared/performance/periods";
import { defaultReportingPeriod, loadScorecard } from "./scorecard";
import { SCORECARD_SORTS, scorecardLines, type ScorecardFilters } from "./scorecard-view";

const flag = z
  .enum(["1", "on", "true", ""])
  .optional()
  .transform((v) => v === "1" || v === "on" || v === "true");

export const scorecardQuerySchema = z.object({
  period: z
    .string()
    .optional()
    .refine((v) => !v || isPeriod(v), { message: "period must be a month written YYYY-MM, for example 2026-10" }),
  area: z.string().trim().max(100).optional(),
  theme: z.string().trim().max(200).optional(),
  offTarget: flag,
  topTen: flag,
  sort: z.enum(SCORECARD_SORTS, { message: `sort must be one of ${SCORECARD_SORTS.join(", ")}` }).optional(),
});

export class ScorecardRequestError extends Error {}

/**
 * Reads the scorecard's query string (shared by the page, the CSV export and the JSON
 * API), picks the default period, finds the area by name ("All" or none means the
 * whole organisation) and builds the filtered lines.
 */
export async function scorecardFromSearchParams(db: Database, organisationId: string, searchParams: URLSearchParams) {
  const parsed = scorecardQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) throw new ScorecardRequestError(parsed.error.issues.map((i) => i.message).join("; "));
  const query = parsed.data;
  const areas = await listAreas(db, organisationId);
  const areaName = query.area && query.area !== "All" ? query.area : null;
  const area = areaName ? areas.find((a) => a.name.toLowerCase() === areaName.toLowerCase()) : null;
  if (areaName && !area)
    throw new ScorecardRequestError(`Unknown area “${areaName}”: use All or one of ${areas.map((a) => a.name).join(", ")}`);
  const period = query.period ?? (await defaultReportingPeriod(db, organisationId));
  const filters: ScorecardFilters = {
    theme: query.theme || null,
    // `offTarget=1` keeps its name for links and integrations; it selects the organisation's exceptions.
    exceptionsOnly: query.offTarget,
    exceptionRule: await exceptionRuleOf(db, organisationId),
    tenantTopTenOnly: query.topTen,
    sort: query.sort ?? "theme",
  };
  if (!period) return { period: null, area: area ?? null, areas, filters, lines: [], themes: [] as string[] };
  const scorecard = await loadScorecard(db, { organisationId, period, areaId: area?.id ?? null });
  const themes = [...new Set(scorecard.entries.map((e) => e.indicator.theme))];
  return { period, area: area ?? null, areas, filters, lines: scorecardLines(scorecard, filters), themes };
}
