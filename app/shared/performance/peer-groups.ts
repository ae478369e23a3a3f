/**
 * Several peer groups side by side: which peers' data a figure is compared with, and
 * where it stands among each group.
 *
 * A benchmarking club publishes a group's quartiles after the year ends, so "top
 * quartile" in this sector means "as good as the best 25% of peers in the previous
 * year": by default a figure is compared with each group's latest data from a year
 * BEFORE the figure's own financial year (a 2026/27 figure with 2025/26 peers, never
 * with 2026/27 peers, even when they are known). Every group the organisation has
 * data for is kept, in name order, so no group is dropped and the order never depends
 * on how the database happened to answer.
 */
import { financialYearOf, parseFinancialYear } from "./periods";
import { quartileLabel, quartilePosition, type QuartilePosition } from "./quartile";
import type { IndicatorRule, QuartileBoundaries } from "./types";

/** One stored benchmark row: a peer group's quartile boundaries for one year of the peers' data. */
export type PeerBenchmark = QuartileBoundaries & {
  peerGroup: string;
  /** The financial year of the peers' data, "2024/25". */
  year: string;
};

/** Where one figure stands among one peer group. */
export type PeerComparison = PeerBenchmark & {
  /** 1 (top) to 4, or null when there is no figure or the indicator has no polarity. */
  quartile: QuartilePosition | null;
};

/** The columns a table of comparisons shows: one per peer group, with the peers' year when every row shares it. */
export type PeerColumn = { peerGroup: string; year: string | null };

/** What a cell says when a peer group has no data from before the figure's year. */
export const NO_BENCHMARK = "No benchmark";

const startYear = (label: string): number | null => {
  try {
    return parseFinancialYear(label);
  } catch {
    return null;
  }
};

const byName = (a: string, b: string) =>
  a.localeCompare(b, "en-GB", { sensitivity: "base", numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The peer data a figure of `period` is compared with: for each peer group, its latest
 * year strictly before the period's financial year. One entry per group, in name order.
 */
export function peerDataFor(benchmarks: readonly PeerBenchmark[], period: string): PeerBenchmark[] {
  const figureYear = parseFinancialYear(financialYearOf(period));
  const chosen = new Map<string, { row: PeerBenchmark; start: number }>();
  for (const row of benchmarks) {
    const start = startYear(row.year);
    if (start === null || start >= figureYear) continue;
    const best = chosen.get(row.peerGroup);
    if (!best || start > best.start) chosen.set(row.peerGroup, { row, start });
  }
  return [...chosen.values()].map((c) => c.row).sort((a, b) => byName(a.peerGroup, b.peerGroup));
}

/** The figure placed among each group of `peerData` (as peerDataFor chose it), in the same order. */
export function placeAmongPeers(
  rule: Pick<IndicatorRule, "polarity" | "decimals">,
  peerData: readonly PeerBenchmark[],
  value: number | null,
): PeerComparison[] {
  return peerData.map((peers) => ({ ...peers, quartile: quartilePosition(rule, value, peers) }));
}

/**
 * The columns for a table of rows: every peer group any row is compared with, in name
 * order; a column carries the peers' year when every row compared with that group uses
 * the same year (else each cell names its own).
 */
export function peerColumns(rows: readonly (readonly PeerBenchmark[])[]): PeerColumn[] {
  const years = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const peers of row) {
      const set = years.get(peers.peerGroup) ?? new Set<string>();
      set.add(peers.year);
      years.set(peers.peerGroup, set);
    }
  }
  return [...years]
    .sort(([a], [b]) => byName(a, b))
    .map(([peerGroup, set]) => ({ peerGroup, year: set.size === 1 ? [...set][0] : null }));
}

/** "Metropolitan housing companies, 2024/25 peers" */
export function peerColumnHeading(column: PeerColumn): string {
  return column.year ? `${column.peerGroup}, ${column.year} peers` : column.peerGroup;
}

/**
 * One cell: the plain-words quartile of the figure among that group ("Top 25%"), with
 * the peers' year when the column does not carry it; "No benchmark" when the group has
 * no data from before the figure's year (and "Not applicable" for a contextual indicator).
 */
export function peerCellText(
  rule: Pick<IndicatorRule, "polarity">,
  column: PeerColumn,
  comparisons: readonly PeerComparison[],
): string {
  const found = comparisons.find((c) => c.peerGroup === column.peerGroup);
  const label = peerPositionText(rule, found);
  return found && rule.polarity !== "none" && column.year === null ? `${label} (${found.year} peers)` : label;
}

/** The position among one group in words, without its year: "Top 25%", "No figure", "No benchmark", "Not applicable". */
export function peerPositionText(rule: Pick<IndicatorRule, "polarity">, comparison: PeerComparison | undefined): string {
  if (rule.polarity === "none") return quartileLabel(null);
  if (!comparison) return NO_BENCHMARK;
  return comparison.quartile === null ? "No figure" : quartileLabel(comparison.quartile);
}

/** All of a row's comparisons in one line, for a single cell: "Top 25% of Metropolitan 2024/25 peers; ...". */
export function peersInOneLine(rule: Pick<IndicatorRule, "polarity">, comparisons: readonly PeerComparison[]): string {
  if (rule.polarity === "none") return quartileLabel(null);
  if (comparisons.length === 0) return NO_BENCHMARK;
  return comparisons.map((c) => `${peerPositionText(rule, c)} against ${c.peerGroup} ${c.year} peers`).join("; ");
}

/** What the page says it compared with: "Compared with HouseMark 2024/25 peers and Northern ALMOs 2024/25 peers." */
export function peersCaption(columns: readonly PeerColumn[]): string {
  if (columns.length === 0) return "No peer-group benchmark applies to these figures.";
  const names = columns.map((c) => (c.year ? `${c.peerGroup} ${c.year} peers` : `${c.peerGroup} peers`));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Compared with ${list}: the latest peer data from before each figure’s year.`;
}
