import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "~/utils/auth.server";
import { toApiMonth } from "~/utils/reporting-month.server";
import { listReportingMonthSummaries } from "../../server/performance/reporting-month-status";
import { reportingMonthPolicy } from "../../server/policies/reporting-month-policy";

export const action = () =>
  Response.json({ error: "Publish a month with POST …/reporting-months/YYYY-MM/publish" }, { status: 405 });

/**
 * GET /api/v1/o/:orgSlug/reporting-months: the open months (after the last published)
 * and the published ones, latest first, each with what is missing now: figures not
 * entered, figures not verified, exceptions without a commentary ready (indicator codes).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!reportingMonthPolicy.read(principal, org)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const months = await listReportingMonthSummaries(context.services.db, org.id);
  return Response.json(months.map(toApiMonth));
}
