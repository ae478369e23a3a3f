// The business plan: strategic objectives under their themes, each with the person
// accountable, its years, its indicators and its plan actions' status at a glance.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { ActionStatusTag } from "~/components/meetings/action-status-tag";
import { TableRegion } from "~/components/ui/table-region";
import { ukToday } from "~/shared/meetings/action-status";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { objectivesOverview } from "../../server/plans/thread-view";
import { authorize } from "../../server/policies/authorize";
import { planPolicy } from "../../server/policies/plan-policy";

export const meta: MetaFunction = () => [{ title: "Business plan objectives – Minuted" }];
export const links: LinksFunction = () => actionStylesLinks();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(planPolicy.view(principal, { organisationId: org.id })));
  return { orgSlug: org.slug, themes: await objectivesOverview(context.services.db, org.id, ukToday()) };
}

export default function ObjectivesPage() {
  const { orgSlug, themes } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Business plan objectives</h1>
      <p className="lede">
        The strategic objectives under each theme, who answers for them, and how the plan actions serving them stand today.
      </p>
      {themes.length === 0 ? (
        <div className="notification">
          No objectives yet. An administrator imports them on the <Link to={`/o/${orgSlug}/imports`}>Imports</Link> page.
        </div>
      ) : null}
      {themes.map((theme) => (
        <section key={theme.name} aria-labelledby={`theme-${theme.name}`}>
          <h2 id={`theme-${theme.name}`}>{theme.name}</h2>
          <TableRegion label={`Objectives: ${theme.name}`}>
            <table className="table">
              <caption className="visually-hidden">Objectives under {theme.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Objective</th>
                  <th scope="col">Accountable</th>
                  <th scope="col">Period</th>
                  <th scope="col">Indicators</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {theme.objectives.map((o) => (
                  <tr key={o.id} data-objective={o.code}>
                    <th scope="row">
                      <Link to={`/o/${orgSlug}/objectives/${o.id}`}>
                        {o.code}: {o.title}
                      </Link>
                    </th>
                    <td>
                      <bdi>{o.accountableName ?? "Nobody named"}</bdi>
                    </td>
                    <td>{o.period}</td>
                    <td>{o.indicatorCodes.join(", ") || <span className="hint">None</span>}</td>
                    <td>
                      <ActionStatusTag status={o.status} />
                      <div className="hint">{o.summary}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
    </>
  );
}
