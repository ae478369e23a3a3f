import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "~/utils/auth.server";
import { COMMENTARY_STATUS_LABELS, loadExceptions, type ExceptionItem } from "../../server/performance/exceptions";
import { scorecardQuerySchema } from "../../server/performance/scorecard-request";
import { defaultReportingPeriod } from "../../server/performance/scorecard";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

const querySchema = scorecardQuerySchema.pick({ period: true });

/**
 * GET /api/v1/o/:orgSlug/exceptions?period=YYYY-MM: the indicators that need a commentary
 * in the period (the exceptions page's own list, so the same rule decides what is an
 * exception), each with its status and the commentary's state. The period defaults to
 * the last published month, as the scorecard API's does.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!performanceDataPolicy.readFigures(principal, org)) return Response.json({ error: "Forbidden" }, { status: 403 });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: query.error.issues.map((i) => i.message).join("; ") }, { status: 400 });
  const { db } = context.services;
  const period = query.data.period ?? (await defaultReportingPeriod(db, org.id));
  const items = period ? await loadExceptions(db, org.id, period) : [];
  return Response.json({ organisation: org.slug, period, exceptions: items.map(toApiException) });
}

/** One exception as the API answers it: documented in the README, stable for integrations. */
function toApiException(item: ExceptionItem) {
  const { line, commentary } = item;
  return {
    code: item.indicator.code,
    title: item.indicator.title,
    period: item.period,
    value: line.value,
    target: line.target,
    targetScope: line.targetScope,
    status: line.status,
    statusText: line.statusText,
    owner: item.indicator.ownerName,
    manager: item.indicator.managerName,
    commentary: {
      state: commentary.status,
      stateText: COMMENTARY_STATUS_LABELS[commentary.status],
      changedSinceReady: commentary.changedSinceReady,
      missing: commentary.gaps.map((g) => g.message),
      readyBy: commentary.ready?.by ?? null,
      readyAt: commentary.ready?.at.toISOString() ?? null,
      lastEditedBy: commentary.lastEdited?.by ?? null,
      lastEditedAt: commentary.lastEdited?.at.toISOString() ?? null,
    },
  };
}
