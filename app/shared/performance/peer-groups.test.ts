import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { financialYearLabel } from "./periods";
import {
  NO_BENCHMARK,
  peerCellText,
  peerColumnHeading,
  peerColumns,
  peerDataFor,
  peersCaption,
  peersInOneLine,
  placeAmongPeers,
  type PeerBenchmark,
} from "./peer-groups";

// BV212 (average days to re-let, lower is better, 2 decimals), two clubs, three years.
const metro = (year: string, upper: number, median: number, lower: number): PeerBenchmark => ({
  peerGroup: "Metropolitan housing companies",
  year,
  upper,
  median,
  lower,
});
const almos = (year: string, upper: number, median: number, lower: number): PeerBenchmark => ({
  peerGroup: "Northern ALMOs",
  year,
  upper,
  median,
  lower,
});
const BV212 = { polarity: "lower", decimals: 2 } as const;
const rows = [
  almos("2025/26", 24, 30, 38),
  metro("2026/27", 19, 25, 33),
  metro("2024/25", 22, 29, 37),
  metro("2025/26", 21, 28, 36),
  almos("2023/24", 26, 32, 40),
];

describe("peerDataFor", () => {
  it("compares an October 2026 figure (2026/27) with each group's 2025/26 peers, never the same year's", () => {
    expect(peerDataFor(rows, "2026-10").map((p) => `${p.peerGroup} ${p.year}`)).toEqual([
      "Metropolitan housing companies 2025/26",
      "Northern ALMOs 2025/26",
    ]);
  });

  it("takes each group's latest year before the figure's year, even when the groups differ", () => {
    // March 2026 is in 2025/26: Metropolitan's 2024/25, and the Northern ALMOs' 2023/24 (no 2024/25 published).
    expect(peerDataFor(rows, "2026-03").map((p) => `${p.peerGroup} ${p.year}`)).toEqual([
      "Metropolitan housing companies 2024/25",
      "Northern ALMOs 2023/24",
    ]);
  });

  it("April starts a new year: April 2026 is compared with 2025/26 peers, March 2026 with 2024/25", () => {
    expect(peerDataFor([metro("2025/26", 21, 28, 36)], "2026-04")).toHaveLength(1);
    expect(peerDataFor([metro("2025/26", 21, 28, 36)], "2026-03")).toEqual([]);
  });

  it("leaves a group out when it has nothing from before the figure's year", () => {
    expect(peerDataFor(rows, "2024-06").map((p) => p.peerGroup)).toEqual(["Northern ALMOs"]);
    expect(peerDataFor([], "2026-10")).toEqual([]);
  });
});

describe("placeAmongPeers", () => {
  it("places 33.01 days among each group: below average for Metropolitan, above average for the ALMOs", () => {
    const placed = placeAmongPeers(BV212, peerDataFor(rows, "2026-10"), 33.01);
    expect(placed.map((p) => [p.peerGroup, p.quartile])).toEqual([
      ["Metropolitan housing companies", 3],
      ["Northern ALMOs", 3],
    ]);
    expect(placeAmongPeers(BV212, peerDataFor(rows, "2026-10"), 29).map((p) => p.quartile)).toEqual([3, 2]);
    expect(placeAmongPeers(BV212, peerDataFor(rows, "2026-10"), null).map((p) => p.quartile)).toEqual([null, null]);
  });
});

