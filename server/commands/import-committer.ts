import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { loadImportContext, memberIdsByEmail } from "../../db/queries/performance-library";
import {
  actualRevisions,
  actuals,
  areas,
  benchmarks,
  indicators,
  themes,
  type FigureSnapshot,
} from "../../db/schema/performance";
import { recordAudit, type Actor } from "../audit";
import { ALL_AREAS } from "../imports/import-types";
import { parseImport, parseImportHere, type ImportKind, type ImportRowTypes } from "../imports/parse-import";
import { recordTarget } from "./target-recorder";
import { threadWriters } from "./thread-import-writers";
import { problem, type ImportProblem } from "../imports/problems";
import { IMPORTS_BUSY_MESSAGE, type ImportThreads } from "../imports/import-threads";

export type ImportSummary = {
  kind: ImportKind;
  source: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
};

export type ImportOutcome =
  | { ok: true; summary: ImportSummary; notices: string[]; changedIndicatorCodes: string[]; changedPeriods: string[] }
  | { ok: false; problems: ImportProblem[]; notices: string[]; busy?: true };

// Rows per multi-row statement: well under PostgreSQL's 65,535 parameters.
const CHUNK = 2_000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows handed to the database as one JSON value, read back as a table named `alias`
 * with these columns (keys of each row) and types. Missing keys read as null.
 */
