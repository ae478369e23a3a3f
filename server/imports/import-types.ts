// Shapes shared by every validator.

import type { Aggregation, Frequency } from "../../app/shared/performance/types";
import type { ImportProblem } from "./problems";

/** What a validator needs to know about an indicator already in the library. */
export interface IndicatorInfo {
  frequency: Frequency;
  unit: string;
  aggregation: Aggregation | (string & {});
  decimals: number;
}

/**
 * The organisation's library, loaded by the caller before validating: figures,
 * targets and benchmarks may only refer to indicators and areas that exist.
 */
export interface ImportContext {
  /** Keyed by indicator code, case-sensitive ("BV66a" and "BV66A" are different codes). */
  indicators: Map<string, IndicatorInfo>;
  /** Area names. "All" (the whole organisation) is always accepted and need not be listed. */
  areas: Set<string>;
  /** The addresses of the organisation's members, in lower case: owners and managers must be among them. */
  people: Set<string>;
  /** For the golden thread's imports (objectives, plans, plan actions, milestones): what they may refer to. */
  thread?: ThreadContext;
}

/** Codes as the library has them: the imports of the golden thread refer to each other by code (ADR 021). */
export interface ThreadContext {
  /** Theme names. */
  themes: Set<string>;
  objectives: Set<string>;
  plans: Set<string>;
  /** "plan code" NUL "action code". */
  planActions: Set<string>;
}

/**
 * The outcome of validating one file. `rows` holds the rows that passed;
 * `problems` everything that did not, in file order. `notices` are for
 * information only (a column ignored, the encoding guessed) and never block
 * an import.
 */
export interface ValidationResult<Row> {
  rows: Row[];
  problems: ImportProblem[];
  notices: string[];
}

/** The area name for organisation-wide figures. */
export const ALL_AREAS = "All";

export type FigureStatus = "draft" | "submitted" | "verified";
