import { TableRegion } from "~/components/ui/table-region";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { and, desc, eq, isNull, max, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { useEffect, useRef, type ReactNode } from "react";
import { z } from "zod";
import { TrendChart, type TrendPoint } from "~/components/charts/trend-chart";
import { DirectionBadge } from "~/components/direction-badge";
import { StatusBadge } from "~/components/status-badge";
import { ErrorSummary, SelectField, TextField } from "~/components/ui/form-fields";
import { useLiveFigures } from "~/components/use-live-figures";
import { formatUkDateTime } from "~/shared/dates";
import { FORECAST_METHOD_DESCRIPTION } from "~/shared/performance/forecast";
import { formatValue } from "~/shared/performance/format";
import {
  financialYearLabel,
  financialYearOf,
  financialYearStartYear,
  isPeriod,
  lastNPeriods,
  monthLabel,
  monthsPerPeriod,
  periodFitsFrequency,
  periodsOfFinancialYear,
  previousPeriod,
  quarterOf,
  samePeriodLastYear,
} from "~/shared/performance/periods";
import { quartileLabel } from "~/shared/performance/quartile";
import { figureValue } from "~/shared/performance/rollup";
import { targetStatus } from "~/shared/performance/status";
import type { Aggregation, Frequency, IndicatorRule, Polarity } from "~/shared/performance/types";
import { authorizeOr403, notFound, requireOrgMember } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import type { Database } from "../../db/client";
import { users } from "../../db/schema/identity";
import { actualRevisions, actuals, areas, indicators } from "../../db/schema/performance";
import { CommandError } from "../../server/commands/errors";
import { NOTE_MAX_LENGTH, REASON_MAX_LENGTH, recordFigure, verifyFigure } from "../../server/commands/figure-recorder";
import { authorize } from "../../server/policies/authorize";
import { figurePermissions, figurePolicy } from "../../server/policies/figure-policy";
import {
  benchmarkFor,
  historyWindow,
  loadIndicatorSeries,
  organisationWideFigures,
  scorecardEntry,
} from "../../server/performance/scorecard";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.indicator.code} ${data.indicator.title} – Minuted` : "Indicator – Minuted" },
];

// ---------------------------------------------------------------------------
// Words for the indicator's settings
// ---------------------------------------------------------------------------

const POLARITY_TEXT: Record<Polarity, string> = {
  higher: "Higher is better",
  lower: "Lower is better",
  none: "Neither: reported for context, with no target",
};

const FREQUENCY_TEXT: Record<Frequency, string> = {
  weekly: "Weekly, collated by month",
  monthly: "Monthly",
  quarterly: "Quarterly, at the end of June, September, December and March",
  annual: "Annual, at the end of March",
};

const PERIOD_NOUN: Record<Frequency, string> = { weekly: "month", monthly: "month", quarterly: "quarter", annual: "year" };

const AGGREGATION_TEXT: Record<Aggregation, string> = {
  ratio: "A percentage: the year to date is worked out from the totals (numerators and denominators), not by averaging percentages",
  mean: "An average: the year to date is worked out from the totals (numerators and denominators)",
  snapshot: "A position at the end of each period: the year to date is the latest figure",
  sum: "A count: the year to date is the total so far",
  survey: "A survey result: the year to date is the latest result",
};

const UNIT_TEXT: Record<string, string> = { "%": "Percentage (%)", "£": "Pounds (£)", days: "Days", count: "Number", score: "Score" };

/** How a reporting period is named for the indicator's frequency: "October 2026", "Q2 2026/27 (July to September 2026)", "2025/26". */
function periodName(period: string, frequency: Frequency): string {
  if (frequency === "annual") return financialYearOf(period);
  if (frequency === "quarterly") return quarterOf(period).label;
  return monthLabel(period);
}

/** This month in London ("2026-11"): entry offers periods up to it. */
function currentPeriod(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(now).slice(0, 7);
}

// ---------------------------------------------------------------------------
// Queries this page needs besides the shared series: the indicator's own fields,
// figures with their status and ids (to verify and to correct), and revisions.
// ---------------------------------------------------------------------------

async function findIndicator(db: Database, organisationId: string, code: string | undefined) {
  if (!code) return null;
  const [row] = await db
    .select({
      id: indicators.id,
      organisationId: indicators.organisationId,
      code: indicators.code,
      unit: indicators.unit,
      decimals: indicators.decimals,
      definition: indicators.definition,
      dataSource: indicators.dataSource,
      ownerUserId: indicators.ownerUserId,
      managerUserId: indicators.managerUserId,
    })
    .from(indicators)
    .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, code)))
    .limit(1);
  return row ?? null;
}

async function latestFigurePeriod(db: Database, organisationId: string, indicatorId: string) {
  const [row] = await db
    .select({ period: max(actuals.period) })
    .from(actuals)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.indicatorId, indicatorId)));
  return row?.period ?? null;
}

const enteredByUsers = alias(users, "entered_by_users");

function figureQuery(db: Database) {
  return db
    .select({
      id: actuals.id,
      period: actuals.period,
      areaId: actuals.areaId,
      areaName: areas.name,
      value: actuals.value,
      numerator: actuals.numerator,
      denominator: actuals.denominator,
      status: actuals.status,
      note: actuals.note,
      enteredAt: actuals.enteredAt,
      enteredBy: enteredByUsers.name,
    })
    .from(actuals)
    .leftJoin(areas, eq(actuals.areaId, areas.id))
    .leftJoin(enteredByUsers, eq(actuals.enteredBy, enteredByUsers.id));
}

async function findFigure(db: Database, q: { organisationId: string; indicatorId: string; period: string; areaId: string | null }) {
  const [row] = await figureQuery(db)
    .where(
      and(
        eq(actuals.organisationId, q.organisationId),
        eq(actuals.indicatorId, q.indicatorId),
        eq(actuals.period, q.period),
        q.areaId === null ? isNull(actuals.areaId) : eq(actuals.areaId, q.areaId),
      ),
    )
    .limit(1);
  return row ?? null;
}

const UNVERIFIED_LIMIT = 50;
const REVISIONS_LIMIT = 20;

async function listUnverifiedFigures(db: Database, organisationId: string, indicatorId: string) {
  return figureQuery(db)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.indicatorId, indicatorId), ne(actuals.status, "verified")))
    .orderBy(desc(actuals.period), areas.name)
    .limit(UNVERIFIED_LIMIT);
}

async function listRevisions(db: Database, organisationId: string, indicatorId: string) {
  return db
    .select({
      id: actualRevisions.id,
      period: actualRevisions.period,
      areaName: areas.name,
      before: actualRevisions.before,
      after: actualRevisions.after,
      reason: actualRevisions.reason,
      changedByName: users.name,
      changedByLabel: actualRevisions.changedByLabel,
      changedAt: actualRevisions.changedAt,
    })
    .from(actualRevisions)
    .leftJoin(areas, eq(actualRevisions.areaId, areas.id))
    .leftJoin(users, eq(actualRevisions.changedBy, users.id))
    .where(and(eq(actualRevisions.organisationId, organisationId), eq(actualRevisions.indicatorId, indicatorId)))
    .orderBy(desc(actualRevisions.changedAt), desc(actualRevisions.id))
    .limit(REVISIONS_LIMIT);
}

// ---------------------------------------------------------------------------
// Loader
// ---------------------------------------------------------------------------

const pageQuerySchema = z.object({
  period: z
    .string()
    .optional()
    .refine((v) => !v || isPeriod(v), { message: "period must be a month written YYYY-MM, for example 2026-10" }),
  area: z.string().trim().max(100).optional(),
});

const inputNumber = (value: number | null) => (value === null ? "" : String(value));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const { db } = context.services;
  const found = await findIndicator(db, org.id, params.code);
  if (!found) throw notFound();
  authorizeOr403(() => authorize(figurePolicy.read(principal, found)));
  const url = new URL(request.url);
  const query = pageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response(query.error.issues.map((i) => i.message).join("; "), { status: 400 });

  const latest = await latestFigurePeriod(db, org.id, found.id);
  const requested = query.data.period ?? latest ?? currentPeriod();
  const { series: seriesList, areas: areaList } = await loadIndicatorSeries(db, org.id, historyWindow(requested), { code: found.code });
  const series = seriesList.find((s) => s.indicator.id === found.id);
  if (!series) throw notFound();
  const { indicator, rule } = series;
  const fmt = (v: number | null) => formatValue(rule, v);

  // The reporting period's figures, organisation-wide.
  const orgFigures = organisationWideFigures(series, areaList);
  const { row } = scorecardEntry(series, orgFigures, requested);
  const period = row.reportingPeriod;
  const step = monthsPerPeriod(rule.frequency);

  // Three financial years of values against target, for the chart and its table.
  const lastYear = financialYearStartYear(period);
  const financialYears = [lastYear - 2, lastYear - 1, lastYear].map(financialYearLabel);
  const byPeriod = new Map(orgFigures.map((f) => [f.period, f]));
  const points: TrendPoint[] = financialYears.flatMap((year) => {
    const target = series.targetsByYear.get(year) ?? null;
    return periodsOfFinancialYear(year)
      .filter((p) => periodFitsFrequency(p, rule.frequency))
      .map((p) => {
        const value = figureValue(rule, byPeriod.get(p));
        return { period: p, value, target: target?.target ?? null, tolerance: target?.tolerance ?? null, status: targetStatus(rule, value, target) };
      });
  });

  // The areas side by side.
  const correctHref = (name: string | null) => `${url.pathname}?period=${period}${name ? `&area=${encodeURIComponent(name)}` : ""}#enter-figure`;
  const areaRows = indicator.byArea
    ? areaList.map((area) => {
        const entry = scorecardEntry(series, series.figuresByArea.get(area.id) ?? [], requested);
        return {
          id: area.id,
          name: area.name,
          valueText: fmt(entry.row.value),
          status: entry.row.status,
          direction: entry.row.directionVsLastYear,
          ytdText: fmt(entry.row.ytd),
          correctHref: correctHref(area.name),
        };
      })
    : [];

  const benchmark = benchmarkFor(series, period);
  const selectedArea = query.data.area ? (areaList.find((a) => a.name.toLowerCase() === query.data.area!.toLowerCase()) ?? null) : null;
  const formAreaId = indicator.byArea ? (selectedArea?.id ?? null) : null;

  const permissions = figurePermissions(principal, found);
  const [revisions, unverified, formFigure] = await Promise.all([
    listRevisions(db, org.id, found.id),
    listUnverifiedFigures(db, org.id, found.id),
    permissions.enter ? findFigure(db, { organisationId: org.id, indicatorId: found.id, period, areaId: formAreaId }) : null,
  ]);

  const entryEnd = [currentPeriod(), latest ?? period, period].sort().at(-1)!;
  const entryPeriods = new Set(lastNPeriods(entryEnd, Math.max(3, 24 / step), rule.frequency));
  entryPeriods.add(period);
  const quotient = rule.aggregation === "ratio" || rule.aggregation === "mean";
  const hasPair = formFigure?.numerator != null && formFigure?.denominator != null;

  return {
    orgSlug: org.slug,
    indicator: {
      code: indicator.code,
      title: indicator.title,
      definition: found.definition.trim() || null,
      dataSource: found.dataSource.trim() || null,
      category: indicator.category,
      theme: indicator.theme,
      unitText: UNIT_TEXT[indicator.unit] ?? indicator.unit,
      polarityText: POLARITY_TEXT[indicator.polarity],
      frequencyText: FREQUENCY_TEXT[indicator.frequency],
      aggregationText: AGGREGATION_TEXT[indicator.aggregation],
      ownerName: indicator.ownerName,
      managerName: indicator.managerName,
      byArea: indicator.byArea,
      tenantTopTen: indicator.tenantTopTen,
    },
    rule: { unit: rule.unit, decimals: rule.decimals, polarity: rule.polarity } satisfies Pick<IndicatorRule, "unit" | "decimals" | "polarity">,
    periodNoun: PERIOD_NOUN[rule.frequency],
    periodName: periodName(period, rule.frequency),
    hasFigures: latest !== null,
    period,
    requestedPeriod: requested,
    periodOptions: [...new Set([...lastNPeriods(latest ?? period, 36 / step, rule.frequency), period])]
      .sort()
      .reverse()
      .map((p) => ({ value: p, label: periodName(p, rule.frequency) })),
    current: {
      valueText: fmt(row.value),
      status: row.status,
      targetText: row.target === null ? "No target" : fmt(row.target),
      toleranceText: row.tolerance ? fmt(row.tolerance) : null,
      directionVsLastYear: row.directionVsLastYear,
      lastYearPeriod: samePeriodLastYear(period),
      previousYearText: fmt(row.previousYearValue),
      directionVsPreviousPeriod: row.directionVsPreviousPeriod,
      previousPeriod: previousPeriod(period, rule.frequency),
      previousPeriodText: fmt(row.previousPeriodValue),
      financialYear: financialYearOf(period),
      ytdText: fmt(row.ytd),
      forecastText: fmt(row.forecast),
      quartileText: quartileLabel(row.quartile),
    },
    chart: { financialYears, points },
    areaRows,
    wholeOrganisation: { valueText: fmt(row.value), status: row.status, direction: row.directionVsLastYear, ytdText: fmt(row.ytd), correctHref: correctHref(null) },
    benchmark: benchmark
      ? {
          peerGroup: benchmark.peerGroup,
          year: benchmark.year,
          upperText: fmt(benchmark.upper),
          medianText: fmt(benchmark.median),
          lowerText: fmt(benchmark.lower),
          quartileText: quartileLabel(row.quartile),
          hasPosition: row.quartile !== null,
        }
      : null,
    revisions: revisions.map((r) => {
      const statusChanged = r.before !== null && r.before.status !== r.after.status;
      return {
        id: r.id,
        when: formatUkDateTime(r.changedAt),
        who: r.changedByName ?? (r.changedByLabel === "system" ? "System (import)" : r.changedByLabel),
        period: monthLabel(r.period),
        area: r.areaName ?? "Whole organisation",
        beforeText: r.before ? fmt(r.before.value) : null,
        afterText: fmt(r.after.value),
        statusText: statusChanged ? `${r.before!.status} → ${r.after.status}` : r.before === null ? r.after.status : null,
        note: r.after.note && r.after.note !== r.before?.note ? r.after.note : null,
        reason: r.reason,
      };
    }),
    unverified: unverified.map((f) => ({
      id: f.id,
      period: monthLabel(f.period),
      area: f.areaName ?? "Whole organisation",
      valueText: fmt(f.value),
      status: f.status,
      enteredBy: f.enteredBy ?? "Imported",
      enteredAt: formatUkDateTime(f.enteredAt),
    })),
    unverifiedLimit: UNVERIFIED_LIMIT,
    permissions: { enter: permissions.enter, verify: permissions.verify },
    form: permissions.enter
      ? {
          key: `${period}|${formAreaId ?? ""}|${revisions[0]?.id ?? 0}`,
          periods: [...entryPeriods].sort().reverse().map((p) => ({ value: p, label: periodName(p, rule.frequency) })),
          period,
          areas: indicator.byArea ? [{ value: "", label: "Whole organisation" }, ...areaList.map((a) => ({ value: a.id, label: a.name }))] : [],
          areaId: formAreaId ?? "",
          areaName: selectedArea && indicator.byArea ? selectedArea.name : null,
          quotient,
          current: formFigure
            ? { valueText: fmt(formFigure.value), status: formFigure.status, enteredBy: formFigure.enteredBy ?? "an import", enteredAt: formatUkDateTime(formFigure.enteredAt) }
            : null,
          defaults: {
            // For a percentage or an average the numerator and denominator are the figure;
            // the value is left blank so it is worked out again from them.
            value: formFigure && !(quotient && hasPair) ? inputNumber(formFigure.value) : "",
            numerator: formFigure ? inputNumber(formFigure.numerator) : "",
            denominator: formFigure ? inputNumber(formFigure.denominator) : "",
            note: formFigure?.note ?? "",
          },
        }
      : null,
  };
}

