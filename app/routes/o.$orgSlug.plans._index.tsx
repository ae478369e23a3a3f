// Service plans and service improvement plans, each with its owner and its actions' status.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { TableRegion } from "~/components/ui/table-region";
import { ukToday } from "~/shared/meetings/action-status";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { plansOverview } from "../../server/plans/thread-view";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction = () => [{ title: "Service plans – Minuted" }];
export const links: LinksFunction = () => actionStylesLinks();

const PLAN_KIND_LABELS = { service: "Service plan", improvement: "Service improvement plan" } as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(planPolicy.view(principal, { organisationId: org.id })));
  return { orgSlug: org.slug, plans: await plansOverview(context.services.db, org.id, ukToday()) };
}

export default function PlansPage() {
  const { orgSlug, plans } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Service plans</h1>
      <p className="lede">
        Service plans and service improvement plans (SIPs) by team, their owners, and how their actions stand today.
      </p>
      {plans.length === 0 ? (
        <div className="notification">No plans yet. An administrator imports them on the Imports page.</div>
      ) : (
        <TableRegion label="Plans">
          <table className="table">
            <caption className="visually-hidden">Plans</caption>
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Team or service</th>
                <th scope="col">Owner</th>
                <th scope="col">Year</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-plan={p.code}>
                  <th scope="row">
                    <Link to={`/o/${orgSlug}/plans/${p.id}`}>
                      {p.code}: {p.title}
                    </Link>
                    <div className="hint">{PLAN_KIND_LABELS[p.kind]}</div>
                  </th>
                  <td>{p.serviceArea}</td>
                  <td>
                    <bdi>{p.ownerName ?? "No owner"}</bdi>
                  </td>
                  <td>{p.year}</td>
                  <td>
                    <ActionStatusTag status={p.status} />
                    <div className="hint">
                      {p.summary}
                      {p.slippedCount ? `; ${p.slippedCount} slipped milestone${p.slippedCount === 1 ? "" : "s"}` : ""}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
