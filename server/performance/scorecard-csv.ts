import { csvFile } from "../http/csv-file";
import type { ScorecardLine } from "./scorecard-view";

/** The scorecard as a spreadsheet: raw numbers for working with, labels for reading. */
export function scorecardCsv(lines: ScorecardLine[]): string {
  const header = [
    "code",
    "title",
    "theme",
    "unit",
    "period",
    "value",
    "target",
    "tolerance",
    "status",
    "target_scope",
    "direction_vs_last_year",
    "ytd",
    "previous_year_value",
    "quartile",
    "owner",
    "status_basis",
    "unaudited",
  ];
  const rows = lines.map((l) => [
    l.code,
    l.title,
    l.theme,
    l.unit,
    l.reportingPeriod,
    l.value,
    l.target,
    l.tolerance,
    l.statusText,
    l.targetScope,
    l.directionVsLastYear,
    l.ytd,
    l.previousYearValue,
    l.quartile,
    l.owner,
    l.statusBasis,
    l.unaudited ? "yes" : "no",
  ]);
  return csvFile([header, ...rows]);
}
