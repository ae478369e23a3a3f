import type { LoaderFunctionArgs } from "@remix-run/node";
import { ukToday } from "~/shared/meetings/action-status";
import { requireApiPrincipal } from "~/utils/auth.server";
import { objectiveThread } from "../../server/plans/thread-view";
import { planPolicy } from "../../server/policies/plan-policy";

export const action = () => Response.json({ error: "Read the thread with GET" }, { status: 405 });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/v1/o/:orgSlug/objectives/:id/thread: the golden thread from an objective
 * (ADR 021): its plans, their actions and the indicators measuring it, with status.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!planPolicy.view(principal, { organisationId: org.id })) return Response.json({ error: "Forbidden" }, { status: 403 });
  const thread =
    params.objectiveId && UUID.test(params.objectiveId)
      ? await objectiveThread(context.services.db, org.id, params.objectiveId, ukToday())
      : null;
  if (!thread) return Response.json({ error: "No such objective in this organisation" }, { status: 404 });
  return Response.json(thread);
}
