import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { actualRevisions, actuals, areas, indicators, type Actual, type FigureSnapshot } from "../../db/schema/performance";
import { formatValue } from "../../app/shared/performance/format";
import { isPeriod, monthLabel } from "../../app/shared/performance/periods";
import { roundTo } from "../../app/shared/performance/rounding";
import { recordAudit, type Actor } from "../audit";
import { showNumber } from "../imports/cells";
import { frequencyProblem, percentageProblem } from "../imports/figure-checks";
import { impliedValue } from "../imports/validate-actuals";
import { CommandError } from "./errors";

export type RecordFigureInput = {
  organisationId: string;
  indicatorId: string;
  /** YYYY-MM, due under the indicator's frequency. */
  period: string;
  /** null: the organisation-wide figure. */
  areaId: string | null;
  /** For ratio and mean indicators it may be left null and is worked out from the numerator and denominator. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  /** Marked unaudited (shown so wherever it is reported); undefined keeps the figure's mark (none for a new one). */
  unaudited?: boolean;
  /** Why the figure is entered or changed; required when a verified figure changes. */
  reason: string | null;
  /**
   * Seam for frozen packs (a later issue): a caller that knows the figure already
   * appears in a minuted pack sets this, and then any change needs a reason, verified
   * or not. This command does not look packs up itself.
   */
  requiresReason?: boolean;
};

export type RecordFigureResult = {
  actual: Actual;
  indicatorCode: string;
  /** A new figure, rather than a change to one already there. */
  created: boolean;
  /** False when what was submitted is what is already stored: nothing is written then. */
  changed: boolean;
};

export const NOTE_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;

const snapshotOf = (
  a: Pick<Actual, "value" | "numerator" | "denominator" | "status" | "note" | "unaudited">,
): FigureSnapshot => ({
  value: a.value,
  numerator: a.numerator,
  denominator: a.denominator,
  status: a.status,
  note: a.note,
  unaudited: a.unaudited,
});

const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

