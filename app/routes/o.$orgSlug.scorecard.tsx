import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PeriodField } from "~/components/period-field";
import { TableRegion } from "~/components/ui/table-region";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { DirectionBadge } from "~/components/direction-badge";
import { Sparkline } from "~/components/sparkline";
import { StatusBadge } from "~/components/status-badge";
import { UnauditedTag } from "~/components/unaudited-tag";
import { useLiveFigures } from "~/components/use-live-figures";
import { formatUkDateTime } from "~/shared/dates";
import { lastNPeriods, monthLabel, quarterOf } from "~/shared/performance/periods";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { ScorecardRequestError, scorecardFromSearchParams } from "../../server/performance/scorecard-request";
import { reportingMonthView } from "../../server/performance/reporting-month-view";
import { ReportingMonthNote } from "~/components/reporting-month-note";
import type { ScorecardLine } from "../../server/performance/scorecard-view";
import { peerCellText, peerPositionText, peerColumnHeading, peerColumns, peersCaption } from "~/shared/performance/peer-groups";
import { loadYearEnd } from "../../server/performance/year-end-view";
import { isYearEndPeriod } from "~/shared/performance/year-end";
import { YearEndTable } from "~/components/year-end-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Scorecard${data?.period ? ` for ${monthLabel(data.period)}` : ""}${data?.areaName ? `, ${data.areaName}` : ""} – Minuted`,
  },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.readFigures(principal, org)));
  try {
    const url = new URL(request.url);
    const result = await scorecardFromSearchParams(context.services.db, org.id, url.searchParams);
    const month = await reportingMonthView(context.services.db, org.id, result.period, principal);
    // March closes the year: the year-end view (view=year-end) is offered, organisation-wide.
    const yearEndOffered = result.period !== null && isYearEndPeriod(result.period) && !result.area;
    const yearEnd =
      yearEndOffered && url.searchParams.get("view") === "year-end"
        ? await loadYearEnd(context.services.db, org.id, result.period!)
        : null;
    return {
      yearEndOffered,
      yearEnd,
      orgSlug: org.slug,
      period: result.period,
      month,
      periodOptions: month.latestChoice ? lastNPeriods(month.latestChoice, 36).reverse() : [],
      areaName: result.area?.name ?? null,
      areas: result.areas.map((a) => a.name),
      themes: result.themes,
      filters: result.filters,
      lines: result.lines,
      peerColumns: peerColumns(result.lines.map((l) => l.peers)),
      csvHref: `/o/${org.slug}/scorecard.csv${url.search}`,
    };
  } catch (error) {
    if (error instanceof ScorecardRequestError) throw new Response(error.message, { status: 400 });
    throw error;
  }
}

function groupByTheme(lines: ScorecardLine[]) {
  const groups = new Map<string, ScorecardLine[]>();
  for (const line of lines) {
    const list = groups.get(line.theme) ?? [];
    list.push(line);
    groups.set(line.theme, list);
  }
  return [...groups];
}

