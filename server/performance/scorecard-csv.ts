import { peerColumns, peerPositionText } from "../../app/shared/performance/peer-groups";
import { csvFile } from "../http/csv-file";
import type { ScorecardLine } from "./scorecard-view";

/**
 * The scorecard as a spreadsheet: raw numbers for working with, labels for reading.
 * `quartile` is the first peer group's position (1 to 4); then each peer group has two
 * columns, its position in words and the year of the peers' data it was compared with.
 */
export function scorecardCsv(lines: ScorecardLine[]): string {
  const peers = peerColumns(lines.map((l) => l.peers));
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
    ...peers.flatMap((c) => [`quartile (${c.peerGroup})`, `peers year (${c.peerGroup})`]),
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
    ...peers.flatMap((c) => {
      const found = l.peers.find((p) => p.peerGroup === c.peerGroup);
      return [peerPositionText(l, found), found?.year ?? ""];
    }),
    l.owner,
    l.statusBasis,
    l.unaudited ? "yes" : "no",
  ]);
  return csvFile([header, ...rows]);
}