const blankToNull = (text: string | null | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

type IndicatorForEntry = Pick<
  typeof indicators.$inferSelect,
  "id" | "code" | "unit" | "frequency" | "aggregation" | "decimals" | "byArea"
>;

/**
 * Checks a figure against its indicator and works out the value of a ratio or mean
 * from its numerator and denominator when the value is left blank (rounded to the
 * indicator's decimals, as an import does). The messages name the field to fix.
 */
function checkFigure(
  indicator: IndicatorForEntry,
  input: RecordFigureInput,
): { value: number; numerator: number | null; denominator: number | null } {
  const { code } = indicator;
  const frequencyMessage = frequencyProblem(code, indicator.frequency, input.period);
  if (frequencyMessage) throw new CommandError(frequencyMessage, "period");

  for (const [field, number] of [
    ["value", input.value],
    ["numerator", input.numerator],
    ["denominator", input.denominator],
  ] as const) {
    if (number !== null && !Number.isFinite(number)) throw new CommandError(`The ${field} must be a number`, field);
  }
  const { numerator, denominator } = input;
  if (numerator !== null && denominator === null)
    throw new CommandError("A numerator needs a denominator: give both, or neither", "denominator");
  if (denominator !== null && numerator === null)
    throw new CommandError("A denominator needs a numerator: give both, or neither", "numerator");
  if (numerator !== null && denominator !== null) {
    if (denominator <= 0) {
      throw new CommandError(
        denominator === 0
          ? "The denominator is 0: a figure needs at least one case"
          : `The denominator cannot be negative (${showNumber(denominator)})`,
        "denominator",
      );
    }
    if (numerator < 0) throw new CommandError(`The numerator cannot be negative (${showNumber(numerator)})`, "numerator");
    if (indicator.aggregation === "ratio" && numerator > denominator) {
      throw new CommandError(
        `The numerator (${showNumber(numerator)}) is greater than the denominator (${showNumber(denominator)}): ${code} is a percentage of the denominator, so it cannot be`,
        "numerator",
      );
    }
  }

  const isQuotient = indicator.aggregation === "ratio" || indicator.aggregation === "mean";
  const implied =
    isQuotient && numerator !== null && denominator !== null ? impliedValue(indicator.aggregation, numerator, denominator) : null;
  let value = input.value;
  if (value === null) {
    if (implied === null) {
      throw new CommandError(
        isQuotient
          ? "Enter the value, or the numerator and denominator to work it out from"
          : `Enter the value: ${code} is not worked out from a numerator and denominator`,
        "value",
      );
    }
    value = roundTo(implied, indicator.decimals);
  } else if (implied !== null) {
    // Half a unit in the last reported decimal place, as the import allows.
    const allowed = 0.5 * 10 ** -indicator.decimals + 1e-9;
    if (Math.abs(value - implied) > allowed) {
      const formula =
        indicator.aggregation === "ratio"
          ? `100 × ${showNumber(numerator!)} ÷ ${showNumber(denominator!)}`
          : `${showNumber(numerator!)} ÷ ${showNumber(denominator!)}`;
      throw new CommandError(
        `The value ${showNumber(value)} does not match the numerator and denominator: ${formula} = ${formatValue(indicator, implied)}. Correct one of them, or leave the value blank to work it out`,
        "value",
      );
    }
  }
  const outOfRange = percentageProblem(value, indicator.unit);
  if (outOfRange) throw new CommandError(outOfRange, "value");
  return { value, numerator, denominator };
}

/**
 * Enters a figure, or changes one, for an indicator, period and area (null: the whole
 * organisation). The figure is stored as "submitted" for the performance team to
 * verify; a verified figure that changes goes back to "submitted" and needs a reason.
 * The figure, its revision (before, after, reason, who) and the audit entry are
 * written in one transaction. Submitting what is already stored changes nothing.
 *
 * Authorisation is the caller's (figurePolicy.enter / correct): this command trusts
 * its actor.
 */
export async function recordFigure(db: Database, input: RecordFigureInput, actor: Actor): Promise<RecordFigureResult> {
  if (!isPeriod(input.period)) throw new CommandError("Enter the period as a year and month, like 2026-10", "period");
  const note = blankToNull(input.note);
  const reason = blankToNull(input.reason);
  if (note && note.length > NOTE_MAX_LENGTH)
    throw new CommandError(`Keep the note to ${NOTE_MAX_LENGTH} characters or fewer`, "note");
  if (reason && reason.length > REASON_MAX_LENGTH)
    throw new CommandError(`Keep the reason to ${REASON_MAX_LENGTH} characters or fewer`, "reason");

  return db.transaction(async (tx) => {
    const [indicator] = await tx
      .select({
        id: indicators.id,
        code: indicators.code,
        unit: indicators.unit,
        frequency: indicators.frequency,
        aggregation: indicators.aggregation,
        decimals: indicators.decimals,
        byArea: indicators.byArea,
      })
      .from(indicators)
      .where(and(eq(indicators.id, input.indicatorId), eq(indicators.organisationId, input.organisationId)))
      .limit(1);
    if (!indicator) throw new CommandError("That indicator does not exist in this organisation", "indicator");

    let areaName: string | null = null;
    if (input.areaId !== null) {
      if (!indicator.byArea) {
        throw new CommandError(`${indicator.code} is not broken down by area: enter the organisation-wide figure`, "area");
      }
      const [area] = await tx
        .select({ name: areas.name })
        .from(areas)
        .where(and(eq(areas.id, input.areaId), eq(areas.organisationId, input.organisationId)))
        .limit(1);
      if (!area) throw new CommandError("That area does not exist in this organisation", "area");
      areaName = area.name;
    }

    const figure = checkFigure(indicator, input);

    const findCurrent = async () => {
      const [row] = await tx
        .select()
        .from(actuals)
        .where(
          and(
            eq(actuals.organisationId, input.organisationId),
            eq(actuals.indicatorId, indicator.id),
            eq(actuals.period, input.period),
            input.areaId === null ? isNull(actuals.areaId) : eq(actuals.areaId, input.areaId),
          ),
        )
        .limit(1)
        .for("update");
      return row ?? null;
    };
    const described = `${indicator.code} for ${monthLabel(input.period)}${areaName ? `, ${areaName}` : ""}`;
    const requireReason = (current: Actual | null) => {
      if (reason) return;
      if (current?.status === "verified") {
        throw new CommandError(`The figure for ${described} has been verified: give a reason for changing it`, "reason");
      }
      if (current && input.requiresReason)
        throw new CommandError(`Give a reason for changing the figure for ${described}`, "reason");
    };

    let current = await findCurrent();
    const next: FigureSnapshot = {
      ...figure,
      status: "submitted",
      note,
      unaudited: input.unaudited ?? current?.unaudited ?? false,
    };
    if (
      current &&
      current.status !== "draft" &&
      sameNumber(current.value, next.value) &&
      sameNumber(current.numerator, next.numerator) &&
      sameNumber(current.denominator, next.denominator) &&
      current.note === next.note &&
      current.unaudited === next.unaudited
    ) {
      return { actual: current, indicatorCode: indicator.code, created: false, changed: false };
    }
    requireReason(current);

    const values = {
      value: next.value,
      numerator: next.numerator,
      denominator: next.denominator,
      note: next.note,
      unaudited: next.unaudited === true,
      status: "submitted" as const,
      enteredBy: actor.userId,
      enteredAt: new Date(),
      verifiedBy: null,
      verifiedAt: null,
    };
    let actual: Actual | undefined;
    if (!current) {
      const [inserted] = await tx
        .insert(actuals)
        .values({
          organisationId: input.organisationId,
          indicatorId: indicator.id,
          period: input.period,
          areaId: input.areaId,
          ...values,
        })
        .onConflictDoNothing()
        .returning();
      actual = inserted;
      if (!actual) {
        // Someone else entered the same figure a moment ago: this becomes a change of theirs.
        current = await findCurrent();
        if (!current) throw new Error(`A figure for ${described} conflicted on insert but cannot be found`);
        requireReason(current);
      }
    }
    const created = !current;
    if (current) [actual] = await tx.update(actuals).set(values).where(eq(actuals.id, current.id)).returning();
    if (!actual) throw new Error(`The figure for ${described} was not written`);

    const before = current ? snapshotOf(current) : null;
    const after = snapshotOf(actual);
    await tx.insert(actualRevisions).values({
      organisationId: input.organisationId,
      actualId: actual.id,
      indicatorId: indicator.id,
      period: actual.period,
      areaId: actual.areaId,
      before,
      after,
      reason: reason ?? (created ? "First entry" : "Changed before verification"),
      changedBy: actor.userId,
      changedByLabel: actor.label,
    });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: created ? "figure.enter" : "figure.change",
      subjectType: "actual",
      subjectId: actual.id,
      before,
      after: { ...after, indicator: indicator.code, period: actual.period, area: areaName, reason },
    });
    return { actual, indicatorCode: indicator.code, created, changed: true };
  });
}

