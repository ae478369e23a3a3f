// The form to enter or correct one figure: a period, an area (for an indicator broken down
// by area) and the numbers. It says what the figure is now before it is changed, because
// changing a verified figure sends it back for verification and needs a reason.
import { Form } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import { monthLabel } from "~/shared/performance/periods";
import type { FigureFormErrors } from "./figure-form.server";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function FigureForm({
  form,
  errors,
  busy,
}: {
  form: NonNullable<IndicatorPageData["form"]>;
  errors?: FigureFormErrors;
  busy: boolean;
}) {
  const verified = form.current?.status === "verified";
  return (
    <Form method="post" className="figure-form" noValidate key={form.key} aria-labelledby="enter-figure">
      <input type="hidden" name="intent" value="record" />
      {form.current ? (
        <p className="inset">
          The figure for {monthLabel(form.period)}, {form.areaName ?? "whole organisation"} is now{" "}
          <strong>{form.current.valueText}</strong> ({form.current.status}
          {form.current.unaudited ? ", unaudited" : ""}), entered by {form.current.enteredBy} on {form.current.enteredAt}.
          {verified ? " It has been verified: changing it sends it back for verification, and needs a reason." : null}
        </p>
      ) : (
        <p className="inset">
          No figure has been entered for {monthLabel(form.period)}, {form.areaName ?? "whole organisation"} yet.
        </p>
      )}
      {form.areas.length ? (
        <p className="hint">
          The whole-organisation figure is entered separately: it is not recalculated from the areas’ figures.
        </p>
      ) : null}
      <div className="figure-form__where">
        <SelectField name="period" label="Period" options={form.periods} defaultValue={form.period} error={errors?.period} />
        {form.areas.length ? (
          <SelectField name="area" label="Area" options={form.areas} defaultValue={form.areaId} error={errors?.area} />
        ) : (
          <input type="hidden" name="area" value="" />
        )}
      </div>
      {form.quotient ? (
        <p className="hint">Give the numerator and denominator and leave the value blank: the value is worked out from them.</p>
      ) : null}
      <div className="figure-form__numbers">
        <TextField
          name="value"
          label="Value"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={form.defaults.value}
          error={errors?.value}
        />
        {form.quotient ? (
          <>
            <TextField
              name="numerator"
              label="Numerator"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={form.defaults.numerator}
              error={errors?.numerator}
            />
            <TextField
              name="denominator"
              label="Denominator"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              defaultValue={form.defaults.denominator}
              error={errors?.denominator}
            />
          </>
        ) : null}
      </div>
      <TextArea
        name="note"
        label="Note (optional)"
        hint="What the figure includes, where it came from, anything a reader should know."
        defaultValue={form.defaults.note}
        error={errors?.note}
      />
      <div className="checkbox-field form-group">
        <input
          type="checkbox"
          id="unaudited"
          name="unaudited"
          defaultChecked={form.defaults.unaudited}
          aria-describedby="unaudited-hint"
        />
        <label htmlFor="unaudited">Unaudited</label>
        <div className="hint" id="unaudited-hint">
          The figure is not yet audited: the scorecard, packs and the public page say so.
        </div>
      </div>
      <TextArea
        name="reason"
        label={verified ? "Reason for the change" : "Reason for the change (needed if the figure has been verified)"}
        hint="Kept in the audit trail with the old and new values."
        error={errors?.reason}
        rows={2}
      />
      <button className="button" type="submit" disabled={busy}>
        Save the figure
      </button>
    </Form>
  );
}
