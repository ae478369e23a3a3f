import { and, asc, desc, eq, gte, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { users } from "../../db/schema/identity";
import { actuals, areas, benchmarks, indicators, targets, themes } from "../../db/schema/performance";
import { lastPublishedPeriod } from "../../db/queries/reporting-months";
import { addMonths, latestPeriodForFrequency } from "../../app/shared/performance/periods";
import { peerDataFor, placeAmongPeers, type PeerBenchmark, type PeerComparison } from "../../app/shared/performance/peer-groups";
import { monthInProgress, pickDefaultPeriod, type ReportingPeriods } from "../../app/shared/performance/reporting-period";
import { combineAreas } from "../../app/shared/performance/rollup";
import { buildScorecardRow, type ScorecardRow } from "../../app/shared/performance/scorecard-row";
import { chooseTarget, type StoredTarget, type TargetScope } from "../../app/shared/performance/target-choice";
import type { AreaFigure, Figure, IndicatorRule, TargetRule } from "../../app/shared/performance/types";
import type { StatusBasis } from "../../app/shared/vocabulary";

/** The months of history a scorecard needs: three financial years cover YTD, last year and the 13-month sparkline. */
const HISTORY_MONTHS = 36;

export type ScorecardIndicator = {
  id: string;
  code: string;
  title: string;
  unit: string;
  polarity: IndicatorRule["polarity"];
  frequency: IndicatorRule["frequency"];
  aggregation: IndicatorRule["aggregation"];
  decimals: number;
  category: string;
  theme: string;
  themePosition: number;
  tenantTopTen: boolean;
  byArea: boolean;
  ownerName: string | null;
  managerName: string | null;
  ownerUserId: string | null;
  managerUserId: string | null;
  statusBasis: StatusBasis;
};

export type ScorecardEntry = {
  indicator: ScorecardIndicator;
  rule: IndicatorRule;
  row: ScorecardRow;
  /** Each peer group's latest data from before the figure's year, and where the figure stands (peer-groups.ts). */
  peers: PeerComparison[];
  /** Whose target the row is judged against (see chooseTarget); null when none. */
  targetScope: TargetScope | null;
  /** The organisation has a target, but not one this area can be judged against. */
  noAreaTarget: boolean;
};

export type Scorecard = {
  period: string;
  area: { id: string; name: string } | null;
  entries: ScorecardEntry[];
};

export type IndicatorSeries = {
  indicator: ScorecardIndicator;
  rule: IndicatorRule;
  /** Figures by area id ("" is organisation-wide), any order. */
  figuresByArea: Map<string, Figure[]>;
  /** The organisation's targets by financial year. */
  targetsByYear: Map<string, TargetRule>;
  /** Every target, the organisation's and each area's: what chooseTarget picks from. */
  targets: StoredTarget[];
  /** Every peer group's boundaries of every year: peerDataFor picks what a period is compared with. */
  benchmarks: PeerBenchmark[];
};

export const ruleOf = (
  i: Pick<ScorecardIndicator, "polarity" | "aggregation" | "frequency" | "unit" | "decimals">,
): IndicatorRule => ({
  polarity: i.polarity,
  aggregation: i.aggregation,
  frequency: i.frequency,
  unit: i.unit,
  decimals: i.decimals,
});

/**
 * The latest period for which the organisation has any figure. Not a default by itself:
 * defaultReportingPeriod decides what pages show when no period is asked for.
 */
export async function latestPeriod(db: Database, organisationId: string): Promise<string | null> {
  const [row] = await db
    .select({ period: actuals.period })
    .from(actuals)
    .where(eq(actuals.organisationId, organisationId))
    .orderBy(desc(actuals.period))
    .limit(1);
  return row?.period ?? null;
}

/** The last published month and the latest month with figures: what the reporting-month rules read. */
export async function reportingPeriods(db: Database, organisationId: string): Promise<ReportingPeriods> {
  const lastPublished = await lastPublishedPeriod(db, organisationId);
  const latestWithFigures = await latestPeriod(db, organisationId);
  return { lastPublished, latestWithFigures };
}

/**
 * The period every page, the API and a new meeting item show when none is asked for:
 * the last published month (or, before any month is published, the latest with figures).
 */
export async function defaultReportingPeriod(db: Database, organisationId: string): Promise<string | null> {
  return pickDefaultPeriod(await reportingPeriods(db, organisationId));
}

/** The month being worked on when it is not the default (null when there is none). */
export async function reportingMonthInProgress(db: Database, organisationId: string): Promise<string | null> {
  return monthInProgress(await reportingPeriods(db, organisationId));
}

const owners = alias(users, "owners");
const managers = alias(users, "managers");

export async function listIndicators(
  db: Database,
  organisationId: string,
  filter?: { code?: string },
): Promise<ScorecardIndicator[]> {
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      title: indicators.title,
      unit: indicators.unit,
      polarity: indicators.polarity,
      frequency: indicators.frequency,
      aggregation: indicators.aggregation,
      decimals: indicators.decimals,
      category: indicators.category,
      theme: themes.name,
      themePosition: themes.position,
      tenantTopTen: indicators.tenantTopTen,
      byArea: indicators.byArea,
      ownerName: owners.name,
      managerName: managers.name,
      ownerUserId: indicators.ownerUserId,
      managerUserId: indicators.managerUserId,
      statusBasis: indicators.statusBasis,
    })
    .from(indicators)
    .leftJoin(themes, eq(indicators.themeId, themes.id))
    .leftJoin(owners, eq(indicators.ownerUserId, owners.id))
    .leftJoin(managers, eq(indicators.managerUserId, managers.id))
    .where(
      and(
        eq(indicators.organisationId, organisationId),
        // One indicator by its code keeps its page and history after retiring; lists leave retired ones out.
        filter?.code ? eq(indicators.code, filter.code) : isNull(indicators.retiredAt),
      ),
    )
    .orderBy(asc(themes.position), asc(indicators.code));
  return rows.map((r) => ({ ...r, theme: r.theme ?? "Other indicators", themePosition: r.themePosition ?? 999 }));
}