describe("columns and words", () => {
  const october = placeAmongPeers(BV212, peerDataFor(rows, "2026-10"), 22.5);
  const march = placeAmongPeers(BV212, peerDataFor(rows, "2026-03"), 22.5);

  it("gives one column per group, with the year when every row shares it", () => {
    const columns = peerColumns([october, october]);
    expect(columns).toEqual([
      { peerGroup: "Metropolitan housing companies", year: "2025/26" },
      { peerGroup: "Northern ALMOs", year: "2025/26" },
    ]);
    expect(columns.map(peerColumnHeading)).toEqual([
      "Metropolitan housing companies, 2025/26 peers",
      "Northern ALMOs, 2025/26 peers",
    ]);
    expect(peerCellText(BV212, columns[0], october)).toBe("Above average");
    expect(peerCellText(BV212, columns[1], october)).toBe("Top 25%");
    expect(peersCaption(columns)).toBe(
      "Compared with Metropolitan housing companies 2025/26 peers and Northern ALMOs 2025/26 peers: the latest peer data from before each figure’s year.",
    );
  });

  it("names the year in the cell when rows of one column use different years (a quarterly figure of last year)", () => {
    const columns = peerColumns([october, march]);
    expect(columns[0]).toEqual({ peerGroup: "Metropolitan housing companies", year: null });
    expect(peerCellText(BV212, columns[0], march)).toBe("Above average (2024/25 peers)");
    expect(peerColumnHeading(columns[0])).toBe("Metropolitan housing companies");
  });

  it("says No benchmark for a group with no earlier data, and Not applicable for a contextual indicator", () => {
    const columns = peerColumns([october]);
    expect(peerCellText(BV212, columns[0], [])).toBe(NO_BENCHMARK);
    expect(peerCellText({ polarity: "none" }, columns[0], october)).toBe("Not applicable");
    expect(peerCellText(BV212, columns[0], placeAmongPeers(BV212, peerDataFor(rows, "2026-10"), null))).toBe("No figure");
    expect(peersInOneLine(BV212, october)).toBe(
      "Above average against Metropolitan housing companies 2025/26 peers; Top 25% against Northern ALMOs 2025/26 peers",
    );
    expect(peersInOneLine(BV212, [])).toBe(NO_BENCHMARK);
    expect(peersCaption([])).toBe("No peer-group benchmark applies to these figures.");
  });
});

const groupArb = fc.constantFrom("Alpha club", "beta club", "Gamma ALMOs", "Ŵyn Cymru");
const yearArb = fc.integer({ min: 2018, max: 2030 }).map(financialYearLabel);
const benchmarkArb = fc.record({
  peerGroup: groupArb,
  year: yearArb,
  upper: fc.integer({ min: 0, max: 10 }),
  median: fc.integer({ min: 10, max: 20 }),
  lower: fc.integer({ min: 20, max: 30 }),
});
const periodArb = fc
  .tuple(fc.integer({ min: 2018, max: 2031 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
// One row per group and year, as the database's unique index keeps them.
const storedArb = fc.uniqueArray(benchmarkArb, { selector: (b) => `${b.peerGroup}|${b.year}`, maxLength: 20 });

describe("peer-group properties", () => {
  it("chooses, per group, the latest year strictly before the figure's year, and keeps every group that has one", () => {
    fc.assert(
      fc.property(storedArb, periodArb, (stored, period) => {
        const figureStart = Number(period.slice(0, 4)) - (Number(period.slice(5)) < 4 ? 1 : 0);
        const chosen = peerDataFor(stored, period);
        const eligible = stored.filter((b) => Number(b.year.slice(0, 4)) < figureStart);
        expect(chosen.map((c) => c.peerGroup).sort()).toEqual([...new Set(eligible.map((b) => b.peerGroup))].sort());
        for (const c of chosen) {
          const latest = Math.max(...eligible.filter((b) => b.peerGroup === c.peerGroup).map((b) => Number(b.year.slice(0, 4))));
          expect(Number(c.year.slice(0, 4))).toBe(latest);
        }
      }),
    );
  });

  it("does not depend on the order the rows arrive in (the old map kept whichever came last)", () => {
    fc.assert(
      fc.property(
        storedArb.chain((stored) => fc.tuple(fc.constant(stored), fc.shuffledSubarray(stored, { minLength: stored.length }))),
        periodArb,
        ([stored, shuffled], period) => {
          expect(peerDataFor(shuffled, period)).toEqual(peerDataFor(stored, period));
        },
      ),
    );
  });

  it("gives one column per group compared, in the same order as each row's comparisons", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(storedArb, periodArb), { maxLength: 5 }), (tables) => {
        const lists = tables.map(([stored, period]) => peerDataFor(stored, period));
        const columns = peerColumns(lists);
        expect(new Set(columns.map((c) => c.peerGroup)).size).toBe(columns.length);
        for (const list of lists) {
          const order = list.map((p) => columns.findIndex((c) => c.peerGroup === p.peerGroup));
          expect(order.every((i) => i >= 0)).toBe(true);
          expect([...order].sort((a, b) => a - b)).toEqual(order);
        }
      }),
    );
  });
});
