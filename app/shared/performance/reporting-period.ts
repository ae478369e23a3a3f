import { addMonths } from "./periods";

/**
 * The reporting month every default shows (scorecard, exceptions, area pages, the API,
 * a new meeting item, the public pages). An early figure for a new month must not move
 * everyone onto a month that is still mostly empty and unchecked, so the default stays
 * on the last month the performance team published. Before any month has ever been
 * published, it is the latest month with figures, as it always was.
 */
export type ReportingPeriods = {
  /** The latest published month, or null when none has been published. */
  lastPublished: string | null;
  /** The latest month with any figure, or null before the first figure. */
  latestWithFigures: string | null;
};

export function pickDefaultPeriod(periods: ReportingPeriods): string | null {
  return periods.lastPublished ?? periods.latestWithFigures;
}

/**
 * The month being worked on: the month after the last published one, once any figure
 * exists for it or later (an early figure for the month after does not skip it). Before
 * any month is published, the latest month with figures. Null when everything with a
 * figure is published.
 */
export function monthInProgress(periods: ReportingPeriods): string | null {
  const { lastPublished, latestWithFigures } = periods;
  if (!latestWithFigures) return null;
  if (lastPublished === null) return latestWithFigures;
  const next = addMonths(lastPublished, 1);
  return latestWithFigures >= next ? next : null;
}

/** Whether a month is published: it is, or it comes before, the last published month. */
export function isPublishedPeriod(period: string, lastPublished: string | null): boolean {
  return lastPublished !== null && period <= lastPublished;
}
