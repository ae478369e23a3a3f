import type { ActionFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "~/utils/auth.server";
import { readJson } from "~/utils/request-body.server";
import { announcePublishedMonth, periodParam, publishSchema } from "~/utils/reporting-month.server";
import { publishReportingMonth } from "../../server/commands/reporting-month-publisher";
import { reportingMonthPolicy } from "../../server/policies/reporting-month-policy";

export const loader = () => Response.json({ error: "Publish with POST" }, { status: 405 });

/**
 * POST /api/v1/o/:orgSlug/reporting-months/:period/publish with { "note"?: "..." }:
 * publishes the month (admins in person, or an API token; audited). 409 with what is
 * missing when something is and no note names it.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { principal, org, actor } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!reportingMonthPolicy.publish(principal, org))
    return Response.json({ error: "Only administrators and API tokens may publish a month" }, { status: 403 });
  const period = periodParam(params.period);
  if (!period) return Response.json({ error: "The month must be written YYYY-MM, for example 2026-10" }, { status: 404 });
  // No body publishes without a note; a body that is not JSON is refused, never read as none.
  const body = await readJson(request);
  if (body === null) return Response.json({ error: 'Send JSON such as {"note": "…"}, or no body' }, { status: 400 });
  const parsed = publishSchema.safeParse(body ?? {});
  if (!parsed.success) return Response.json({ error: parsed.error.issues.map((i) => i.message).join("; ") }, { status: 400 });
  const outcome = await publishReportingMonth(
    context.services.db,
    { organisationId: org.id, period, note: parsed.data.note },
    actor,
  );
  if (!outcome.ok) return Response.json({ error: outcome.reason, missing: outcome.missing }, { status: 409 });
  await announcePublishedMonth(context, org.id, period);
  return Response.json({
    period: outcome.period,
    state: "published",
    publishedAt: outcome.publishedAt.toISOString(),
    publishedBy: actor.label,
    missing: outcome.missing,
  });
}
