import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "~/utils/auth.server";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { ScorecardRequestError, scorecardFromSearchParams } from "../../server/performance/scorecard-request";
import { toApiRow } from "../../server/performance/scorecard-view";

/** GET /api/v1/o/:orgSlug/scorecard?period=YYYY-MM&area=All: one row per indicator. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!performanceDataPolicy.readFigures(principal, org)) return Response.json({ error: "Forbidden" }, { status: 403 });
  try {
    const result = await scorecardFromSearchParams(context.services.db, org.id, new URL(request.url).searchParams);
    return Response.json({
      organisation: org.slug,
      period: result.period,
      area: result.area?.name ?? "All",
      rows: result.lines.map(toApiRow),
    });
  } catch (error) {
    if (error instanceof ScorecardRequestError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
