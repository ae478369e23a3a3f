/**
 * The tenant top ten in plain words: one short sentence per indicator, written for
 * tenants rather than for the committee ("We completed 91.2% of repairs on time in
 * October 2026. Our target is 95%: we are below target, and doing better than a year
 * ago."). Pure, so the public page, the reception screen and any poster or newsletter
 * export say the same thing.
 *
 * Indicator titles are kept by each organisation, so the sentence is built from the
 * title's shape ("... completed within ...", "Average time to ...", "Homes with ...")
 * and falls back to "<title>: <figure> in <period>." when no shape fits: never a
 * sentence that reads wrongly.
 */
import type { Direction } from "../performance/direction";
import { financialYearOf, isYearly, monthLabel } from "../performance/periods";
import type { TargetStatus } from "../performance/status";
import type { Aggregation, Frequency, Polarity } from "../performance/types";

/** What the sentence needs of one indicator's scorecard line, values already formatted. */
export type TenantFigure = {
  code: string;
  title: string;
  unit: string;
  polarity: Polarity;
  frequency: Frequency;
  aggregation: Aggregation;
  /** The figure's own period: a quarterly indicator in an October scorecard is September's. */
  reportingPeriod: string;
  value: number | null;
  valueText: string;
  target: number | null;
  targetText: string;
  status: TargetStatus;
  /** Against the same period last year, polarity-aware. */
  direction: Direction;
  previousYearValue: number | null;
  previousYearText: string;
  /** The figure is marked unaudited. */
  unaudited?: boolean;
};

export type TenantSummaryLine = {
  code: string;
  title: string;
  /** The plain-language sentences, e.g. "We completed ... Our target is 95%: we are below target, ..." */
  sentence: string;
  /** "October 2026", "the three months to September 2026", "2025/26". */
  periodText: string;
  polarity: Polarity;
  status: TargetStatus;
  direction: Direction;
  valueText: string;
  /** The target as tenants read it: "95%", "no more than 22 days", or "No target". */
  targetText: string;
  /** The figure for the same period a year before, or null when there is none. */
  previousYearText: string | null;
  /** The figure is marked unaudited: the page says so beside it. */
  unaudited: boolean;
};

export function tenantSummary(figures: readonly TenantFigure[]): TenantSummaryLine[] {
  return figures.map(tenantSummaryLine);
}

export function tenantSummaryLine(figure: TenantFigure): TenantSummaryLine {
  return {
    code: figure.code,
    title: figure.title,
    sentence: tenantSentence(figure),
    periodText: periodText(figure),
    polarity: figure.polarity,
    status: figure.status,
    direction: figure.direction,
    valueText: figure.valueText,
    targetText: figure.polarity === "none" || figure.target === null ? "No target" : targetPhrase(figure),
    previousYearText: figure.previousYearValue === null ? null : figure.previousYearText,
    unaudited: figure.unaudited === true,
  };
}

/** One or two short sentences about one indicator. */
export function tenantSentence(figure: TenantFigure): string {
  const when = periodPhrase(figure);
  if (figure.value === null || !Number.isFinite(figure.value)) {
    const missing = `We do not have a figure yet for ${lowerFirst(figure.title)} ${when}.`;
    return figure.polarity !== "none" && figure.target !== null ? `${missing} Our target is ${targetPhrase(figure)}.` : missing;
  }
  const first = `${upperFirst(figureClause(figure))} ${when}.`;
  return `${first} ${targetSentence(figure)}`;
}

function targetSentence(figure: TenantFigure): string {
  if (figure.polarity === "none") {
    const before = figure.previousYearValue === null ? "" : ` A year ago it was ${figure.previousYearText}.`;
    return `We do not set a target for this: it shows how things are changing.${before}`;
  }
  const trend = directionClause(figure.direction);
  if (figure.target === null || figure.status === "no_target") {
    return `We have not set a target for this year${trend ? `; we are ${trend}` : ""}.`;
  }
  return `Our target is ${targetPhrase(figure)}: we are ${statusPhrase(figure)}${trend ? `, and ${trend}` : ""}.`;
}

