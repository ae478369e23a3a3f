// One objective's thread: the plans and actions serving it and the indicators measuring
// it, with their status at a glance.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { PlanActionsTable } from "~/components/plans/thread-parts";
import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { ukToday } from "~/shared/meetings/action-status";
import { monthLabel } from "~/shared/performance/periods";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { idParam } from "~/utils/plans.server";
import { objectiveThread } from "../../server/plans/thread-view";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.objective.code}: ${data.objective.title} – Minuted` : "Objective – Minuted" },
];
export const links: LinksFunction = () => actionStylesLinks();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const thread = await objectiveThread(context.services.db, org.id, idParam(params.objectiveId), ukToday());
  if (!thread) throw notFound();
  authorizeOr403(() => authorize(planPolicy.view(principal, { organisationId: org.id })));
  return { orgSlug: org.slug, ...thread };
}

export default function ObjectivePage() {
  const { orgSlug, objective, plans, actions, indicators } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/o/${orgSlug}/objectives`} className="back-link">
          Back to the business plan
        </Link>
      </p>
      <h1>
        <span className="indicator-title__code">
          {objective.code} · {objective.themeName ?? "No theme"}
        </span>
        {objective.title}
      </h1>
      {objective.description ? <p className="lede">{objective.description}</p> : null}
      <dl className="indicator-facts">
        <div className="indicator-facts__row">
          <dt>Accountable</dt>
          <dd>
            <bdi>{objective.accountableName ?? "Nobody named"}</bdi>
          </dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Period</dt>
          <dd>{objective.period}</dd>
        </div>
        <div className="indicator-facts__row">
          <dt>Actions at a glance</dt>
          <dd>
            <ActionStatusTag status={objective.status} /> <span className="hint">{objective.summary}</span>
          </dd>
        </div>
      </dl>

      <h2>Indicators that measure it</h2>
      {indicators.length === 0 ? (
        <p>No indicators are linked to this objective.</p>
      ) : (
        <TableRegion label="Indicators that measure it">
          <table className="table">
            <caption className="visually-hidden">Indicators that measure {objective.code}</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Latest</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.id} data-indicator={i.code}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/indicators/${encodeURIComponent(i.code)}`}>
                      {i.code}: {i.title}
                    </Link>
                  </th>
                  <td>{i.valueText ? `${i.valueText} (${monthLabel(i.period!)})` : <span className="hint">No data</span>}</td>
                  <td>{i.status ? <StatusBadge status={i.status} /> : <span className="hint">Not judged</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h2>Plans serving it</h2>
      {plans.length === 0 ? (
        <p>No plan action serves this objective yet.</p>
      ) : (
        <ul className="thread-list">
          {plans.map((p) => (
            <li key={p.id}>
              <Link to={`/o/${orgSlug}/plans/${p.id}`}>
                {p.code}: {p.title}
              </Link>{" "}
              <ActionStatusTag status={p.status} /> <span className="hint">{p.summary}</span>
            </li>
          ))}
        </ul>
      )}
      {actions.length ? <PlanActionsTable orgSlug={orgSlug} rows={actions} caption="Plan actions serving it" /> : null}
    </>
  );
}
