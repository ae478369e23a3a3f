import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { PeriodField } from "~/components/period-field";
import { Form, Link, Outlet, useLoaderData, useParams, type ShouldRevalidateFunction } from "@remix-run/react";
import { CommentaryStatusTag } from "~/components/commentary/commentary-status-tag";
import { DirectionBadge } from "~/components/direction-badge";
import { Sparkline } from "~/components/sparkline";
import { StatusBadge } from "~/components/status-badge";
import { TableRegion } from "~/components/ui/table-region";
import { formatUkDateTime } from "~/shared/dates";
import { isPeriod, lastNPeriods, monthLabel } from "~/shared/performance/periods";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { z } from "zod";
import { SelectField } from "~/components/ui/form-fields";
import { listAreas } from "../../db/queries/performance-library";
import { loadExceptions } from "../../server/performance/exceptions";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { EXCEPTION_RULE_LABELS } from "~/shared/performance/exceptions";
import { organisationPolicy } from "../../server/policies/organisation-policy";
import { defaultReportingPeriod } from "../../server/performance/scorecard";
import { reportingMonthView } from "../../server/performance/reporting-month-view";
import { ReportingMonthNote } from "~/components/reporting-month-note";
import { authorize } from "../../server/policies/authorize";
import { commentaryPolicy } from "../../server/policies/commentary-policy";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { SlippedMilestonesList } from "~/components/plans/thread-parts";
import { ukToday } from "~/shared/meetings/action-status";
import { quarterOfDay, quarterSpan } from "~/shared/plans/quarters";
import { slippedMilestonesOfQuarter } from "../../server/plans/thread-view";

export const links = () => actionStylesLinks();

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Exceptions${data?.period ? ` for ${monthLabel(data.period)}` : ""} – Minuted` },
];

const querySchema = z.object({
  period: z
    .string()
    .optional()
    .refine((v) => !v || isPeriod(v), { message: "period must be a month written YYYY-MM, for example 2026-10" }),
  area: z.union([z.literal(""), z.uuid({ message: "area must be one of the organisation's areas" })]).optional(),
});

/**
 * This route is also the parent of one commentary (exceptions/$code): it then loads
 * nothing and renders that child alone.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  if (params.code) return null;
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.readFigures(principal, org)));
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response(query.error.issues.map((i) => i.message).join("; "), { status: 400 });
  const { db } = context.services;
  const period = query.data.period ?? (await defaultReportingPeriod(db, org.id));
  const rule = {
    label: EXCEPTION_RULE_LABELS[await exceptionRuleOf(db, org.id)],
    canChange: organisationPolicy.administer(principal, org),
  };
  if (!period)
    return { orgSlug: org.slug, period: null, periodOptions: [], items: [], readyCount: 0, rule, areas: [], area: null };
  const areas = await listAreas(db, org.id);
  // An area of another organisation is not found, as everything of theirs.
  const area = query.data.area ? areas.find((a) => a.id === query.data.area) : null;
  if (area === undefined) throw new Response("There is no such area in this organisation", { status: 404 });
  const items = await loadExceptions(db, org.id, period, { areaId: area?.id ?? null });
  const month = await reportingMonthView(db, org.id, period, principal);
  // Slipped plan milestones are exceptions of their quarter (ADR 021): the quarter of the period shown.
  const quarter = quarterOfDay(`${period}-01`);
  const slipped = await slippedMilestonesOfQuarter(db, org.id, quarter, ukToday());
  return {
    slipped: { quarterLabel: quarterSpan(quarter).label, rows: slipped },
    orgSlug: org.slug,
    period,
    month,
    areas: areas.map((a) => ({ id: a.id, name: a.name })),
    area: area ? { id: area.id, name: area.name } : null,
    periodOptions: lastNPeriods(month.latestChoice ?? period, 36).reverse(),
    readyCount: items.filter((i) => i.commentary.status === "ready").length,
    rule,
    items: items.map((item) => ({
      code: item.indicator.code,
      title: item.indicator.title,
      owner: item.indicator.ownerName,
      line: item.line,
      period: item.period,
      canWrite: commentaryPolicy.write(principal, {
        organisationId: org.id,
        ownerUserId: item.indicator.ownerUserId,
        managerUserId: item.indicator.managerUserId,
      }),
      status: item.commentary.status,
      changedSinceReady: item.commentary.changedSinceReady,
      ready: item.commentary.ready ? { by: item.commentary.ready.by, at: formatUkDateTime(item.commentary.ready.at) } : null,
      lastEdited: item.commentary.lastEdited
        ? { by: item.commentary.lastEdited.by, at: formatUkDateTime(item.commentary.lastEdited.at) }
        : null,
      beingEdited: item.commentary.beingEdited,
      excerptHtml: item.excerptHtml,
      excerptTruncated: item.excerptTruncated,
    })),
  };
}

/** A commentary page needs nothing from here; back on the list, it is loaded afresh. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, defaultShouldRevalidate }) => {
  if (nextParams.code) return false;
  if (currentParams.code) return true;
  return defaultShouldRevalidate;
};

type Item = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>>["items"][number];

export default function ExceptionsPage() {
  const data = useLoaderData<typeof loader>();
  const { code } = useParams();
  if (code || data === null) return <Outlet />;
  if (!data.period) {
    return (
      <>
        <h1>Exceptions</h1>
        <div className="notification">No figures have been entered or imported yet, so nothing can be an exception.</div>
      </>
    );
  }
  const total = data.items.length;
  return (
    <>
      <h1>
        Exceptions: {monthLabel(data.period)}
        {data.area ? `, ${data.area.name}` : null}
      </h1>
      <p className="lede">
        {data.area
          ? `Exceptions in ${data.area.name}, on the area's own figures and against its own targets where it has them.`
          : "Exceptions across the organisation."}{" "}
        Committees read commentary only where performance is not as it should be: each of these needs one, ready for committee,
        before the pack is frozen.
      </p>
      <p data-testid="exception-rule">
        What counts as an exception here: <strong>{data.rule.label}</strong>.{" "}
        {data.rule.canChange ? <Link to={`/o/${data.orgSlug}/exception-setting`}>Change what counts as an exception</Link> : null}
      </p>
      <ReportingMonthNote period={data.period} {...data.month} hrefFor={(p) => `?period=${p}`} />

      <Form method="get" className="filters" aria-label="Choose the reporting period">
        <div className="inline-form">
          <PeriodField period={data.period} options={data.periodOptions} />
          {data.areas.length ? (
            <SelectField
              name="area"
              label="Area"
              options={[{ value: "", label: "Whole organisation" }, ...data.areas.map((a) => ({ value: a.id, label: a.name }))]}
              defaultValue={data.area?.id ?? ""}
            />
          ) : null}
          <div className="form-group">
            <button className="button" type="submit">
              Show
            </button>
          </div>
        </div>
      </Form>

      {total === 0 ? (
        <div className="notification notification--success">
          No indicator is an exception in {monthLabel(data.period)}: no commentaries are needed.
        </div>
      ) : (
        <>
          <p
            className={`exceptions-count${data.readyCount === total ? " exceptions-count--done" : ""}`}
            data-testid="exceptions-count"
          >
            {data.readyCount === total
              ? `All ${total} commentaries are ready for committee.`
              : `${data.readyCount} of ${total} commentaries ready: the pack cannot be frozen until all are ready.`}
          </p>
          <TableRegion label="Exceptions">
            <table className="table exceptions">
              <caption>
                Exceptions in {monthLabel(data.period)}: the state of each commentary, then value, target, status, direction
                against the same period last year and trend
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicator</th>
                  <th scope="col">Commentary</th>
                  <th scope="col" className="numeric">
                    Value
                  </th>
                  <th scope="col" className="numeric">
                    Target
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Against last year</th>
                  <th scope="col">Last 13 periods</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <ExceptionRow key={item.code} item={item} orgSlug={data.orgSlug} chosenPeriod={data.period!} />
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}

      <section aria-labelledby="slipped-heading">
        <h2 id="slipped-heading">Slipped plan milestones: {data.slipped.quarterLabel}</h2>
        {data.slipped.rows.length ? (
          <SlippedMilestonesList orgSlug={data.orgSlug} rows={data.slipped.rows} />
        ) : (
          <p>No plan milestone slipped in this quarter.</p>
        )}
      </section>
    </>
  );
}

