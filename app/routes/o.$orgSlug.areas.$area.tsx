import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PeriodField } from "~/components/period-field";
import { TableRegion } from "~/components/ui/table-region";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/status-badge";
import { useLiveFigures } from "~/components/use-live-figures";
import { isPeriod, lastNPeriods, monthLabel } from "~/shared/performance/periods";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { listAreas } from "../../db/queries/performance-library";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { loadAreaComparison } from "../../server/performance/area-comparison";
import { defaultReportingPeriod } from "../../server/performance/scorecard";
import { reportingMonthView } from "../../server/performance/reporting-month-view";
import { ReportingMonthNote } from "~/components/reporting-month-note";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.area ?? "Area"} area – Minuted` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.readFigures(principal, org)));
  const { db } = context.services;
  const areas = await listAreas(db, org.id);
  const area = areas.find((a) => a.name.toLowerCase() === (params.area ?? "").toLowerCase());
  if (!area) throw notFound();
  const requested = new URL(request.url).searchParams.get("period");
  const period = requested && isPeriod(requested) ? requested : await defaultReportingPeriod(db, org.id);
  if (!period) throw new Response("No figures yet", { status: 404 });
  const comparison = await loadAreaComparison(db, org.id, period);
  const month = await reportingMonthView(db, org.id, period, principal);
  return {
    orgSlug: org.slug,
    area: area.name,
    homes: area.homes,
    period,
    month,
    periodOptions: lastNPeriods(month.latestChoice ?? period, 36).reverse(),
    ...comparison,
  };
}

export default function AreaView() {
  const data = useLoaderData<typeof loader>();
  useLiveFigures(data.orgSlug);
  const others = data.areas.filter((a) => a.name !== data.area);
  return (
    <>
      <h1>
        {data.area} area: {monthLabel(data.period)}
      </h1>
      <p className="lede">
        {data.homes.toLocaleString("en-GB")} homes. Each figure for {data.area} is shown beside the other areas and the whole
        organisation.
      </p>
      <ReportingMonthNote period={data.period} {...data.month} hrefFor={(p) => `?period=${p}`} />
      <Form method="get" className="filters inline-form">
        <PeriodField period={data.period} options={data.periodOptions} />
        <div className="form-group">
          <button className="button" type="submit">
            Show
          </button>
        </div>
      </Form>
      <p>
        Other areas:{" "}
        {others.map((a, i) => (
          <span key={a.name}>
            {i ? ", " : null}
            <Link to={`/o/${data.orgSlug}/areas/${encodeURIComponent(a.name)}?period=${data.period}`}>{a.name}</Link>
          </span>
        ))}
        .{" "}
        <Link to={`/o/${data.orgSlug}/scorecard?area=${encodeURIComponent(data.area)}&period=${data.period}`}>
          Full scorecard for {data.area}
        </Link>
      </p>
      <TableRegion label="Area comparison table">
        <table className="table area-comparison">
          <caption>
            How {data.area} compares, {monthLabel(data.period)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col" className="numeric">
                Target
              </th>
              <th scope="col">{data.area}</th>
              {others.map((a) => (
                <th scope="col" key={a.name}>
                  {a.name}
                </th>
              ))}
              <th scope="col">Whole organisation</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={`/o/${data.orgSlug}/indicators/${encodeURIComponent(row.code)}?period=${data.period}`}>
                    <strong>{row.code}</strong> {row.title}
                  </Link>
                </th>
                <td className="numeric">{row.targetText}</td>
                {[data.area, ...others.map((a) => a.name), "All"].map((name) => {
                  const cell = row.cells[name];
                  return (
                    <td key={name} className={name === data.area ? "area-comparison__own" : undefined}>
                      <div className="numeric-value">{cell.valueText}</div>
                      <StatusBadge status={cell.status} text={cell.statusText} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
