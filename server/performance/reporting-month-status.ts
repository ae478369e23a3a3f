import { and, asc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { exceptionRuleOf } from "../../db/queries/organisations";
import { listReportingMonths } from "../../db/queries/reporting-months";
import { actuals } from "../../db/schema/performance";
import { periodFitsFrequency } from "../../app/shared/performance/periods";
import {
  leastCheckedStatus,
  reportingMonthGaps,
  type MonthGaps,
  type MonthIndicator,
} from "../../app/shared/performance/reporting-month-gaps";
import type { TargetStatus } from "../../app/shared/performance/status";
import type { FigureStatus, ReportingMonthState } from "../../app/shared/vocabulary";
import { loadExceptions, type CommentaryStatus } from "./exceptions";
import { loadScorecard, reportingPeriods } from "./scorecard";

/** One indicator in a reporting month, as the Month in progress page lists it. */
export type MonthIndicatorStatus = {
  code: string;
  title: string;
  /** Whether a figure is due this month (quarterly in quarter-end months, annual in March). */
  due: boolean;
  /** Who enters the figure (the indicator's manager). */
  managerName: string | null;
  ownerName: string | null;
  managerUserId: string | null;
  ownerUserId: string | null;
  figureStatus: FigureStatus | null;
  targetStatus: TargetStatus;
  /** The commentary's state when this month's figure is an exception, otherwise null. */
  commentary: { status: CommentaryStatus; documentName: string } | null;
};

export type MonthStatus = { period: string; indicators: MonthIndicatorStatus[]; gaps: MonthGaps };

/** The least checked status of each indicator's figures (all areas) for one month. */
async function figureStatuses(db: Database, organisationId: string, period: string) {
  const rows = await db
    .select({ indicatorId: actuals.indicatorId, status: actuals.status })
    .from(actuals)
    .where(and(eq(actuals.organisationId, organisationId), eq(actuals.period, period)));
  const byIndicator = new Map<string, FigureStatus[]>();
  for (const row of rows) byIndicator.set(row.indicatorId, [...(byIndicator.get(row.indicatorId) ?? []), row.status]);
  return new Map([...byIndicator].map(([id, statuses]) => [id, leastCheckedStatus(statuses)]));
}

/**
 * Where a month stands: per indicator, its figure (entered, verified), its status against
 * target and its commentary when off target, and what is missing before it can be
 * published without a note. The commentary states come from the exceptions list, so the
 * month and the exceptions page never disagree.
 */
export async function loadMonthStatus(db: Database, organisationId: string, period: string): Promise<MonthStatus> {
  const scorecard = await loadScorecard(db, { organisationId, period, areaId: null });
  const statuses = await figureStatuses(db, organisationId, period);
  const exceptions = await loadExceptions(db, organisationId, period);
  const commentaryOf = new Map(
    exceptions.filter((item) => item.period === period).map((item) => [item.indicator.code, item.commentary]),
  );
  const indicators: MonthIndicatorStatus[] = scorecard.entries.map(({ indicator, rule, row }) => {
    const commentary = commentaryOf.get(indicator.code);
    return {
      code: indicator.code,
      title: indicator.title,
      due: periodFitsFrequency(period, rule.frequency),
      managerName: indicator.managerName,
      ownerName: indicator.ownerName,
      managerUserId: indicator.managerUserId,
      ownerUserId: indicator.ownerUserId,
      figureStatus: statuses.get(indicator.id) ?? null,
      targetStatus: row.reportingPeriod === period ? row.status : "no_data",
      commentary: commentary ? { status: commentary.status, documentName: commentary.documentName } : null,
    };
  });
  const ruleInput: MonthIndicator[] = scorecard.entries.map(({ rule }, i) => ({
    code: indicators[i].code,
    frequency: rule.frequency,
    figureStatus: indicators[i].figureStatus,
    targetStatus: indicators[i].targetStatus,
    commentaryReady: indicators[i].commentary?.status === "ready",
  }));
  return { period, indicators, gaps: reportingMonthGaps(period, ruleInput, await exceptionRuleOf(db, organisationId)) };
}

export type ReportingMonthSummary = {
  period: string;
  state: ReportingMonthState;
  publishedAt: Date | null;
  publishedBy: string | null;
  note: string | null;
  missing: MonthGaps;
};

/** Months with figures after the last published one (every month is open until published). */
async function openPeriods(db: Database, organisationId: string, lastPublished: string | null, latest: string | null) {
  if (!latest) return [];
  // Before any month is published, the month in progress is the latest with figures.
  if (!lastPublished) return [latest];
  const rows = await db
    .selectDistinct({ period: actuals.period })
    .from(actuals)
    .where(and(eq(actuals.organisationId, organisationId), gt(actuals.period, lastPublished)))
    .orderBy(asc(actuals.period));
  return rows.map((r) => r.period).reverse();
}

/**
 * The organisation's reporting months, latest first: the open months after the last
 * published one, then the published months, each with what is missing now.
 */
export async function listReportingMonthSummaries(db: Database, organisationId: string): Promise<ReportingMonthSummary[]> {
  const { lastPublished, latestWithFigures } = await reportingPeriods(db, organisationId);
  const open = await openPeriods(db, organisationId, lastPublished, latestWithFigures);
  const rows = await listReportingMonths(db, organisationId);
  const months: Omit<ReportingMonthSummary, "missing">[] = [
    ...open.map((period) => ({ period, state: "open" as const, publishedAt: null, publishedBy: null, note: null })),
    ...rows
      .filter((row) => row.state === "published")
      .map((row) => ({
        period: row.period,
        state: row.state,
        publishedAt: row.publishedAt,
        publishedBy: row.publishedByName ?? row.publishedByLabel,
        note: row.note,
      })),
  ];
  const summaries: ReportingMonthSummary[] = [];
  // One month at a time: PGlite has one connection, and each month reads its commentaries.
  for (const month of months)
    summaries.push({ ...month, missing: (await loadMonthStatus(db, organisationId, month.period)).gaps });
  return summaries;
}