function ExceptionRow({ item, orgSlug, chosenPeriod }: { item: Item; orgSlug: string; chosenPeriod: string }) {
  const href = `/o/${orgSlug}/exceptions/${encodeURIComponent(item.code)}?period=${chosenPeriod}`;
  const verb = item.canWrite ? (item.status === "missing" ? "Write" : "Edit") : "Read";
  return (
    <tr data-code={item.code} data-commentary-status={item.status}>
      <th scope="row">
        <span className="indicator-code">{item.code}</span> {item.title}
        {item.period !== chosenPeriod ? <div className="hint">Figure for {monthLabel(item.period)}</div> : null}
        <div className="hint">Owner: {item.owner ?? "No owner named"}</div>
      </th>
      <td className="exceptions__commentary">
        <CommentaryStatusTag status={item.status} />
        <CommentaryActivity item={item} />
        {item.excerptHtml ? (
          <div className="exceptions__excerpt">
            <div className="commentary-prose" dangerouslySetInnerHTML={{ __html: item.excerptHtml }} />
            {item.excerptTruncated ? <span className="hint">…</span> : null}
          </div>
        ) : null}
        <Link to={href} className="exceptions__link">
          {verb} the commentary<span className="visually-hidden"> for {item.code}</span>
        </Link>
      </td>
      <td className="numeric">{item.line.valueText}</td>
      <td className="numeric">{item.line.targetText}</td>
      <td>
        <StatusBadge status={item.line.status} />
      </td>
      <td>
        <DirectionBadge direction={item.line.directionVsLastYear} polarity={item.line.polarity} />
      </td>
      <td>
        <Sparkline values={item.line.sparkline} />
      </td>
    </tr>
  );
}

function CommentaryActivity({ item }: { item: Item }) {
  const lines: string[] = [];
  if (item.ready && !item.changedSinceReady)
    lines.push(`Marked ready by ${item.ready.by ?? "a former member"}, ${item.ready.at}`);
  if (item.changedSinceReady) lines.push("Changed since it was marked ready");
  if (item.lastEdited) {
    const who = item.lastEdited.by ?? "a former member";
    lines.push(item.beingEdited ? `Being edited by ${who}` : `Last edited by ${who}, ${item.lastEdited.at}`);
  }
  if (lines.length === 0) return null;
  return (
    <ul className="exceptions__activity">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
