import type { Database } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { findReportingTimetable } from "../../db/queries/reporting-months";
import { defaultReportingPeriod, loadScorecard } from "../../server/performance/scorecard";
import { scorecardLines } from "../../server/performance/scorecard-view";
import { formatUkDay } from "~/shared/dates";
import { monthLabel } from "~/shared/performance/periods";
import { peersInOneLine } from "~/shared/performance/peer-groups";
import { nextFigureDue } from "~/shared/performance/reporting-timetable";
import { tenantSummary, type TenantFigure, type TenantSummaryLine } from "~/shared/packs/tenant-summary";

/*
 * What the public pages (/p/:orgSlug and its reception screen) load: the organisation
 * by its slug (404 otherwise) and the tenant top ten of the last published month, in
 * plain words. No sign-in, so nothing here reads anything but public figures: verified
 * figures of published months (before any month is published, verified figures of the
 * latest month). An early figure for the next month changes nothing here.
 */

export type PublicOrganisation = { id: string; slug: string; name: string; isDemo: boolean };

export async function requirePublicOrganisation(db: Database, slug: string | undefined): Promise<PublicOrganisation> {
  const org = slug ? await findOrganisationBySlug(db, slug) : null;
  if (!org) throw new Response("Not found", { status: 404 });
  return { id: org.id, slug: org.slug, name: org.name, isDemo: org.isDemo };
}

export type TenantTopTen = {
  /** The month shown, "YYYY-MM" (the last published), or null before any figure is entered. */
  period: string | null;
  periodText: string | null;
  /** Indicators with a published figure; `peersText` says where it stands among other landlords, when known. */
  lines: (TenantSummaryLine & { peersText?: string | null })[];
  /** Indicators with no published figure for the month: one line each, never a "No data" card. */
  notYetPublished: { code: string; title: string; text: string }[];
};

/** The tenant top ten of the last published month, organisation-wide, as sentences and figures. */
export async function loadTenantTopTen(db: Database, organisationId: string): Promise<TenantTopTen> {
  const period = await defaultReportingPeriod(db, organisationId);
  if (!period) return { period: null, periodText: null, lines: [], notYetPublished: [] };
  const scorecard = await loadScorecard(db, { organisationId, period, areaId: null, figures: "verified" });
  const rules = new Map(scorecard.entries.map((e) => [e.indicator.code, e.rule]));
  const figures: TenantFigure[] = scorecardLines(scorecard, { tenantTopTenOnly: true }).map((line) => {
    const rule = rules.get(line.code)!;
    return {
      code: line.code,
      title: line.title,
      unit: line.unit,
      polarity: line.polarity,
      frequency: rule.frequency,
      aggregation: rule.aggregation,
      reportingPeriod: line.reportingPeriod,
      value: line.value,
      valueText: line.valueText,
      target: line.target,
      targetText: line.targetText,
      status: line.status,
      direction: line.directionVsLastYear,
      previousYearValue: line.previousYearValue,
      previousYearText: line.previousYearText,
      unaudited: line.unaudited,
    };
  });
  const summary = tenantSummary(figures);
  const published = new Set(figures.filter((f) => f.value !== null).map((f) => f.code));
  const peersText = new Map(
    scorecard.entries.map((e) => [
      e.indicator.code,
      e.peers.length && e.rule.polarity !== "none" ? peersInOneLine(e.rule, e.peers) : null,
    ]),
  );
  const timetable = await findReportingTimetable(db, organisationId);
  const nextDueText = (code: string) => {
    const next = nextFigureDue(period, rules.get(code)!.frequency, timetable);
    return `The next figure (${monthLabel(next.period)}) is due by ${formatUkDay(next.due)}.`;
  };
  return {
    period,
    periodText: monthLabel(period),
    lines: summary
      .filter((line) => published.has(line.code))
      .map((line) => ({ ...line, peersText: peersText.get(line.code) ?? null })),
    notYetPublished: summary
      .filter((line) => !published.has(line.code))
      .map((line) => ({
        code: line.code,
        title: line.title,
        text: `The figure for ${line.periodText} is not yet published. ${nextDueText(line.code)}`,
      })),
  };
}