// ---------------------------------------------------------------------------
// Action: enter or correct a figure; verify a figure
// ---------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A number typed by a person: "1,234.5", "98.5%" and "£1,200" are all read; blank is null. */
const typedNumber = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").replace(/[,£%\s]/g, "");
      if (text === "") return null;
      const number = Number(text);
      if (!Number.isFinite(number)) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as a number, like 24.5` });
        return z.NEVER;
      }
      return number;
    });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `Keep the ${label} to ${max} characters or fewer`)
    .optional()
    .transform((v) => v?.trim() || null);

const figureFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("record"),
    period: z.string().refine((v) => isPeriod(v), { message: "Choose the month the figure is for" }),
    area: z
      .string()
      .optional()
      .refine((v) => !v || UUID.test(v), { message: "Choose an area, or the whole organisation" })
      .transform((v) => v || null),
    value: typedNumber("value"),
    numerator: typedNumber("numerator"),
    denominator: typedNumber("denominator"),
    note: optionalText(NOTE_MAX_LENGTH, "note"),
    reason: optionalText(REASON_MAX_LENGTH, "reason"),
  }),
  z.object({
    intent: z.literal("verify"),
    actualId: z.string().regex(UUID, { message: "Choose a figure to verify" }),
  }),
]);

type ActionResult = { fieldErrors: Record<string, string> } | { message: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(request, context, params.orgSlug);
  const parsed = parseForm(figureFormSchema, await request.formData());
  if (!parsed.ok) return data<ActionResult>({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { db, live } = context.services;
  const indicator = await findIndicator(db, org.id, params.code);
  if (!indicator) throw notFound();
  const actor = { userId: user.id, label: user.email };
  const input = parsed.data;

  if (input.intent === "verify") {
    authorizeOr403(() => authorize(figurePolicy.verify(principal, indicator)));
    const [figure] = await figureQuery(db)
      .where(and(eq(actuals.id, input.actualId), eq(actuals.organisationId, org.id), eq(actuals.indicatorId, indicator.id)))
      .limit(1);
    if (!figure) throw notFound();
    try {
      const { actual } = await verifyFigure(db, { organisationId: org.id, actualId: figure.id }, actor);
      live.figuresChanged(org.id, { indicatorCodes: [indicator.code], periods: [actual.period], reason: "verification" });
      return data<ActionResult>({
        message: `Verified the figure for ${monthLabel(actual.period)}, ${figure.areaName ?? "whole organisation"}: ${formatValue(indicator, actual.value)}.`,
      });
    } catch (error) {
      if (error instanceof CommandError) return data<ActionResult>({ fieldErrors: { form: error.message } }, { status: 400 });
      throw error;
    }
  }

  // A verified figure may be corrected only with a reason (a 400 that says so, like any
  // other missing field), and then only by those the policy allows to correct.
  const current = await findFigure(db, { organisationId: org.id, indicatorId: indicator.id, period: input.period, areaId: input.area });
  const correcting = current?.status === "verified";
  if (correcting && !input.reason) {
    const described = `${monthLabel(input.period)}, ${current.areaName ?? "whole organisation"}`;
    return data<ActionResult>(
      { fieldErrors: { reason: `The figure for ${described} has been verified: give a reason for changing it` } },
      { status: 400 },
    );
  }
  authorizeOr403(() =>
    authorize(correcting ? figurePolicy.correct(principal, indicator, { reason: input.reason }) : figurePolicy.enter(principal, indicator)),
  );
  try {
    const result = await recordFigure(
      db,
      {
        organisationId: org.id,
        indicatorId: indicator.id,
        period: input.period,
        areaId: input.area,
        value: input.value,
        numerator: input.numerator,
        denominator: input.denominator,
        note: input.note,
        reason: input.reason,
      },
      actor,
    );
    const written = current ?? (await findFigure(db, { organisationId: org.id, indicatorId: indicator.id, period: input.period, areaId: input.area }));
    const where = `${monthLabel(result.actual.period)}, ${written?.areaName ?? "whole organisation"}`;
    const valueText = formatValue(indicator, result.actual.value);
    if (!result.changed) return data<ActionResult>({ message: `Nothing changed: the figure for ${where} is already ${valueText}.` });
    live.figuresChanged(org.id, { indicatorCodes: [indicator.code], periods: [result.actual.period], reason: "entry" });
    return data<ActionResult>({
      message: `${result.created ? "Entered" : "Changed"} the figure for ${where}: ${valueText}. It is now waiting to be verified.`,
    });
  } catch (error) {
    if (error instanceof CommandError) return data<ActionResult>({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    throw error;
  }
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function TextArea({ name, label, hint, error, defaultValue, rows = 3 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${error ? " form-group--error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <div id={`${name}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <textarea
        id={name}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        className={error ? "input--error" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}


