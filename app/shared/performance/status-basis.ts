/**
 * How an indicator's status is judged (indicators.status_basis), chosen per indicator:
 *
 * - period: the period's figure against the period's (profiled) target: the usual
 *   monthly traffic light;
 * - year_to_date: the year-to-date figure against the (profiled) year-to-date target,
 *   for indicators whose single months swing (lettings bunched after a handover, a
 *   cumulative spend) and whose framework judges the year so far.
 *
 * The status a scorecard row reports, that the exceptions follow and that the API
 * calls `status`, is the one this picks; the other stays visible beside it.
 */
import type { StatusBasis } from "../vocabulary";
import type { TargetStatus } from "./status";

export const DEFAULT_STATUS_BASIS: StatusBasis = "period";

/** How the form, the scorecard and the pack name a basis. */
export const STATUS_BASIS_LABELS: Record<StatusBasis, string> = {
  period: "The period's figure against the period's target",
  year_to_date: "Year to date against the year-to-date target",
};

/** The few words a scorecard cell says beside the status ("judged on ..."). */
export const STATUS_BASIS_SHORT: Record<StatusBasis, string> = {
  period: "Period",
  year_to_date: "Year to date",
};

/** The status in words, saying the basis where it is not the period's figure: "Off target (year to date)". */
export function statusTextWithBasis(label: string, basis: StatusBasis): string {
  return basis === "year_to_date" ? `${label} (year to date)` : label;
}

/** The status an indicator is judged by, from its period and year-to-date statuses. */
export function judgedStatus(basis: StatusBasis, statuses: { period: TargetStatus; yearToDate: TargetStatus }): TargetStatus {
  return basis === "year_to_date" ? statuses.yearToDate : statuses.period;
}
