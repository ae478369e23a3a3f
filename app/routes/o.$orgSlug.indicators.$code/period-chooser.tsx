// Choosing which period the page shows: a plain GET form, so each period has its own URL
// (?period=) that can be shared or bookmarked. It is labelled by the route's "Performance
// in …" heading (#period-heading). When the period asked for is not one the indicator
// reports (a month of a quarterly indicator), the page says whose figure it shows instead.
import { Form } from "@remix-run/react";
import { SelectField } from "~/components/ui/form-fields";
import { monthLabel } from "~/shared/performance/periods";
import type { IndicatorPageData } from "./indicator-page-data.server";

export function PeriodChooser({ page }: { page: IndicatorPageData }) {
  const { indicator, period, periodNoun } = page;
  return (
    <>
      {page.hasFigures ? (
        <Form method="get" className="inline-form period-chooser" aria-labelledby="period-heading">
          {/* Its own id: the entry form lower down has a "period" select too (whose errors link to #period). */}
          <SelectField
            name="period"
            id="show-period"
            label={`Show another ${periodNoun}`}
            options={page.periodOptions}
            defaultValue={period}
          />
          <div className="form-group">
            <button className="button button--secondary" type="submit">
              Show
            </button>
          </div>
        </Form>
      ) : (
        <p>No figures have been entered or imported for this indicator yet.</p>
      )}
      {period !== page.requestedPeriod ? (
        <p className="hint">
          {indicator.code} is reported {periodNoun === "year" ? "once a year, at the end of March" : `each ${periodNoun}`}: for{" "}
          {monthLabel(page.requestedPeriod)} the latest figure is {page.periodName}’s.
        </p>
      ) : null}
    </>
  );
}