function AboutIndicator({ indicator }: { indicator: PageData["indicator"] }) {
  const rows: [string, string][] = [
    ["Code", indicator.code],
    ["Definition", indicator.definition ?? "No definition recorded"],
    ["Category", indicator.category],
    ["Theme", indicator.theme],
    ["Unit", indicator.unitText],
    ["Which way is good", indicator.polarityText],
    ["Frequency", indicator.frequencyText],
    ["How the year adds up", indicator.aggregationText],
    ["Owner (accountable officer)", indicator.ownerName ?? "No owner named"],
    ["Manager (responsible officer)", indicator.managerName ?? "No manager named"],
    ["Data source", indicator.dataSource ?? "No data source recorded"],
    ["Broken down by area", indicator.byArea ? "Yes" : "No"],
    ["Tenants’ top ten", indicator.tenantTopTen ? "Yes: tenants chose to receive this indicator" : "No"],
  ];
  return (
    <dl className="indicator-facts">
      {rows.map(([key, value]) => (
        <div className="indicator-facts__row" key={key}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CurrentFigures({ page }: { page: PageData }) {
  const { current, rule, periodNoun } = page;
  const samePeriodWords = periodNoun === "month" ? "same month" : `same ${periodNoun}`;
  return (
    <>
      <dl className="key-figures">
        <div className="key-figures__item key-figures__item--main">
          <dt>Value</dt>
          <dd>
            <span className="key-figures__value" data-testid="current-value">{current.valueText}</span>
            <StatusBadge status={current.status} />
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Target</dt>
          <dd>
            <span className="key-figures__value">{current.targetText}</span>
            {current.toleranceText ? <span className="hint">Tolerance {current.toleranceText}</span> : null}
          </dd>
        </div>
        {periodNoun === "year" ? null : (
          <div className="key-figures__item">
            <dt>Against the {samePeriodWords} last year</dt>
            <dd>
              <DirectionBadge direction={current.directionVsLastYear} polarity={rule.polarity} />
              <span className="hint">
                {monthLabel(current.lastYearPeriod)}: {current.previousYearText}
              </span>
            </dd>
          </div>
        )}
        <div className="key-figures__item">
          <dt>Against the previous {periodNoun}</dt>
          <dd>
            <DirectionBadge direction={current.directionVsPreviousPeriod} polarity={rule.polarity} />
            <span className="hint">
              {monthLabel(current.previousPeriod)}: {current.previousPeriodText}
            </span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Year to date ({current.financialYear})</dt>
          <dd>
            <span className="key-figures__value">{current.ytdText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Forecast for {current.financialYear}</dt>
          <dd>
            <span className="key-figures__value">{current.forecastText}</span>
          </dd>
        </div>
        <div className="key-figures__item">
          <dt>Quartile</dt>
          <dd>
            <span className="key-figures__value key-figures__value--text">{current.quartileText}</span>
          </dd>
        </div>
      </dl>
      <p className="hint forecast-method">
        <strong>How the forecast is made.</strong> {FORECAST_METHOD_DESCRIPTION}
      </p>
    </>
  );
}

function AreasTable({ page }: { page: PageData }) {
  const { areaRows, wholeOrganisation, rule, period, form } = page;
  return (
    <TableRegion label="Areas">
      <table className="table" data-testid="areas-table">
        <caption className="caption--quiet">
          {page.indicator.title} by area, {monthLabel(period)}: value, status against target, direction against the same period last year and the year to date
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="numeric">Value</th>
            <th scope="col">Status</th>
            <th scope="col">Against last year</th>
            <th scope="col" className="numeric">Year to date</th>
            {form ? (
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {areaRows.map((area) => (
            <tr key={area.id}>
              <th scope="row">{area.name}</th>
              <td className="numeric">{area.valueText}</td>
              <td>
                <StatusBadge status={area.status} />
              </td>
              <td>
                <DirectionBadge direction={area.direction} polarity={rule.polarity} />
              </td>
              <td className="numeric">{area.ytdText}</td>
              {form ? (
                <td>
                  <Link to={area.correctHref}>
                    Enter or correct<span className="visually-hidden"> the figure for {area.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole organisation</th>
            <td className="numeric">{wholeOrganisation.valueText}</td>
            <td>
              <StatusBadge status={wholeOrganisation.status} />
            </td>
            <td>
              <DirectionBadge direction={wholeOrganisation.direction} polarity={rule.polarity} />
            </td>
            <td className="numeric">{wholeOrganisation.ytdText}</td>
            {form ? (
              <td>
                <Link to={wholeOrganisation.correctHref}>
                  Enter or correct<span className="visually-hidden"> the figure for the whole organisation</span>
                </Link>
              </td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}

function FigureForm({ form, errors, busy }: { form: NonNullable<PageData["form"]>; errors?: Record<string, string>; busy: boolean }) {
  const verified = form.current?.status === "verified";
  return (
    <Form method="post" className="figure-form" noValidate key={form.key} aria-labelledby="enter-figure">
      <input type="hidden" name="intent" value="record" />
      {form.current ? (
        <p className="inset">
          The figure for {monthLabel(form.period)}, {form.areaName ?? "whole organisation"} is now <strong>{form.current.valueText}</strong> ({form.current.status}),
          entered by {form.current.enteredBy} on {form.current.enteredAt}.
          {verified ? " It has been verified: changing it sends it back for verification, and needs a reason." : null}
        </p>
      ) : (
        <p className="inset">No figure has been entered for {monthLabel(form.period)}, {form.areaName ?? "whole organisation"} yet.</p>
      )}
      {form.areas.length ? (
        <p className="hint">The whole-organisation figure is entered separately: it is not recalculated from the areas’ figures.</p>
      ) : null}
      <div className="figure-form__where">
        <SelectField name="period" label="Period" options={form.periods} defaultValue={form.period} error={errors?.period} />
        {form.areas.length ? (
          <SelectField
            name="area"
            label="Area"
            options={form.areas}
            defaultValue={form.areaId}
            error={errors?.area}
          />
        ) : (
          <input type="hidden" name="area" value="" />
        )}
      </div>
      {form.quotient ? (
        <p className="hint">Give the numerator and denominator and leave the value blank: the value is worked out from them.</p>
      ) : null}
      <div className="figure-form__numbers">
        <TextField
          name="value"
          label="Value"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={form.defaults.value}
          error={errors?.value}
         
        />
        {form.quotient ? (
          <>
            <TextField name="numerator" label="Numerator" type="text" inputMode="decimal" autoComplete="off" defaultValue={form.defaults.numerator} error={errors?.numerator} />
            <TextField name="denominator" label="Denominator" type="text" inputMode="decimal" autoComplete="off" defaultValue={form.defaults.denominator} error={errors?.denominator} />
          </>
        ) : null}
      </div>
      <TextArea name="note" label="Note (optional)" hint="What the figure includes, where it came from, anything a reader should know." defaultValue={form.defaults.note} error={errors?.note} />
      <TextArea
        name="reason"
        label={verified ? "Reason for the change" : "Reason for the change (needed if the figure has been verified)"}
        hint="Kept in the audit trail with the old and new values."
        error={errors?.reason}
        rows={2}
      />
      <button className="button" type="submit" disabled={busy}>
        Save the figure
      </button>
    </Form>
  );
}

function Revisions({ page }: { page: PageData }) {
  if (!page.revisions.length) return <p>No figure has been entered or changed yet.</p>;
  return (
    <TableRegion label="Changes to the figures">
      <table className="table revisions" data-testid="revisions-table">
        <caption className="caption--quiet">The latest {page.revisions.length} changes to this indicator’s figures, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Figure</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {page.revisions.map((r) => (
            <tr key={r.id}>
              <td>{r.when}</td>
              <td>{r.who}</td>
              <th scope="row">
                {r.period}, {r.area}
              </th>
              <td>
                {r.beforeText === null ? (
                  <>New: {r.afterText}</>
                ) : r.beforeText === r.afterText ? (
                  r.afterText
                ) : (
                  <>
                    {r.beforeText} <span aria-hidden="true">→</span>
                    <span className="visually-hidden">changed to</span> {r.afterText}
                  </>
                )}
                {r.statusText ? <div className="hint">Status: {r.statusText}</div> : null}
                {r.note ? <div className="hint">Note: {r.note}</div> : null}
              </td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Unverified({ page, busy }: { page: PageData; busy: boolean }) {
  if (!page.unverified.length) return <p>Every figure of this indicator has been verified.</p>;
  return (
    <TableRegion label="Figures waiting to be verified">
      <table className="table" data-testid="unverified-table">
        <caption className="caption--quiet">
          {page.unverified.length === page.unverifiedLimit ? `The latest ${page.unverifiedLimit} figures` : "Figures"} entered or imported but not yet checked by the performance team
        </caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="numeric">Value</th>
            <th scope="col">Status</th>
            <th scope="col">Entered</th>
            {page.permissions.verify ? (
              <th scope="col">
                <span className="visually-hidden">Verify</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {page.unverified.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.period}, {f.area}
              </th>
              <td className="numeric">{f.valueText}</td>
              <td>{f.status === "draft" ? "Draft" : "Submitted"}</td>
              <td>
                {f.enteredBy}, {f.enteredAt}
              </td>
              {page.permissions.verify ? (
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="verify" />
                    <input type="hidden" name="actualId" value={f.id} />
                    <button className="button button--secondary button--small" type="submit" disabled={busy}>
                      Verify<span className="visually-hidden"> the figure for {f.period}, {f.area}</span>
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** What an action did, at the top of the page, focused so it is seen (and heard) after posting from further down. */
function SuccessBanner({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message]);
  return (
    <div className="notification notification--success" role="status" tabIndex={-1} ref={ref}>
      <p>{message}</p>
    </div>
  );
}

export default function IndicatorPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const live = useLiveFigures(page.orgSlug);
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

      <h1 className="indicator-title">
        <span className="indicator-title__code">{indicator.code}</span> {indicator.title}
      </h1>
      <p className="lede">
        {indicator.theme} · {indicator.category} · {indicator.polarityText}
      </p>
      <p className="indicator-people">
        Owner (accountable officer): <strong>{indicator.ownerName ?? "none named"}</strong>. Manager (responsible officer):{" "}
        <strong>{indicator.managerName ?? "none named"}</strong>.
        {page.form ? (
          <>
            {" "}
            <a href="#enter-figure">Enter or correct a figure</a>
          </>
        ) : null}
      </p>
      <p role="status" aria-live="polite" className="hint live-status" data-live-state={live.state}>
        {live.state === "live"
          ? live.lastChange
            ? `Figures updated ${formatUkDateTime(live.lastChange.at)}.`
            : "Live: this page updates when figures change."
          : live.state === "offline"
            ? "Not live: reload the page to see the latest figures."
            : ""}
      </p>

      <h2 id="period-heading">Performance in {page.periodName}</h2>
      {page.hasFigures ? (
        <Form method="get" className="inline-form period-chooser" aria-labelledby="period-heading">
          <SelectField name="period" label={`Show another ${periodNoun}`} options={page.periodOptions} defaultValue={period} />
          <div className="form-group">
            <button className="button button--secondary" type="submit">
              Show
            </button>
          </div>
        </Form>
      ) : (
        <p>No figures have been entered or imported for this indicator yet.</p>
      )}
      {period !== page.requestedPeriod ? (
        <p className="hint">
          {indicator.code} is reported {periodNoun === "year" ? "once a year, at the end of March" : `each ${periodNoun}`}: for {monthLabel(page.requestedPeriod)} the latest figure is {page.periodName}’s.
        </p>
      ) : null}
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

      <h2>Against the peer group</h2>
      {page.benchmark ? (
        <>
          <p>
            {page.benchmark.hasPosition ? (
              <>
                {monthLabel(period)}’s figure of {page.current.valueText} is in the <strong>{page.benchmark.quartileText.toLowerCase()}</strong> of{" "}
              </>
            ) : (
              <>There is no quartile position for {monthLabel(period)}; the boundaries of </>
            )}
            the peer group <strong>{page.benchmark.peerGroup}</strong> ({page.benchmark.year}
            {page.benchmark.hasPosition ? ")." : ") are below."}
          </p>
          <dl className="indicator-facts indicator-facts--compact">
            <div className="indicator-facts__row">
              <dt>Upper quartile (the best 25% are at least this good)</dt>
              <dd>{page.benchmark.upperText}</dd>
            </div>
            <div className="indicator-facts__row">
              <dt>Median</dt>
              <dd>{page.benchmark.medianText}</dd>
            </div>
            <div className="indicator-facts__row">
              <dt>Lower quartile (the worst 25% are no better than this)</dt>
              <dd>{page.benchmark.lowerText}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p>No peer-group benchmark has been recorded for this indicator.</p>
      )}

      <h2>About this indicator</h2>
      <AboutIndicator indicator={indicator} />

      {page.form ? (
        <>
          <h2 id="enter-figure">Enter or correct a figure</h2>
          <FigureForm form={page.form} errors={errors} busy={busy} />
        </>
      ) : null}

      <h2>Figures waiting to be verified</h2>
      <Unverified page={page} busy={busy} />

      <h2>Changes to the figures</h2>
      <Revisions page={page} />
    </>
  );
}