function statusPhrase(figure: TenantFigure): string {
  const lower = figure.polarity === "lower";
  switch (figure.status) {
    case "on_target":
      return "on target";
    case "within_tolerance":
      return lower ? "just over target" : "just below target";
    case "off_target":
      return lower ? "over target" : "below target";
    default:
      // no_data and no_target are answered before this point.
      return "not yet able to say";
  }
}

function directionClause(direction: Direction): string {
  switch (direction) {
    case "better":
      return "doing better than a year ago";
    case "worse":
      return "doing worse than a year ago";
    case "same":
      return "doing about the same as a year ago";
    default:
      return "";
  }
}

/** "95%" for higher is better, "no more than 22 days" for lower is better. */
function targetPhrase(figure: TenantFigure): string {
  const target = tidyNumber(figure.targetText);
  return figure.polarity === "lower" ? `no more than ${target}` : target;
}

/** "95.0%" reads as "95%", "22.00 days" as "22 days": a target is a round number to a tenant. */
export function tidyNumber(text: string): string {
  return text.replace(/(\d)\.(\d*?)0+(?!\d)/, (_, whole: string, kept: string) => (kept ? `${whole}.${kept}` : whole));
}

/** "in October 2026", "at the end of October 2026", "in the three months to September 2026", "in 2025/26". */
function periodPhrase(figure: TenantFigure): string {
  if (figure.aggregation === "snapshot") return `at the end of ${monthLabel(figure.reportingPeriod)}`;
  return `in ${periodText(figure)}`;
}

function periodText(figure: TenantFigure): string {
  if (isYearly(figure.frequency)) return financialYearOf(figure.reportingPeriod);
  if (figure.frequency === "quarterly") return `the three months to ${monthLabel(figure.reportingPeriod)}`;
  return monthLabel(figure.reportingPeriod);
}

/** The figure in words, without its period: "we completed 91.2% of urgent repairs within target time". */
function figureClause(figure: TenantFigure): string {
  const v = figure.valueText;
  const title = figure.title.trim();
  if (figure.unit === "%") {
    let m = /^(.+?) (completed|answered|resolved|carried out|inspected|responded to) ((?:within|in|on|at) .+)$/i.exec(title);
    if (m) return `we ${m[2].toLowerCase()} ${v} of ${lowerFirst(m[1])} ${m[3]}`;
    m = /^(.+?) collected as a percentage of (.+)$/i.exec(title);
    if (m) return `we collected ${v} of the ${lowerFirst(m[2])}`;
    m = /^(homes|properties|dwellings) (with|that have|having) (.+)$/i.exec(title);
    if (m) return `${v} of our ${m[1].toLowerCase()} had ${m[3]}`;
    m = /^(overall )?satisfaction with (.+)$/i.exec(title);
    if (m) {
      const what = m[2].replace(/^(the|your) landlord$/i, "us as their landlord");
      return `${v} of tenants told us they were satisfied ${m[1] ? "overall " : ""}with ${what}`;
    }
  }
  let m = /^average (?:time|number of days) (?:taken )?to (.+)$/i.exec(title);
  if (m && figure.unit === "days") return `on average it took us ${v} to ${m[1]}`;
  if (figure.unit === "count") {
    m = /^number of (.+)$/i.exec(title);
    if (m) return `there were ${v} ${m[1]}`;
    if (/s$/i.test(title) && !/ of /i.test(title)) return `there were ${v} ${lowerFirst(title)}`;
  }
  if (figure.aggregation === "snapshot") return `${title} stood at ${v}`;
  return `${title}: ${v}`;
}

/** Lowers the first letter, but leaves an acronym ("BME tenants", "ASB cases") alone. */
function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