/**
 * Loads everything the derived figures need for a window of periods, once: indicators,
 * targets, benchmarks and figures of every area. The scorecard, the indicator page,
 * the area view and the API all build on this.
 */
export async function loadIndicatorSeries(
  db: Database,
  organisationId: string,
  window: { from: string; to: string },
  filter?: { code?: string; scope?: FigureScope; figures?: FigureSelection },
): Promise<{ series: IndicatorSeries[]; areas: { id: string; name: string; homes: number }[] }> {
  const scope = filter?.scope ?? { kind: "every-area" };
  const [indicatorRows, targetRows, benchmarkRows, figureRows, areaRows] = await Promise.all([
    listIndicators(db, organisationId, filter),
    db.select().from(targets).where(eq(targets.organisationId, organisationId)),
    db
      .select()
      .from(benchmarks)
      .where(eq(benchmarks.organisationId, organisationId))
      .orderBy(asc(benchmarks.peerGroup), asc(benchmarks.year)),
    db
      .select({
        indicatorId: actuals.indicatorId,
        areaId: actuals.areaId,
        period: actuals.period,
        value: actuals.value,
        numerator: actuals.numerator,
        denominator: actuals.denominator,
        unaudited: actuals.unaudited,
      })
      .from(actuals)
      .where(
        and(
          eq(actuals.organisationId, organisationId),
          gte(actuals.period, window.from),
          lte(actuals.period, window.to),
          filter?.code
            ? inArray(
                actuals.indicatorId,
                db
                  .select({ id: indicators.id })
                  .from(indicators)
                  .where(and(eq(indicators.organisationId, organisationId), eq(indicators.code, filter.code))),
              )
            : undefined,
          scopeCondition(scope),
          figureSelectionCondition(filter?.figures ?? "all"),
        ),
      ),
    db
      .select({ id: areas.id, name: areas.name, homes: areas.homes })
      .from(areas)
      .where(eq(areas.organisationId, organisationId))
      .orderBy(asc(areas.name)),
  ]);

  const byIndicator = new Map<string, IndicatorSeries>();
  for (const indicator of indicatorRows) {
    byIndicator.set(indicator.id, {
      indicator,
      rule: ruleOf(indicator),
      figuresByArea: new Map(),
      targetsByYear: new Map(),
      targets: [],
      benchmarks: [],
    });
  }
  for (const t of targetRows) addTarget(byIndicator.get(t.indicatorId), t);
  for (const b of benchmarkRows) {
    byIndicator.get(b.indicatorId)?.benchmarks.push({
      peerGroup: b.peerGroup,
      year: b.year,
      upper: b.upperQuartile,
      median: b.median,
      lower: b.lowerQuartile,
    });
  }
  for (const f of figureRows) {
    const series = byIndicator.get(f.indicatorId);
    if (!series) continue;
    const key = f.areaId ?? "";
    let list = series.figuresByArea.get(key);
    if (!list) series.figuresByArea.set(key, (list = []));
    list.push({ period: f.period, value: f.value, numerator: f.numerator, denominator: f.denominator, unaudited: f.unaudited });
  }
  return { series: [...byIndicator.values()], areas: areaRows };
}

/**
 * Which figures to read: one area's; the organisation-wide ones (and area figures
 * only where a period has no organisation-wide figure to roll up); or every area.
 */
export type FigureScope = { kind: "area"; areaId: string } | { kind: "organisation" } | { kind: "every-area" };

