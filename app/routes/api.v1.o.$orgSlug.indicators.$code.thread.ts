import type { LoaderFunctionArgs } from "@remix-run/node";
import { ukToday } from "~/shared/meetings/action-status";
import { requireApiPrincipal } from "~/utils/auth.server";
import { findIndicatorRuleByCode } from "../../db/queries/plans";
import { indicatorThread } from "../../server/plans/thread-view";
import { planPolicy } from "../../server/policies/plan-policy";

export const action = () => Response.json({ error: "Read the thread with GET" }, { status: 405 });

/**
 * GET /api/v1/o/:orgSlug/indicators/:code/thread: the golden thread from an indicator
 * (ADR 021): the objectives it measures, the plans and plan actions serving it and their
 * status today (overdue and at risk judged by the same rules as the pages).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!planPolicy.view(principal, { organisationId: org.id })) return Response.json({ error: "Forbidden" }, { status: 403 });
  const indicator = params.code ? await findIndicatorRuleByCode(context.services.db, org.id, params.code) : null;
  if (!indicator) return Response.json({ error: `No indicator “${params.code ?? ""}” in this organisation` }, { status: 404 });
  const thread = await indicatorThread(context.services.db, org.id, indicator.id, ukToday());
  return Response.json({
    indicator: { code: indicator.code, title: indicator.title, theme: indicator.themeName },
    objectives: thread.objectives.map((o) => ({ id: o.id, code: o.code, title: o.title, theme: o.themeName })),
    plans: thread.plans,
    actions: thread.actions,
  });
}
