import type { Aggregation, Frequency } from "../vocabulary";
/**
 * Shared vocabulary of the performance rules.
 *
 * These types describe how an indicator behaves (its "rule") and the shape of
 * the figures the rules work on. They deliberately carry no ids, titles or
 * owners: the rules only need to know how to compare and combine numbers, so
 * the same functions serve the scorecard page, the JSON API and the pack
 * renderer without dragging database rows around.
 */

/**
 * Which way is good. "none" marks a contextual indicator (e.g. new
 * anti-social behaviour cases): it is reported but never given a target, a
 * traffic light, a direction of travel or a quartile, because neither a rise
 * nor a fall is an improvement in itself.
 */
export type Polarity = "higher" | "lower" | "none";

/**
 * How figures combine across periods (year to date) and across areas
 * (organisation-wide). See rollup.ts for the rules; the names follow the
 * `aggregation` column of indicators.csv.
 */
export type { Aggregation };

/** How often a figure is due. Weekly indicators are reported in monthly periods. */
export type { Frequency };

/**
 * The unit a value is expressed in. The known units are listed so editors
 * autocomplete them, but any string is accepted (`string & {}` keeps the
 * literal suggestions) because the indicator library is user-maintained.
 */
export type Unit = "%" | "days" | "£" | "count" | "score" | "per 1,000 homes" | (string & {});

/** Everything the rules need to know about an indicator. */
export interface IndicatorRule {
  polarity: Polarity;
  aggregation: Aggregation;
  frequency: Frequency;
  unit: Unit;
  /** Decimal places the indicator is reported (and therefore judged) at. */
  decimals: number;
}

/**
 * One reported figure for one period.
 *
 * For ratio and mean indicators the numerator and denominator are what really
 * matter: the value is only their quotient, rounded, and combining rounded
 * quotients would be wrong (see rollup.ts).
 */
export interface Figure {
  /** Period in the form YYYY-MM (the month the figure is for). */
  period: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  /** Marked unaudited: shown as such wherever the figure is reported. */
  unaudited?: boolean;
}

/** A figure for one area, with the area's size for homes-weighted averages. */
export interface AreaFigure extends Figure {
  area: string;
  homes?: number;
}

/** The target for one indicator and financial year. */
export interface TargetRule {
  target: number | null;
  /**
   * How far on the wrong side of the target is still "within tolerance"
   * (amber). Must be >= 0, absolute, in the indicator's unit: a tolerance of
   * 2 on a days indicator means 2 days, not 2%.
   */
  tolerance: number;
  /**
   * Optional month-by-month targets keyed by period ("2025-04": 97.5); a period
   * missing from it keeps `target`. See profiled-target.ts.
   */
  profile?: Readonly<Record<string, number>> | null;
}

/**
 * Peer-group quartile boundaries, already in the indicator's direction: for
 * a lower-is-better indicator `upper` is the smallest number, because the
 * "upper" quartile is the best-performing one, not the numerically largest.
 */
export interface QuartileBoundaries {
  upper: number;
  median: number;
  lower: number;
}