export default function Scorecard() {
  const data = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const live = useLiveFigures(data.orgSlug);
  if (!data.period) {
    return (
      <>
        <h1>Scorecard</h1>
        <div className="notification">No figures have been entered or imported yet.</div>
      </>
    );
  }
  const grouped = data.filters.sort === "theme" ? groupByTheme(data.lines) : [["", data.lines] as const];
  const scope = data.areaName ? `${data.areaName} area` : "Whole organisation";
  const sortLink = (sort: string) => {
    const next = new URLSearchParams(searchParams);
    next.set("sort", sort);
    return `?${next}`;
  };
  const viewLink = (view: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (view) next.set("view", view);
    else next.delete("view");
    return `?${next}`;
  };
  const periodLink = (period: string) => {
    const next = new URLSearchParams(searchParams);
    next.set("period", period);
    return `?${next}`;
  };
  return (
    <>
      <h1>Scorecard: {monthLabel(data.period)}</h1>
      <p className="lede">
        {scope}. {quarterOf(data.period).label}.{" "}
        {data.filters.exceptionsOnly ? "Showing only the exceptions (the exception view)." : null}
      </p>
      <ReportingMonthNote period={data.period} {...data.month} hrefFor={periodLink} />
      <p className="hint" data-testid="peers-caption">
        {peersCaption(data.peerColumns)}
      </p>
      {data.yearEndOffered ? (
        <p data-testid="year-end-toggle">
          {data.yearEnd ? (
            <Link to={viewLink(null)}>Show the March scorecard</Link>
          ) : (
            <Link to={viewLink("year-end")}>Show the year-end view: outturn against the annual target</Link>
          )}
        </p>
      ) : null}
      {data.yearEnd ? <YearEndTable lines={data.yearEnd} orgSlug={data.orgSlug} period={data.period} /> : null}

      <Form method="get" className="filters" aria-label="Choose what the scorecard shows">
        <div className="inline-form">
          <PeriodField period={data.period} options={data.periodOptions} />
          <div className="form-group">
            <label htmlFor="area">Area</label>
            <select id="area" name="area" defaultValue={data.areaName ?? "All"}>
              <option value="All">Whole organisation</option>
              {data.areas.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label htmlFor="theme">Theme</label>
            <select id="theme" name="theme" defaultValue={data.filters.theme ?? ""}>
              <option value="">All themes</option>
              {data.themes.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group checkboxes">
            <div>
              <input type="checkbox" id="offTarget" name="offTarget" value="1" defaultChecked={data.filters.exceptionsOnly} />
              <label htmlFor="offTarget">Exceptions only</label>
            </div>
            <div>
              <input type="checkbox" id="topTen" name="topTen" value="1" defaultChecked={data.filters.tenantTopTenOnly} />
              <label htmlFor="topTen">Tenants’ top ten</label>
            </div>
          </div>
          <input type="hidden" name="sort" value={data.filters.sort ?? "theme"} />
          <div className="form-group">
            <button className="button" type="submit">
              Show
            </button>
          </div>
        </div>
      </Form>

      <p className="scorecard-tools">
        <a href={data.csvHref} download>
          Download this scorecard as CSV
        </a>
        <span aria-hidden="true"> · </span>
        <span>
          Compare areas:{" "}
          {data.areas.map((a, i) => (
            <Fragment key={a}>
              {i ? ", " : null}
              <Link to={`/o/${data.orgSlug}/areas/${encodeURIComponent(a)}?period=${data.period}`}>{a}</Link>
            </Fragment>
          ))}
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          Sort by:{" "}
          {(["theme", "code", "status", "direction"] as const).map((s, i) => (
            <Fragment key={s}>
              {i ? ", " : null}
              {data.filters.sort === s ? <strong aria-current="true">{s}</strong> : <Link to={sortLink(s)}>{s}</Link>}
            </Fragment>
          ))}
        </span>
      </p>

      <p role="status" aria-live="polite" className="hint live-status" data-live-state={live.state}>
        {live.state === "live"
          ? live.lastChange
            ? `Figures updated ${formatUkDateTime(live.lastChange.at)} (${live.lastChange.event.indicatorCodes.join(", ")}).`
            : "Live: this scorecard updates when figures change."
          : live.state === "offline"
            ? "Not live: reload the page to see the latest figures."
            : ""}
      </p>

      {data.lines.some((l) => l.statusBasis === "year_to_date") ? (
        <p className="hint" data-testid="status-basis-note">
          A status marked “(year to date)” is judged on the year so far against the year-to-date target; every other status on the
          period’s figure against the period’s target.
        </p>
      ) : null}
      {data.lines.length === 0 ? (
        <div className="notification">No indicators match these filters.</div>
      ) : (
        <TableRegion label="Scorecard table">
          <table className="table scorecard">
            <caption>
              Indicators for {monthLabel(data.period)}, {scope.toLowerCase()}: value, target, status, direction of travel against
              the same period last year, year to date and quartile
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col" className="numeric">
                  Target
                </th>
                <th scope="col">Status</th>
                <th scope="col">Against last year</th>
                <th scope="col" className="numeric">
                  Year to date
                </th>
                <th scope="col" className="numeric">
                  Same period last year
                </th>
                {data.peerColumns.length === 0 ? (
                  <th scope="col">Quartile</th>
                ) : (
                  data.peerColumns.map((column) => (
                    <th scope="col" key={column.peerGroup}>
                      Quartile: {peerColumnHeading(column)}
                    </th>
                  ))
                )}
                <th scope="col">Last 13 periods</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            {grouped.map(([theme, lines]) => (
              <tbody key={theme || "all"}>
                {theme ? (
                  <tr className="theme-row">
                    <th scope="rowgroup" colSpan={9 + Math.max(1, data.peerColumns.length)}>
                      {theme}
                    </th>
                  </tr>
                ) : null}
                {lines.map((line) => (
                  <tr key={line.code} data-code={line.code} data-status={line.status}>
                    <th scope="row">
                      <Link to={`/o/${data.orgSlug}/indicators/${encodeURIComponent(line.code)}?period=${data.period}`}>
                        <span className="indicator-code">{line.code}</span> {line.title}
                      </Link>
                      {line.tenantTopTen ? <span className="tag tag--topten">Tenants’ top ten</span> : null}
                      {line.reportingPeriod !== data.period ? (
                        <div className="hint">Figure for {monthLabel(line.reportingPeriod)}</div>
                      ) : null}
                    </th>
                    <td className="numeric" data-column="value">
                      {line.valueText}
                      {line.unaudited ? <UnauditedTag /> : null}
                    </td>
                    <td className="numeric">{line.targetText}</td>
                    <td>
                      <StatusBadge status={line.status} text={line.statusText} />
                    </td>
                    <td>
                      <DirectionBadge direction={line.directionVsLastYear} polarity={line.polarity} />
                    </td>
                    <td className="numeric">{line.ytdText}</td>
                    <td className="numeric">{line.previousYearText}</td>
                    {data.peerColumns.length === 0 ? (
                      <td>{peerPositionText(line, undefined)}</td>
                    ) : (
                      data.peerColumns.map((column) => (
                        <td key={column.peerGroup} data-peer-group={column.peerGroup}>
                          {peerCellText(line, column, line.peers)}
                        </td>
                      ))
                    )}
                    <td>
                      <Sparkline values={line.sparkline} />
                    </td>
                    <td>{line.owner ?? "No owner"}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableRegion>
      )}
    </>
  );
}
