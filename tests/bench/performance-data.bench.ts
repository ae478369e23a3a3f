import { performance } from "node:perf_hooks";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { areas, indicators } from "../../db/schema/performance";
import { SYSTEM_ACTOR } from "../../server/audit";
import { importFile } from "../../server/commands/import-committer";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { loadScorecard } from "../../server/performance/scorecard";
import { scorecardLines } from "../../server/performance/scorecard-view";
import { addMonths } from "../../app/shared/performance/periods";
import { createTestDatabase } from "../support/test-database";

const AREAS = ["North", "East", "South", "West"];
const encoder = new TextEncoder();

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Issue 3's figures: a 200-indicator scorecard over 36,000 figures, and a 50,000-row import. */
export default async function run(record: (name: string, value: number, unit: string, note?: string) => void) {
  const database = await createTestDatabase();
  try {
    const org = await createOrganisation(database.db, { slug: "bench", name: "Bench Homes" }, SYSTEM_ACTOR);
    await database.db.insert(areas).values(AREAS.map((name, i) => ({ organisationId: org.id, name, homes: 3000 + i * 100 })));
    const kinds = ["ratio", "mean", "snapshot", "sum"] as const;
    const library =
      "code,title,theme,category,unit,polarity,frequency,aggregation,decimals,tenant_top_ten,by_area\n" +
      Array.from({ length: 200 }, (_, i) => {
        const aggregation = kinds[i % 4];
        const unit = aggregation === "ratio" ? "%" : aggregation === "mean" ? "days" : "count";
        return `B${String(i).padStart(3, "0")},Bench indicator ${i},Theme ${i % 5},Local indicator,${unit},${i % 2 ? "higher" : "lower"},monthly,${aggregation},1,no,yes`;
      }).join("\n");
    await importFile(database.db, {
      organisationId: org.id,
      kind: "indicators",
      bytes: encoder.encode(library),
      filename: "library.csv",
      actor: SYSTEM_ACTOR,
    });
    const targetsCsv =
      "indicator,year,target,tolerance\n" +
      Array.from({ length: 200 }, (_, i) =>
        ["2024/25", "2025/26", "2026/27"].map((y) => `B${String(i).padStart(3, "0")},${y},50,2`).join("\n"),
      ).join("\n");
    await importFile(database.db, {
      organisationId: org.id,
      kind: "targets",
      bytes: encoder.encode(targetsCsv),
      filename: "targets.csv",
      actor: SYSTEM_ACTOR,
    });

    // 200 indicators × 5 areas (four and the whole organisation) × 36 months = 36,000 figures.
    const periods = Array.from({ length: 36 }, (_, i) => addMonths("2023-11", i));
    const lines: string[] = ["indicator,period,area,value,numerator,denominator"];
    for (let i = 0; i < 200; i++) {
      const code = `B${String(i).padStart(3, "0")}`;
      const ratio = kinds[i % 4] === "ratio" || kinds[i % 4] === "mean";
      for (const period of periods) {
        for (const area of [...AREAS, "All"]) {
          const den = 100 + ((i + period.length) % 17);
          const num = Math.round(den * (0.3 + ((i * 7 + Number(period.slice(5))) % 60) / 100));
          lines.push(ratio ? `${code},${period},${area},,${num},${den}` : `${code},${period},${area},${num},,`);
        }
      }
    }
    const figures = encoder.encode(lines.join("\n"));
    const importStart = performance.now();
    const outcome = await importFile(database.db, {
      organisationId: org.id,
      kind: "actuals",
      bytes: figures,
      filename: "figures.csv",
      actor: SYSTEM_ACTOR,
    });
    const importMs = performance.now() - importStart;
    if (!outcome.ok) throw new Error(`bench data did not import: ${outcome.problems[0]?.message}`);
    record("import 36,000 figures (validate + atomic commit)", importMs, "ms");

    // 50,000 rows: the 36,000 above changed, plus 14,000 new, so every row writes and makes a revision.
    const more = lines
      .slice(1)
      .map((l) =>
        l
          .replace(/,(\d+),(\d+)$/, (_m, n, d) => `,${Number(n) + 1},${Number(d) + 1}`)
          .replace(/^(B\d+,[^,]+,[^,]+),(\d+),,$/, (_m, head, v) => `${head},${Number(v) + 1},,`),
      );
    const extraPeriods = Array.from({ length: 14 }, (_, i) => addMonths("2020-01", i));
    for (let i = 0; i < 200; i++) {
      for (const period of extraPeriods)
        for (const area of [...AREAS, "All"])
          if (more.length < 50_000)
            more.push(
              `B${String(i).padStart(3, "0")},${period},${area},${i % 4 < 2 ? "" : 5},${i % 4 < 2 ? 5 : ""},${i % 4 < 2 ? 10 : ""}`,
            );
    }
    const bigFile = encoder.encode(["indicator,period,area,value,numerator,denominator", ...more.slice(0, 50_000)].join("\n"));
    const bigStart = performance.now();
    const big = await importFile(database.db, {
      organisationId: org.id,
      kind: "actuals",
      bytes: bigFile,
      filename: "big.csv",
      actor: SYSTEM_ACTOR,
    });
    const bigMs = performance.now() - bigStart;
    if (!big.ok) throw new Error(`50,000-row import refused: ${big.problems[0]?.message} (line ${big.problems[0]?.line})`);
    record(
      "import 50,000 rows of actuals (validate + atomic commit with revisions)",
      bigMs,
      "ms",
      `target < 10,000 ms; ${big.summary.created} new, ${big.summary.updated} changed`,
    );

    const orgId = (await findOrganisationBySlug(database.db, "bench"))!.id;
    const timings: number[] = [];
    for (let run = 0; run < 15; run++) {
      const start = performance.now();
      const scorecard = await loadScorecard(database.db, { organisationId: orgId, period: "2026-10", areaId: null });
      const built = scorecardLines(scorecard);
      if (built.length !== 200) throw new Error(`expected 200 lines, got ${built.length}`);
      timings.push(performance.now() - start);
    }
    record(
      "scorecard of 200 indicators over 36,000 figures (query + derived figures), median",
      median(timings.slice(3)),
      "ms",
      "target < 300 ms",
    );
    const count = await database.db.$count(indicators);
    if (count !== 200) throw new Error("bench library incomplete");
  } finally {
    await database.cleanup();
  }
}
