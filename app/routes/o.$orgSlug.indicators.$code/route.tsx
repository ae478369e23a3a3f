// The indicator page: one indicator's figures for a reporting period, its trend, areas and
// peer group, and (for those the figure policy allows) entering, correcting and verifying
// figures. This file only wires the route together: who may see the indicator, which
// helper answers, and the order of the page's sections. The work is in the files beside it.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TrendChart } from "~/components/charts/trend-chart";
import { ErrorSummary } from "~/components/ui/form-fields";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { authorize } from "../../../server/policies/authorize";
import { figurePolicy } from "../../../server/policies/figure-policy";
import { ClinicPlans } from "./clinic-plans";
import { AboutIndicator } from "./about-indicator";
import { AreasTable } from "./areas-table";
import { CurrentFigures } from "./current-figures";
import { recordFigureFromPage, verifyFigureFromPage } from "./figure-actions.server";
import { FigureForm } from "./figure-form";
import { figureFormSchema, type FigureActionResult } from "./figure-form.server";
import { IndicatorHeading } from "./indicator-heading";
import { loadIndicatorPageData } from "./indicator-page-data.server";
import { findIndicator } from "./indicator-queries.server";
import { LiveStatus } from "./live-status";
import { PeerGroupBenchmark } from "./peer-group-benchmark";
import { PeriodChooser } from "./period-chooser";
import { RevisionsTable } from "./revisions-table";
import { TargetHistoryTable } from "./target-history-table";
import { SuccessBanner } from "./success-banner";
import { UnverifiedTable } from "./unverified-table";
import { readFormData } from "~/utils/request-body.server";
import { ukToday } from "~/shared/meetings/action-status";
import { actionStylesLinks } from "~/components/meetings/action-styles";
import { indicatorThread } from "../../../server/plans/thread-view";
import { GoldenThread } from "./golden-thread";

export const links = () => actionStylesLinks();

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.indicator.code} ${data.indicator.title} – Minuted` : "Indicator – Minuted" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const found = await findIndicator(db, org.id, params.code);
  if (!found) throw notFound();
  authorizeOr403(() => authorize(figurePolicy.read(principal, found)));
  const [page, thread] = await Promise.all([
    loadIndicatorPageData(db, { org, principal, found, url: new URL(request.url) }),
    indicatorThread(db, org.id, found.id, ukToday()),
  ]);
  return { ...page, thread };
}

/** Enter or correct a figure (intent=record), or verify one (intent=verify). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const parsed = parseForm(figureFormSchema, await readFormData(request));
  if (!parsed.ok) return data<FigureActionResult>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { db, live } = context.services;
  const indicator = await findIndicator(db, org.id, params.code);
  if (!indicator) throw notFound();
  const acting = { db, live, organisationId: org.id, principal, indicator, actor: { userId: user.id, label: user.email } };
  const input = parsed.data;
  return input.intent === "verify" ? verifyFigureFromPage(acting, input) : recordFigureFromPage(acting, input);
}

export default function IndicatorPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FigureActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = result && "fieldErrors" in result ? result.fieldErrors : undefined;
  const { indicator, period, periodNoun } = page;

  return (
    <>
      <p>
        <Link to={`/o/${page.orgSlug}/scorecard?period=${page.requestedPeriod}`} className="back-link">
          Back to the scorecard
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {result && "message" in result ? <SuccessBanner message={result.message} /> : null}

      <IndicatorHeading indicator={indicator} canEnterFigures={page.form !== null} />
      <LiveStatus orgSlug={page.orgSlug} />

      <h2 id="period-heading">Performance in {page.periodName}</h2>
      <PeriodChooser page={page} />
      <CurrentFigures page={page} />

      <h2>Trend over three financial years</h2>
      <TrendChart
        title={indicator.title}
        rule={page.rule}
        financialYears={page.chart.financialYears}
        points={page.chart.points}
        current={period}
        periodNoun={periodNoun}
      />

      {indicator.byArea ? (
        <>
          <h2>Areas in {page.periodName}</h2>
          <AreasTable page={page} />
        </>
      ) : null}

      <h2>Against peer groups</h2>
      <PeerGroupBenchmark page={page} />

      <h2>Improvement plans from performance clinics</h2>
      <ClinicPlans plans={page.clinicPlans} />
      <h2>Objectives and plans</h2>
      <GoldenThread orgSlug={page.orgSlug} thread={page.thread} />

      <h2>About this indicator</h2>
      <AboutIndicator indicator={indicator} />

      {page.form ? (
        <>
          <h2 id="enter-figure">Enter or correct a figure</h2>
          <FigureForm form={page.form} errors={errors} busy={busy} />
        </>
      ) : null}

      <h2>Figures waiting to be verified</h2>
      <UnverifiedTable page={page} busy={busy} />

      <h2>Changes to the figures</h2>
      <RevisionsTable page={page} />

      <h2>Target history</h2>
      <TargetHistoryTable page={page} />
    </>
  );
}
