// Everything the indicator page shows, worked out on the server. Values are formatted here
// (with the indicator's unit and decimals) so the browser never has to know the rules, and
// what a person may do (enter, verify) is decided here by the policy, not by the page.
import { z } from "zod";
import type { TrendPoint } from "~/components/charts/trend-chart";
import { formatUkDateTime } from "~/shared/dates";
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
  samePeriodLastYear,
} from "~/shared/performance/periods";
import { NO_BENCHMARK, peerPositionText, peersCaption, peersInOneLine } from "~/shared/performance/peer-groups";
import { trajectoryAgainstActual } from "~/shared/performance/recovery-trajectory";
import { figureValue } from "~/shared/performance/rollup";
import { statusPresentation, targetStatus } from "~/shared/performance/status";
import { NO_AREA_TARGET } from "~/shared/performance/target-choice";
import type { IndicatorRule } from "~/shared/performance/types";
import { notFound } from "~/utils/auth.server";
import type { Database } from "../../../db/client";
import { listClinicPlansForIndicator } from "../../../db/queries/clinic-plans";
import type { TargetSnapshot } from "../../../db/schema/performance";
import { figurePermissions } from "../../../server/policies/figure-policy";
import type { Principal } from "../../../server/policies/principal";
import {
  historyWindow,
  loadIndicatorSeries,
  organisationWideFigures,
  scorecardEntry,
} from "../../../server/performance/scorecard";
import {
  findFigure,
  latestFigurePeriod,
  listRevisions,
  listTargetRevisions,
  listUnverifiedFigures,
  UNVERIFIED_LIMIT,
  type findIndicator,
} from "./indicator-queries.server";
import { AGGREGATION_TEXT, FREQUENCY_TEXT, PERIOD_NOUN, POLARITY_TEXT, periodName, UNIT_TEXT } from "./indicator-wording";

export type IndicatorPageData = Awaited<ReturnType<typeof loadIndicatorPageData>>;

/** The indicator as found for the organisation in the URL, before the policy lets anyone read it. */
type FoundIndicator = NonNullable<Awaited<ReturnType<typeof findIndicator>>>;

const pageQuerySchema = z.object({
  period: z
    .string()
    .optional()
    .refine((v) => !v || isPeriod(v), { message: "period must be a month written YYYY-MM, for example 2026-10" }),
  area: z.string().trim().max(100).optional(),
});

/** This month in London ("2026-11"): entry offers periods up to it. */
function currentPeriod(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" })
    .format(now)
    .slice(0, 7);
}

/** A number as an input's default value: an empty box, not "null", when there is none. */
const inputNumber = (value: number | null) => (value === null ? "" : String(value));

/**
 * The page's data for an indicator the principal may read. The ?period= asked for may
 * not be a reporting period of the indicator (a quarterly one asked for November), so the
 * page shows the latest reporting period up to it; ?area= picks the area the entry form
 * opens on.
 */