function scopeCondition(scope: FigureScope) {
  if (scope.kind === "area") return eq(actuals.areaId, scope.areaId);
  if (scope.kind === "organisation") {
    return or(
      isNull(actuals.areaId),
      notExists(
        // Answered from the unique index on (indicator, period, area).
        sql`(select 1 from actuals as whole where whole.indicator_id = ${actuals.indicatorId} and whole.period = ${actuals.period} and whole.area_id is null)`,
      ),
    );
  }
  return undefined;
}

/**
 * Which figures count: all of them (the signed-in pages), or only verified ones (the
 * public pages: an unchecked figure is never published).
 */
export type FigureSelection = "all" | "verified";

function figureSelectionCondition(figures: FigureSelection) {
  return figures === "verified" ? eq(actuals.status, "verified") : undefined;
}

/**
 * The organisation-wide series: the stored "All" figures, and where a period has
 * only area figures, their roll-up by the indicator's aggregation rule.
 */
export function organisationWideFigures(series: IndicatorSeries, areaList: { id: string; homes: number }[]): Figure[] {
  const stored = series.figuresByArea.get("") ?? [];
  if (!series.indicator.byArea) return stored;
  const have = new Set(stored.map((f) => f.period));
  const missing = new Map<string, AreaFigure[]>();
  for (const area of areaList) {
    for (const f of series.figuresByArea.get(area.id) ?? []) {
      if (have.has(f.period)) continue;
      let list = missing.get(f.period);
      if (!list) missing.set(f.period, (list = []));
      list.push({ ...f, area: area.id, homes: area.homes });
    }
  }
  const rolled: Figure[] = [];
  for (const [period, figures] of missing) {
    // A roll-up is as unaudited as the least audited figure in it.
    const unaudited = figures.some((f) => f.unaudited === true);
    rolled.push({ period, value: combineAreas(series.rule, figures), numerator: null, denominator: null, unaudited });
  }
  return rolled.length ? [...stored, ...rolled] : stored;
}

/**
 * The peers a figure shown for `period` is compared with: each group's latest data from
 * before the year of the figure's own period (a quarterly figure shown in April is March's).
 */
export function peerDataOf(series: IndicatorSeries, period: string): PeerBenchmark[] {
  return peerDataFor(series.benchmarks, latestPeriodForFrequency(period, series.rule.frequency));
}

/** Files a stored target under its indicator: by year for the organisation's, and in the list chooseTarget reads. */
function addTarget(series: IndicatorSeries | undefined, t: typeof targets.$inferSelect) {
  if (!series) return;
  const rule: TargetRule = { target: t.target, tolerance: t.tolerance, profile: t.profile ?? null };
  series.targets.push({ ...rule, year: t.year, areaId: t.areaId });
  if (t.areaId === null) series.targetsByYear.set(t.year, rule);
}

/** The row of one indicator for a period, organisation-wide (areaId null) or for one area's figures. */
export function scorecardEntry(
  series: IndicatorSeries,
  figures: Figure[],
  period: string,
  areaId: string | null = null,
): ScorecardEntry {
  const choice = chooseTarget(series.rule, series.targets, period, areaId);
  const peerData = peerDataOf(series, period);
  // The row's own quartile is the first group's (in name order), kept for the API's `quartile`.
  const row = buildScorecardRow({
    rule: series.rule,
    target: choice.target,
    benchmark: peerData[0] ?? null,
    series: figures,
    period,
    statusBasis: series.indicator.statusBasis,
  });
  return {
    indicator: series.indicator,
    rule: series.rule,
    peers: placeAmongPeers(series.rule, peerData, row.value),
    targetScope: choice.scope,
    noAreaTarget: choice.noAreaTarget,
    row,
  };
}

export const historyWindow = (period: string) => ({ from: addMonths(period, -HISTORY_MONTHS), to: period });

/** The scorecard of one period, organisation-wide (areaId null) or for one area. */
export async function loadScorecard(
  db: Database,
  query: { organisationId: string; period: string; areaId: string | null; figures?: FigureSelection },
): Promise<Scorecard> {
  const scope: FigureScope = query.areaId ? { kind: "area", areaId: query.areaId } : { kind: "organisation" };
  const { series, areas: areaList } = await loadIndicatorSeries(db, query.organisationId, historyWindow(query.period), {
    scope,
    figures: query.figures,
  });
  const area = query.areaId ? (areaList.find((a) => a.id === query.areaId) ?? null) : null;
  const entries: ScorecardEntry[] = [];
  for (const s of series) {
    if (area && !s.indicator.byArea) continue; // an area scorecard shows only indicators broken down by area
    const figures = area ? (s.figuresByArea.get(area.id) ?? []) : organisationWideFigures(s, areaList);
    entries.push(scorecardEntry(s, figures, query.period, area?.id ?? null));
  }
  return { period: query.period, area: area ? { id: area.id, name: area.name } : null, entries };
}