export type VerifyFigureResult = { actual: Actual; indicatorCode: string };

/**
 * Marks a figure as verified (checked by the performance team) and records who and
 * when, with a revision whose reason is "Verified". Authorisation is the caller's
 * (figurePolicy.verify).
 */
export async function verifyFigure(
  db: Database,
  input: { organisationId: string; actualId: string },
  actor: Actor,
): Promise<VerifyFigureResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ actual: actuals, code: indicators.code, areaName: areas.name })
      .from(actuals)
      .innerJoin(indicators, eq(actuals.indicatorId, indicators.id))
      .leftJoin(areas, eq(actuals.areaId, areas.id))
      .where(and(eq(actuals.id, input.actualId), eq(actuals.organisationId, input.organisationId)))
      .limit(1)
      .for("update", { of: actuals });
    if (!row) throw new CommandError("That figure does not exist in this organisation", "actualId");
    const current = row.actual;
    const described = `${row.code} for ${monthLabel(current.period)}${row.areaName ? `, ${row.areaName}` : ""}`;
    if (current.status === "verified") {
      throw new CommandError(`The figure for ${described} is already verified`, "actualId");
    }
    if (current.value === null) {
      throw new CommandError(`The figure for ${described} has no value yet, so there is nothing to verify`, "actualId");
    }
    const [actual] = await tx
      .update(actuals)
      .set({ status: "verified", verifiedBy: actor.userId, verifiedAt: new Date() })
      .where(eq(actuals.id, current.id))
      .returning();
    const before = snapshotOf(current);
    const after = snapshotOf(actual);
    await tx.insert(actualRevisions).values({
      organisationId: input.organisationId,
      actualId: actual.id,
      indicatorId: actual.indicatorId,
      period: actual.period,
      areaId: actual.areaId,
      before,
      after,
      reason: "Verified",
      changedBy: actor.userId,
      changedByLabel: actor.label,
    });
    await recordAudit(tx, {
      organisationId: input.organisationId,
      actor,
      action: "figure.verify",
      subjectType: "actual",
      subjectId: actual.id,
      before,
      after: { ...after, indicator: row.code, period: actual.period, area: row.areaName },
    });
    return { actual, indicatorCode: row.code };
  });
}