export async function loadIndicatorPageData(
  db: Database,
  { org, principal, found, url }: { org: { id: string; slug: string }; principal: Principal; found: FoundIndicator; url: URL },
) {
  const query = pageQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response(query.error.issues.map((i) => i.message).join("; "), { status: 400 });

  const latest = await latestFigurePeriod(db, org.id, found.id);
  const requested = query.data.period ?? latest ?? currentPeriod();
  const { series: seriesList, areas: areaList } = await loadIndicatorSeries(db, org.id, historyWindow(requested), {
    code: found.code,
  });
  const series = seriesList.find((s) => s.indicator.id === found.id);
  if (!series) throw notFound();
  const { indicator, rule } = series;
  const fmt = (v: number | null) => formatValue(rule, v);

  // The reporting period's figures, organisation-wide.
  const orgFigures = organisationWideFigures(series, areaList);
  const { row, peers } = scorecardEntry(series, orgFigures, requested);
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
        return {
          period: p,
          value,
          target: target?.target ?? null,
          tolerance: target?.tolerance ?? null,
          status: targetStatus(rule, value, target),
        };
      });
  });

  // The areas side by side; each row links to the entry form opened on that area.
  const correctHref = (name: string | null) =>
    `${url.pathname}?period=${period}${name ? `&area=${encodeURIComponent(name)}` : ""}#enter-figure`;
  const areaRows = indicator.byArea
    ? areaList.map((area) => {
        const entry = scorecardEntry(series, series.figuresByArea.get(area.id) ?? [], requested, area.id);
        return {
          id: area.id,
          name: area.name,
          valueText: fmt(entry.row.value),
          status: entry.row.status,
          statusText: entry.noAreaTarget ? NO_AREA_TARGET : statusPresentation(entry.row.status).label,
          targetText: entry.noAreaTarget
            ? NO_AREA_TARGET
            : entry.row.target === null
              ? "No target"
              : `${fmt(entry.row.target)}${entry.targetScope === "area" ? "" : " (organisation)"}`,
          direction: entry.row.directionVsLastYear,
          ytdText: fmt(entry.row.ytd),
          correctHref: correctHref(area.name),
        };
      })
    : [];

  const selectedArea = query.data.area
    ? (areaList.find((a) => a.name.toLowerCase() === query.data.area!.toLowerCase()) ?? null)
    : null;
  const formAreaId = indicator.byArea ? (selectedArea?.id ?? null) : null;

  const permissions = figurePermissions(principal, found);
  const [revisions, targetHistory, unverified, formFigure] = await Promise.all([
    listRevisions(db, org.id, found.id),
    listTargetRevisions(db, org.id, found.id),
    listUnverifiedFigures(db, org.id, found.id),
    permissions.enter ? findFigure(db, { organisationId: org.id, indicatorId: found.id, period, areaId: formAreaId }) : null,
  ]);

  // Entry offers recent periods up to this month (or a later figure already entered), and
  // always the period on show, however old, so it can be corrected from here.
  const entryEnd = [currentPeriod(), latest ?? period, period].sort().at(-1)!;
  const entryPeriods = new Set(lastNPeriods(entryEnd, Math.max(3, 24 / step), rule.frequency));
  entryPeriods.add(period);
  const quotient = rule.aggregation === "ratio" || rule.aggregation === "mean";
  const hasPair = formFigure?.numerator != null && formFigure?.denominator != null;

  const actualOf = new Map(orgFigures.map((f) => [f.period, f.value]));
  const clinicPlans = (await listClinicPlansForIndicator(db, org.id, found.id)).map((plan) => ({
    id: plan.id,
    agreedText: `${plan.minuteNumber ? `${plan.minuteNumber}, ` : ""}${plan.meetingTitle}, ${formatUkDateTime(plan.agreedAt)}`,
    milestones: plan.milestones,
    months: trajectoryAgainstActual(plan.trajectory, (p) => actualOf.get(p) ?? null, rule.polarity).map((m) => ({
      periodText: periodName(m.period, "monthly"),
      plannedText: fmt(m.planned),
      actualText: m.actual === null ? "No figure yet" : fmt(m.actual),
      onPlan: m.onPlan,
    })),
  }));

  return {
    orgSlug: org.slug,
    clinicPlans,
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
    rule: { unit: rule.unit, decimals: rule.decimals, polarity: rule.polarity } satisfies Pick<
      IndicatorRule,
      "unit" | "decimals" | "polarity"
    >,
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
      quartileText: peersInOneLine(rule, peers),
    },
    chart: { financialYears, points },
    areaRows,
    wholeOrganisation: {
      valueText: fmt(row.value),
      status: row.status,
      direction: row.directionVsLastYear,
      ytdText: fmt(row.ytd),
      correctHref: correctHref(null),
    },
    // Every peer group side by side, each with its latest data from before the figure's year.
    peers: {
      caption: peers.length ? peersCaption(peers) : null,
      noneText: series.benchmarks.length
        ? `${NO_BENCHMARK}: no peer group has data from before ${financialYearOf(period)}.`
        : "No peer-group benchmark has been recorded for this indicator.",
      groups: peers.map((p) => ({
        peerGroup: p.peerGroup,
        year: p.year,
        upperText: fmt(p.upper),
        medianText: fmt(p.median),
        lowerText: fmt(p.lower),
        quartileText: peerPositionText(rule, p),
      })),
    },
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
        // A note is shown only where it was added or changed, not repeated on every revision.
        note: r.after.note && r.after.note !== r.before?.note ? r.after.note : null,
        reason: r.reason,
      };
    }),
    targetHistory: targetHistory.map((r) => {
      const describe = (t: TargetSnapshot) =>
        `${fmt(t.target)}${t.tolerance ? ` (tolerance ${fmt(t.tolerance)})` : ""}${
          t.profile && Object.keys(t.profile).length ? `, profiled over ${Object.keys(t.profile).length} months` : ""
        }`;
      return {
        id: r.id,
        when: formatUkDateTime(r.changedAt),
        who: r.changedByName ?? (r.changedByLabel === "system" ? "System (import)" : r.changedByLabel),
        target: `${r.year}, ${r.areaName ?? "Whole organisation"}`,
        beforeText: r.before ? describe(r.before) : null,
        afterText: describe(r.after),
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
          // The boxes are uncontrolled: a new key (another period or area, or a saved change)
          // remounts the form, so they show the figure as it now is.
          key: `${period}|${formAreaId ?? ""}|${revisions[0]?.id ?? 0}`,
          periods: [...entryPeriods]
            .sort()
            .reverse()
            .map((p) => ({ value: p, label: periodName(p, rule.frequency) })),
          period,
          areas: indicator.byArea
            ? [{ value: "", label: "Whole organisation" }, ...areaList.map((a) => ({ value: a.id, label: a.name }))]
            : [],
          areaId: formAreaId ?? "",
          areaName: selectedArea && indicator.byArea ? selectedArea.name : null,
          quotient,
          current: formFigure
            ? {
                valueText: fmt(formFigure.value),
                status: formFigure.status,
                unaudited: formFigure.unaudited,
                enteredBy: formFigure.enteredBy ?? "an import",
                enteredAt: formatUkDateTime(formFigure.enteredAt),
              }
            : null,
          defaults: {
            // For a percentage or an average the numerator and denominator are the figure;
            // the value is left blank so it is worked out again from them.
            value: formFigure && !(quotient && hasPair) ? inputNumber(formFigure.value) : "",
            numerator: formFigure ? inputNumber(formFigure.numerator) : "",
            denominator: formFigure ? inputNumber(formFigure.denominator) : "",
            note: formFigure?.note ?? "",
            unaudited: formFigure?.unaudited ?? false,
          },
        }
      : null,
  };
}
