// The whole pure pipeline for one uploaded file: bytes -> text -> table ->
// typed rows. No database: the import command loads the context (the
// organisation's indicators and areas) before calling this, and writes the
// rows afterwards.
//
// IMPORT POLICY: ATOMIC, ALL OR NOTHING. A file is imported whole or not at
// all. If `problems` is not empty the caller must refuse the entire file and
// write nothing, not even the rows that passed: a half-imported month would
// put a scorecard in front of a committee with some figures silently missing
// or stale, which is worse than no update. For the same reason validation
// never stops at the first problem: every validator makes one pass and
// reports every problem it finds, so the performance team can fix the
// spreadsheet in one go and upload it again. Notices never block an import.
// The caller commits the rows in a single transaction, so a failure while
// writing leaves the data as it was.
//
// A file is read in a thread of its own (parse-thread-runner.ts), with a
// memory and a time limit, so that no file can stall the event loop that
// serves every organisation, and a file that exhausts its thread's memory
// costs that one request, never the process.

import { z } from "zod";
import { DEFAULT_MAX_BYTES } from "./decode-text";
import { importLimits, type ImportLimits } from "./import-limits";
import type { ImportContext, IndicatorInfo, ValidationResult } from "./import-types";
import { runParseThread } from "./parse-thread-runner";
import { capProblems } from "./problems";
import { readTable, type Table } from "./read-table";
import { validateActuals, type ActualRow } from "./validate-actuals";
import { validateActualsWide } from "./validate-actuals-wide";
import { validateAreas, type AreaRow } from "./validate-areas";
import { validateBenchmarks, type BenchmarkRow } from "./validate-benchmarks";
import { validateIndicators, type IndicatorRow } from "./validate-indicators";
import { validateTargets, type TargetRow } from "./validate-targets";
import { validateObjectives, type ObjectiveRow } from "./validate-objectives";
import { validatePlans, type PlanRow } from "./validate-plans";
import { validatePlanActions, type PlanActionRow } from "./validate-plan-actions";
import { validateMilestones, type MilestoneRow } from "./validate-milestones";

/** The typed row each kind of import produces. */
export interface ImportRowTypes {
  indicators: IndicatorRow;
  targets: TargetRow;
  benchmarks: BenchmarkRow;
  /** Long layout: one row per indicator, period and area. */
  actuals: ActualRow;
  /** Wide layout: one row per indicator, one column per month; produces organisation-wide actuals. */
  "actuals-wide": ActualRow;
  areas: AreaRow;
  /** The golden thread (ADR 021), imported in this order: each refers to the ones before by code. */
  objectives: ObjectiveRow;
  plans: PlanRow;
  "plan-actions": PlanActionRow;
  milestones: MilestoneRow;
}

export type ImportKind = keyof ImportRowTypes;

export const IMPORT_KINDS = [
  "indicators",
  "targets",
  "benchmarks",
  "actuals",
  "actuals-wide",
  "areas",
  "objectives",
  "plans",
  "plan-actions",
  "milestones",
] as const satisfies readonly ImportKind[];

/** For the route that receives the kind from a form field. */
export const importKindSchema = z.enum(IMPORT_KINDS);

const VALIDATORS: { [K in ImportKind]: (table: Table, context: ImportContext) => ValidationResult<ImportRowTypes[K]> } = {
  indicators: validateIndicators,
  targets: validateTargets,
  benchmarks: validateBenchmarks,
  actuals: validateActuals,
  "actuals-wide": validateActualsWide,
  areas: validateAreas,
  objectives: validateObjectives,
  plans: validatePlans,
  "plan-actions": validatePlanActions,
  milestones: validateMilestones,
};

export interface ParseImportOptions {
  /** Upload size limit in bytes; 5 MB by default. */
  maxBytes?: number;
  /** Budgets for reading the file (rows, cell length, inflated size, thread memory and time); see import-limits.ts. */
  limits?: Partial<ImportLimits>;
}

/** Validates a table that has already been read (e.g. in tests, or for a pasted table). */
export function validateTable<K extends ImportKind>(
  kind: K,
  table: Table,
  context: ImportContext,
): ValidationResult<ImportRowTypes[K]> {
  return VALIDATORS[kind](table, context);
}

/**
 * Decodes, reads and validates one uploaded file, in a thread of its own.
 * `filename` only helps tell a workbook from a CSV (the content decides when
 * they disagree). The result is importable only when `problems` is empty (see
 * the policy above); a file past a limit, or whose thread ran out of memory or
 * time, comes back as one problem that says so.
 */
export async function parseImport<K extends ImportKind>(
  kind: K,
  bytes: Uint8Array,
  filename: string,
  context: ImportContext,
  options: ParseImportOptions = {},
): Promise<ValidationResult<ImportRowTypes[K]>> {
  return runParseThread({ kind, bytes, filename, context, options }, importLimits(options.limits)) as Promise<
    ValidationResult<ImportRowTypes[K]>
  >;
}

/**
 * The same work in the calling thread: what the import thread runs, and what
 * unit tests call to check the parsing itself without starting a thread.
 */
export async function parseImportHere<K extends ImportKind>(
  kind: K,
  bytes: Uint8Array,
  filename: string,
  context: ImportContext,
  options: ParseImportOptions = {},
): Promise<ValidationResult<ImportRowTypes[K]>> {
  const read = await readTable(bytes, filename, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    limits: importLimits(options.limits),
  });
  if (!read.ok) return { rows: [], problems: [read.problem], notices: [] };
  const result = validateTable(kind, read.table, context);
  return { rows: result.rows, problems: capProblems(result.problems), notices: [...read.notices, ...result.notices] };
}

/** True when a result may be committed: the all-or-nothing rule in one place. */
export function isImportable(result: ValidationResult<unknown>): boolean {
  return result.problems.length === 0;
}

/**
 * The context from an indicator library and area list, e.g. to validate a
 * set of files that import the library and its figures together.
 */
export function buildImportContext(
  indicators: readonly Pick<IndicatorRow, "code" | "frequency" | "unit" | "aggregation" | "decimals">[],
  areas: readonly (string | AreaRow)[],
  people: readonly string[] = [],
): ImportContext {
  const map = new Map<string, IndicatorInfo>();
  for (const i of indicators) {
    map.set(i.code, { frequency: i.frequency, unit: i.unit, aggregation: i.aggregation, decimals: i.decimals });
  }
  return {
    indicators: map,
    areas: new Set(areas.map((a) => (typeof a === "string" ? a : a.area))),
    people: new Set(people.map((email) => email.toLowerCase())),
  };
}