function recordset(alias: string, rows: object[], columns: Record<string, string>) {
  // Quoted, so that the columns are the rows' own (camelCase) keys; the names are ours, never input.
  const definition = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(", ");
  return {
    source: sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(`${alias}(${definition})`)}`,
    column: (name: string) => sql.raw(`${alias}."${name}"`),
  };
}

/**
 * `select <one expression per column> from <source>` for `insert into table select`,
 * whose columns are the table's, in its order: every column must be given.
 */
function selectForInsert<T extends PgTable>(table: T, expressions: Record<keyof T["_"]["columns"], SQL>, source: SQL): SQL {
  const ordered = Object.keys(getTableColumns(table)).map((name) => expressions[name as keyof T["_"]["columns"]]);
  return sql`select ${sql.join(ordered, sql`, `)} from ${source}`;
}

/**
 * Validates an uploaded file against the organisation's library and, only when
 * it has no problem at all, commits every row in one transaction (all or nothing).
 * Importing the same file twice changes nothing; a changed figure makes a revision
 * whose reason names the import.
 */
export async function importFile(
  db: Database,
  input: {
    organisationId: string;
    kind: ImportKind;
    bytes: Uint8Array;
    filename: string;
    actor: Actor;
    dryRun?: boolean;
    /**
     * Minuted's own seed files (the demo): parsed in the calling thread. The thread of its
     * own is the defence against uploaded files (spreadsheet bombs); starting one per
     * file made seeding the demo, which every integration test file does, take about
     * twice as long.
     */
    ownSeedFile?: boolean;
    /** The process's cap on uploads read at once (the pages and the API pass theirs); none in tests and benches. */
    threads?: ImportThreads;
  },
): Promise<ImportOutcome> {
  const context = await loadImportContext(db, input.organisationId);
  const parse = () => (input.ownSeedFile ? parseImportHere : parseImport)(input.kind, input.bytes, input.filename, context);
  const read = input.threads ? await input.threads.run(parse) : { busy: false as const, value: await parse() };
  if (read.busy) return { ok: false, busy: true, problems: [problem(null, null, IMPORTS_BUSY_MESSAGE)], notices: [] };
  const result = read.value;
  if (result.problems.length > 0) return { ok: false, problems: result.problems, notices: result.notices };
  const committed = await commitRows(db, { ...input, rows: result.rows as never }, { rehearse: input.dryRun ?? false });
  return { ok: true, notices: result.notices, ...committed };
}

/** Thrown inside the transaction to roll a rehearsal back, carrying its result out. */
class Rehearsal<T> extends Error {
  constructor(public readonly result: T) {
    super("rehearsal: rolled back");
  }
}

export type CommitInput<K extends ImportKind> = {
  organisationId: string;
  kind: K;
  rows: ImportRowTypes[K][];
  filename: string;
  actor: Actor;
};

/**
 * Writes validated rows in one transaction. With `rehearse` (the preview) it runs the
 * real writes and rolls them back, so the counts shown before "Import" are exactly
 * what the import will do.
 */
export async function commitRows<K extends ImportKind>(db: Database, input: CommitInput<K>, options = { rehearse: false }) {
  try {
    return await writeRows(db, input, options.rehearse);
  } catch (error) {
    if (error instanceof Rehearsal) return error.result as Awaited<ReturnType<typeof writeRows>>;
    throw error;
  }
}

async function writeRows<K extends ImportKind>(db: Database, input: CommitInput<K>, rehearse: boolean) {
  return db.transaction(async (tx) => {
    const counts = await writers[input.kind](tx, input as never);
    const summary: ImportSummary = { kind: input.kind, source: input.filename, rows: input.rows.length, ...counts.counts };
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor: input.actor,
      action: `import.${input.kind}`,
      subjectType: "import",
      subjectId: input.filename,
      after: summary,
    });
    const result = { summary, changedIndicatorCodes: counts.changedCodes, changedPeriods: counts.changedPeriods };
    if (rehearse) throw new Rehearsal(result);
    return result;
  });
}

export type Counts = { created: number; updated: number; unchanged: number };
export type WriteResult = { counts: Counts; changedCodes: string[]; changedPeriods: string[] };
export type Writer<K extends ImportKind> = (tx: Database, input: CommitInput<K>) => Promise<WriteResult>;

async function indicatorIdsByCode(tx: Database, organisationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(eq(indicators.organisationId, organisationId));
  return new Map(rows.map((r) => [r.code, r.id]));
}

const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

const writeIndicators: Writer<"indicators"> = async (tx, { organisationId, rows }) => {
  const themeNames = [...new Set(rows.map((r) => r.theme))];
  if (themeNames.length) {
    await tx
      .insert(themes)
      .values(themeNames.map((name, position) => ({ organisationId, name, position })))
      .onConflictDoNothing();
  }
  const themeRows = await tx
    .select({ id: themes.id, name: themes.name })
    .from(themes)
    .where(eq(themes.organisationId, organisationId));
  const themeId = new Map(themeRows.map((t) => [t.name, t.id]));
  const existing = new Map(
    (await tx.select().from(indicators).where(eq(indicators.organisationId, organisationId))).map((i) => [i.code, i]),
  );
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const changedCodes: string[] = [];
  const people = await memberIdsByEmail(tx, organisationId);
  /** An optional column: only what the file has changes; an address is checked again against this organisation. */
  const personId = (email: string | null | undefined) =>
    email === undefined ? undefined : email === null ? null : people.get(email);
  for (const row of rows) {
    const optional = Object.fromEntries(
      Object.entries({
        definition: row.definition,
        dataSource: row.dataSource,
        ownerUserId: personId(row.ownerEmail),
        managerUserId: personId(row.managerEmail),
        statusBasis: row.statusBasis,
      }).filter(([, value]) => value !== undefined),
    );
    const values = {
      ...optional,
      title: row.title,
      category: row.category,
      themeId: themeId.get(row.theme) ?? null,
      unit: row.unit,
      polarity: row.polarity,
      frequency: row.frequency,
      aggregation: row.aggregation,
      decimals: row.decimals,
      tenantTopTen: row.tenantTopTen,
      byArea: row.byArea,
    };
    const current = existing.get(row.code);
    // "active": no retires (keeping the day it was first retired), yes reinstates, absent changes nothing.
    const retiring =
      row.active === undefined || row.active === !current?.retiredAt ? {} : { retiredAt: row.active ? null : new Date() };
    if (!current) {
      await tx.insert(indicators).values({ organisationId, code: row.code, ...values, ...retiring });
      counts.created++;
      changedCodes.push(row.code);
    } else if (
      "retiredAt" in retiring ||
      Object.entries(values).some(([key, value]) => current[key as keyof typeof current] !== value)
    ) {
      await tx
        .update(indicators)
        .set({ ...values, ...retiring, updatedAt: new Date() })
        .where(eq(indicators.id, current.id));
      counts.updated++;
      changedCodes.push(row.code);
    } else {
      counts.unchanged++;
    }
  }
  return { counts, changedCodes, changedPeriods: [] };
};

const writeTargets: Writer<"targets"> = async (tx, { organisationId, rows, filename, actor }) => {
  const ids = await indicatorIdsByCode(tx, organisationId);
  const areaRows = await tx
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.organisationId, organisationId));
  const areaId = new Map(areaRows.map((a) => [a.name, a.id]));
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const changedCodes = new Set<string>();
  for (const row of rows) {
    const outcome = await recordTarget(tx, {
      organisationId,
      indicatorId: ids.get(row.indicatorCode)!,
      year: row.year,
      area: row.area === ALL_AREAS ? null : { id: areaId.get(row.area)!, name: row.area },
      target: row.target,
      tolerance: row.tolerance,
      profile: row.profile,
      reason: `Imported from ${filename}`,
      actor,
    });
    counts[outcome]++;
    if (outcome !== "unchanged") changedCodes.add(row.indicatorCode);
  }
  return { counts, changedCodes: [...changedCodes], changedPeriods: [] };
};

const writeBenchmarks: Writer<"benchmarks"> = async (tx, { organisationId, rows }) => {
  const ids = await indicatorIdsByCode(tx, organisationId);
  const existing = new Map(
    (await tx.select().from(benchmarks).where(eq(benchmarks.organisationId, organisationId))).map((b) => [
      `${b.indicatorId} ${b.year} ${b.peerGroup}`,
      b,
    ]),
  );
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const changedCodes = new Set<string>();
  for (const row of rows) {
    const indicatorId = ids.get(row.indicatorCode)!;
    const current = existing.get(`${indicatorId} ${row.year} ${row.peerGroup}`);
    const values = { upperQuartile: row.upperQuartile, median: row.median, lowerQuartile: row.lowerQuartile };
    if (
      current &&
      sameNumber(current.upperQuartile, values.upperQuartile) &&
      sameNumber(current.median, values.median) &&
      sameNumber(current.lowerQuartile, values.lowerQuartile)
    ) {
      counts.unchanged++;
      continue;
    }
    await tx
      .insert(benchmarks)
      .values({ organisationId, indicatorId, year: row.year, peerGroup: row.peerGroup, ...values })
      .onConflictDoUpdate({ target: [benchmarks.indicatorId, benchmarks.year, benchmarks.peerGroup], set: values });
    if (current) counts.updated++;
    else counts.created++;
    changedCodes.add(row.indicatorCode);
  }
  return { counts, changedCodes: [...changedCodes], changedPeriods: [] };
};

const writeAreas: Writer<"areas"> = async (tx, { organisationId, rows }) => {
  const existing = new Map(
    (await tx.select().from(areas).where(eq(areas.organisationId, organisationId))).map((a) => [a.name, a]),
  );
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const current = existing.get(row.area);
    if (current?.homes === row.homes) {
      counts.unchanged++;
      continue;
    }
    await tx
      .insert(areas)
      .values({ organisationId, name: row.area, homes: row.homes })
      .onConflictDoUpdate({ target: [areas.organisationId, areas.name], set: { homes: row.homes } });
    if (current) counts.updated++;
    else counts.created++;
  }
  return { counts, changedCodes: [], changedPeriods: [] };
};

const snapshotOf = (a: {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: FigureSnapshot["status"];
  note: string | null;
  unaudited: boolean;
}): FigureSnapshot => ({
  value: a.value,
  numerator: a.numerator,
  denominator: a.denominator,
  status: a.status,
  note: a.note,
  unaudited: a.unaudited,
});

const writeActuals: Writer<"actuals"> = async (tx, { organisationId, rows, filename, actor, kind }) => {
  // The wide spreadsheet layout carries values only: where a value is unchanged it must
  // not wipe the numerator, denominator or verification the figure already has.
  const valuesOnly = (kind as ImportKind) === "actuals-wide";
  const ids = await indicatorIdsByCode(tx, organisationId);
  const areaRows = await tx
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.organisationId, organisationId));
  const areaId = new Map(areaRows.map((a) => [a.name, a.id]));
  const indicatorIds = [...new Set(rows.map((r) => ids.get(r.indicatorCode)!))];
  const periods = [...new Set(rows.map((r) => r.period))];

  const key = (indicatorId: string, period: string, area: string | null) => `${indicatorId}|${period}|${area ?? ""}`;
  const existing = new Map<string, typeof actuals.$inferSelect>();
  for (const part of chunks(indicatorIds, 500)) {
    const found = await tx
      .select()
      .from(actuals)
      .where(
        and(eq(actuals.organisationId, organisationId), inArray(actuals.indicatorId, part), inArray(actuals.period, periods)),
      );
    for (const a of found) existing.set(key(a.indicatorId, a.period, a.areaId), a);
  }

  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const changedCodes = new Set<string>();
  const changedPeriods = new Set<string>();
  const upserts: (typeof actuals.$inferInsert)[] = [];
  const befores = new Map<string, FigureSnapshot | null>();
  for (const row of rows) {
    const indicatorId = ids.get(row.indicatorCode)!;
    const area = row.area === "All" ? null : (areaId.get(row.area) ?? null);
    const current = existing.get(key(indicatorId, row.period, area));
    const next = {
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      status: row.status,
      note: row.note,
      // The wide layout has no status column: a changed value keeps the figure's mark.
      unaudited: valuesOnly ? (current?.unaudited ?? false) : row.unaudited,
    };
    if (valuesOnly && current && sameNumber(current.value, next.value)) {
      counts.unchanged++;
      continue;
    }
    if (
      current &&
      sameNumber(current.value, next.value) &&
      sameNumber(current.numerator, next.numerator) &&
      sameNumber(current.denominator, next.denominator) &&
      current.status === next.status &&
      current.unaudited === next.unaudited
    ) {
      counts.unchanged++;
      continue;
    }
    if (current) counts.updated++;
    else counts.created++;
    changedCodes.add(row.indicatorCode);
    changedPeriods.add(row.period);
    befores.set(key(indicatorId, row.period, area), current ? snapshotOf(current) : null);
    upserts.push({
      organisationId,
      indicatorId,
      period: row.period,
      areaId: area,
      ...next,
      note: next.note ?? current?.note ?? null,
      enteredBy: actor.userId,
      enteredAt: new Date(),
      verifiedBy: next.status === "verified" ? (current?.status === "verified" ? current.verifiedBy : actor.userId) : null,
      verifiedAt: next.status === "verified" ? (current?.verifiedAt ?? new Date()) : null,
    });
  }

  const reason = `Imported from ${filename}`;
  for (const part of chunks(upserts)) {
    // Each chunk goes as one JSON parameter expanded by the database: as 2,000 rows of
    // parameters, building and binding the statement took longer than running it.
    const figure = recordset("figure", part, {
      organisationId: "uuid",
      indicatorId: "uuid",
      period: "text",
      areaId: "uuid",
      value: "float8",
      numerator: "float8",
      denominator: "float8",
      status: "figure_status",
      unaudited: "bool",
      note: "text",
      enteredBy: "uuid",
      enteredAt: "timestamptz",
      verifiedBy: "uuid",
      verifiedAt: "timestamptz",
    });
    const written = await tx
      .insert(actuals)
      .select(
        selectForInsert(
          actuals,
          {
            id: sql`gen_random_uuid()`,
            organisationId: figure.column("organisationId"),
            indicatorId: figure.column("indicatorId"),
            period: figure.column("period"),
            areaId: figure.column("areaId"),
            value: figure.column("value"),
            numerator: figure.column("numerator"),
            denominator: figure.column("denominator"),
            status: figure.column("status"),
            unaudited: figure.column("unaudited"),
            note: figure.column("note"),
            enteredBy: figure.column("enteredBy"),
            enteredAt: figure.column("enteredAt"),
            verifiedBy: figure.column("verifiedBy"),
            verifiedAt: figure.column("verifiedAt"),
          },
          figure.source,
        ),
      )
      .onConflictDoUpdate({
        target: [actuals.indicatorId, actuals.period, actuals.areaId],
        set: {
          value: sql`excluded.value`,
          numerator: sql`excluded.numerator`,
          denominator: sql`excluded.denominator`,
          status: sql`excluded.status`,
          unaudited: sql`excluded.unaudited`,
          note: sql`excluded.note`,
          enteredBy: sql`excluded.entered_by`,
          enteredAt: sql`excluded.entered_at`,
          verifiedBy: sql`excluded.verified_by`,
          verifiedAt: sql`excluded.verified_at`,
        },
      })
      .returning();
    const revision = recordset(
      "revision",
      written.map((a) => ({
        actualId: a.id,
        indicatorId: a.indicatorId,
        period: a.period,
        areaId: a.areaId,
        before: befores.get(key(a.indicatorId, a.period, a.areaId)) ?? null,
        after: snapshotOf(a),
      })),
      { actualId: "uuid", indicatorId: "uuid", period: "text", areaId: "uuid", before: "jsonb", after: "jsonb" },
    );
    await tx.insert(actualRevisions).select(
      selectForInsert(
        actualRevisions,
        {
          id: sql`nextval('actual_revisions_id_seq')`,
          organisationId: sql`${organisationId}::uuid`,
          actualId: revision.column("actualId"),
          indicatorId: revision.column("indicatorId"),
          period: revision.column("period"),
          areaId: revision.column("areaId"),
          before: revision.column("before"),
          after: revision.column("after"),
          reason: sql`${reason}::text`,
          changedBy: sql`${actor.userId}::uuid`,
          changedByLabel: sql`${actor.label}::text`,
          changedAt: sql`now()`,
        },
        revision.source,
      ),
    );
  }
  return { counts, changedCodes: [...changedCodes], changedPeriods: [...changedPeriods].sort() };
};

const writers: { [K in ImportKind]: Writer<K> } = {
  indicators: writeIndicators,
  targets: writeTargets,
  benchmarks: writeBenchmarks,
  areas: writeAreas,
  actuals: writeActuals,
  "actuals-wide": writeActuals as unknown as Writer<"actuals-wide">,
  ...threadWriters,
};
