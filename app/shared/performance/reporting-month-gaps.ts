/**
 * What stands between a reporting month and its publication. The performance team
 * publishes a month when every figure due in it is entered and verified and every
 * exception carries a commentary ready for committee, or, when it cannot wait, with a
 * note naming the gaps. The exception rule is the one the exceptions page and the
 * pack use (isException, with the organisation's setting): an exception in the month
 * needs a commentary.
 */
import { isException } from "./exceptions";
import { periodFitsFrequency } from "./periods";
import type { TargetStatus } from "./status";
import type { ExceptionRule, FigureStatus, Frequency } from "../vocabulary";

/** One indicator as it stands in the month. */
export type MonthIndicator = {
  code: string;
  frequency: Frequency;
  /**
   * The least checked status among the indicator's figures for this very month
   * (organisation-wide and areas; draft < submitted < verified), or null when none.
   */
  figureStatus: FigureStatus | null;
  /** Status against target of the month's figure (organisation-wide). */
  targetStatus: TargetStatus;
  /** Whether the commentary for this month's figure is marked ready for committee, unchanged since. */
  commentaryReady: boolean;
};

export type MonthGaps = {
  /** Due this month with no figure entered. */
  figures: string[];
  /** Entered but not yet verified. */
  unverified: string[];
  /** An exception this month (the organisation's rule), and its commentary is missing, a draft or changed since marked ready. */
  commentaries: string[];
};

export function reportingMonthGaps(
  period: string,
  indicators: readonly MonthIndicator[],
  exceptionRule: ExceptionRule,
): MonthGaps {
  const gaps: MonthGaps = { figures: [], unverified: [], commentaries: [] };
  for (const indicator of indicators) {
    // A quarterly figure is due in June, September, December and March only; an annual one in March.
    if (!periodFitsFrequency(period, indicator.frequency)) continue;
    if (indicator.figureStatus === null) {
      gaps.figures.push(indicator.code);
      continue;
    }
    if (indicator.figureStatus !== "verified") gaps.unverified.push(indicator.code);
    if (isException(indicator.targetStatus, exceptionRule) && !indicator.commentaryReady) gaps.commentaries.push(indicator.code);
  }
  return gaps;
}

export function hasGaps(gaps: MonthGaps): boolean {
  return gaps.figures.length + gaps.unverified.length + gaps.commentaries.length > 0;
}

/** The least checked of several figure statuses: a month is verified only when all its figures are. */
export function leastCheckedStatus(statuses: readonly FigureStatus[]): FigureStatus | null {
  const order: FigureStatus[] = ["draft", "submitted", "verified"];
  let least: FigureStatus | null = null;
  for (const status of statuses) if (least === null || order.indexOf(status) < order.indexOf(least)) least = status;
  return least;
}

/**
 * Whether a month may be published now: yes with no gaps; with gaps only when the
 * publisher names them in a note (the note is kept with the month and in the audit log).
 */
export function publishDecision(gaps: MonthGaps, note: string | null): { ok: true } | { ok: false; reason: string } {
  if (!hasGaps(gaps)) return { ok: true };
  if (note && note.trim().length > 0) return { ok: true };
  return {
    ok: false,
    reason:
      "Some figures are missing or not verified, or some exceptions have no commentary ready: publish with a note naming these gaps, or fill them first.",
  };
}
