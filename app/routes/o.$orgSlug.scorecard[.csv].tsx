import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgMember } from "~/utils/auth.server";
import { contentDisposition } from "../../server/http/content-disposition";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { ScorecardRequestError, scorecardFromSearchParams } from "../../server/performance/scorecard-request";
import { scorecardCsv } from "../../server/performance/scorecard-csv";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  if (!performanceDataPolicy.readFigures(principal, org)) throw new Response("Forbidden", { status: 403 });
  try {
    const result = await scorecardFromSearchParams(context.services.db, org.id, new URL(request.url).searchParams);
    const name = `scorecard-${org.slug}-${result.period ?? "empty"}${result.area ? `-${result.area.name.toLowerCase()}` : ""}.csv`;
    return new Response(scorecardCsv(result.lines), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition("attachment", name) },
    });
  } catch (error) {
    if (error instanceof ScorecardRequestError) return new Response(error.message, { status: 400 });
    throw error;
  }
}
