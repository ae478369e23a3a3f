// What the page's two forms do once their input has been parsed: record (enter or correct)
// a figure, and verify one. Each checks the figure policy, runs the figure recorder's
// command, tells live pages that figures changed, and answers in words for the banner.
// A CommandError is a problem with the input, so it is shown on the form (400), not thrown.
import { data } from "@remix-run/node";
import { formatValue } from "~/shared/performance/format";
import { monthLabel } from "~/shared/performance/periods";
import { authorizeOr403, notFound } from "~/utils/auth.server";
import type { Database } from "../../../db/client";
import type { Actor } from "../../../server/audit";
import { CommandError } from "../../../server/commands/errors";
import { recordFigure, verifyFigure } from "../../../server/commands/figure-recorder";
import { authorize } from "../../../server/policies/authorize";
import { figurePolicy } from "../../../server/policies/figure-policy";
import type { Principal } from "../../../server/policies/principal";
import type { AppServices } from "../../../server/services";
import type { FigureActionResult, RecordFormInput, VerifyFormInput } from "./figure-form.server";
import { findFigure, findFigureById, type findIndicator } from "./indicator-queries.server";

/** Who is acting, on which indicator of which organisation, with what. */
export type FigureActionContext = {
  db: Database;
  live: AppServices["live"];
  organisationId: string;
  principal: Principal;
  indicator: NonNullable<Awaited<ReturnType<typeof findIndicator>>>;
  actor: Actor;
};

export async function verifyFigureFromPage(
  { db, live, organisationId, principal, indicator, actor }: FigureActionContext,
  input: VerifyFormInput,
) {
  authorizeOr403(() => authorize(figurePolicy.verify(principal, indicator)));
  const figure = await findFigureById(db, { organisationId, indicatorId: indicator.id, actualId: input.actualId });
  if (!figure) throw notFound();
  try {
    const { actual } = await verifyFigure(db, { organisationId, actualId: figure.id }, actor);
    live.figuresChanged(organisationId, { indicatorCodes: [indicator.code], periods: [actual.period], reason: "verification" });
    return data<FigureActionResult>({
      message: `Verified the figure for ${monthLabel(actual.period)}, ${figure.areaName ?? "whole organisation"}: ${formatValue(indicator, actual.value)}.`,
    });
  } catch (error) {
    if (error instanceof CommandError) return data<FigureActionResult>({ fieldErrors: { form: error.message } }, { status: 400 });
    throw error;
  }
}

export async function recordFigureFromPage(
  { db, live, organisationId, principal, indicator, actor }: FigureActionContext,
  input: RecordFormInput,
) {
  const where = { organisationId, indicatorId: indicator.id, period: input.period, areaId: input.area };

  // A verified figure may be corrected only with a reason (a 400 that says so, like any
  // other missing field), and then only by those the policy allows to correct.
  const current = await findFigure(db, where);
  const correcting = current?.status === "verified";
  if (correcting && !input.reason) {
    const described = `${monthLabel(input.period)}, ${current.areaName ?? "whole organisation"}`;
    return data<FigureActionResult>(
      { fieldErrors: { reason: `The figure for ${described} has been verified: give a reason for changing it` } },
      { status: 400 },
    );
  }
  authorizeOr403(() =>
    authorize(
      correcting
        ? figurePolicy.correct(principal, indicator, { reason: input.reason })
        : figurePolicy.enter(principal, indicator),
    ),
  );
  try {
    const result = await recordFigure(
      db,
      {
        organisationId,
        indicatorId: indicator.id,
        period: input.period,
        areaId: input.area,
        value: input.value,
        numerator: input.numerator,
        denominator: input.denominator,
        note: input.note,
        unaudited: input.unaudited,
        reason: input.reason,
      },
      actor,
    );
    // A new figure is read back for its area's name, which the message gives.
    const written = current ?? (await findFigure(db, where));
    const described = `${monthLabel(result.actual.period)}, ${written?.areaName ?? "whole organisation"}`;
    const valueText = formatValue(indicator, result.actual.value);
    if (!result.changed)
      return data<FigureActionResult>({ message: `Nothing changed: the figure for ${described} is already ${valueText}.` });
    live.figuresChanged(organisationId, { indicatorCodes: [indicator.code], periods: [result.actual.period], reason: "entry" });
    return data<FigureActionResult>({
      message: `${result.created ? "Entered" : "Changed"} the figure for ${described}: ${valueText}. It is now waiting to be verified.`,
    });
  } catch (error) {
    if (error instanceof CommandError)
      return data<FigureActionResult>({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    throw error;
  }
}
