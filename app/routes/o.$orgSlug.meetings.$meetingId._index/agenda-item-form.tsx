import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { PeriodField } from "~/components/period-field";
import { SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import { ALL_INDICATORS, indicatorSetOf, TENANT_TOP_TEN } from "~/shared/meetings/form-choices";
import { AGENDA_ITEM_KIND_LABELS, EXEMPT_PARAGRAPHS } from "~/shared/meetings/labels";
import type { FormResult } from "~/utils/command-response.server";
import type { AgendaItemKind } from "~/shared/vocabulary";
import type { MeetingPageData } from "./meeting-page-data.server";

type Choices = NonNullable<MeetingPageData["choices"]>;
type Editing = MeetingPageData["editing"];

const kindOptions = (Object.keys(AGENDA_ITEM_KIND_LABELS) as AgendaItemKind[]).map((value) => ({
  value,
  label: AGENDA_ITEM_KIND_LABELS[value],
}));
const paragraphOptions = [
  { value: "", label: "Choose a paragraph" },
  ...Object.entries(EXEMPT_PARAGRAPHS).map(([number, text]) => ({ value: number, label: `Paragraph ${number}: ${text}` })),
];

const usesPeriod = (kind: string) => kind === "scorecard_review" || kind === "exceptions" || kind === "plan_progress";

/**
 * Adds an item to the agenda, or changes one (`editing`). The options of each kind
 * (period, area, indicators) are all in the form; with scripts, only those of the chosen
 * kind show, and the exemption's paragraph and reason only once the item is exempt.
 */
export function AgendaItemForm({
  editing,
  choices,
  bodyAreaId,
  cancelHref,
  result,
}: {
  editing: Editing;
  choices: Choices;
  bodyAreaId: string | null;
  cancelHref: string;
  result: FormResult | undefined;
}) {
  const errors = result?.fieldErrors;
  const typed = result?.values;
  const saved = editing
    ? {
        kind: editing.kind,
        title: editing.title,
        presenter: editing.presenter,
        minutesAllowed: editing.minutesAllowed === null ? "" : String(editing.minutesAllowed),
        exempt: editing.exempt ? "on" : "",
        exemptParagraph: editing.exemptParagraph === null ? "" : String(editing.exemptParagraph),
        exemptReason: editing.exemptReason,
        period: editing.options.period ?? choices.defaultPeriod,
        areaId: editing.options.areaId ?? "",
        indicatorSet: indicatorSetOf(editing.options),
        indicatorIds: (editing.options.indicatorIds ?? []).join(","),
        planId: editing.options.planId ?? "",
        planThemeId: editing.kind === "plan_progress" ? (editing.options.themeId ?? "") : "",
      }
    : { kind: "report", period: choices.defaultPeriod, areaId: bodyAreaId ?? "", indicatorSet: ALL_INDICATORS };
  const values: Record<string, string | undefined> = { ...saved, ...typed };

  const [mounted, setMounted] = useState(false);
  const [kind, setKind] = useState(values.kind ?? "report");
  const [exempt, setExempt] = useState(values.exempt === "on");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => setMounted(true), []);
  // Arriving from an item's "Change" link: the form is where the work is.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  const show = (wanted: boolean) => !mounted || wanted;
  const ticked = new Set((values.indicatorIds ?? "").split(",").filter(Boolean));
  const indicatorSets = [
    { value: ALL_INDICATORS, label: "All indicators" },
    { value: TENANT_TOP_TEN, label: "The tenants' top ten" },
    ...choices.themes.map((t) => ({ value: t.id, label: `Theme: ${t.name}` })),
  ];

  return (
    <section aria-labelledby="item-form-heading" className="form-section item-form" id="item-form">
      <h2 id="item-form-heading" tabIndex={-1} ref={heading}>
        {editing ? `Change “${editing.title}”` : "Add an item"}
      </h2>
      <Form
        method="post"
        noValidate
        onChange={(event) => {
          const target = event.target as HTMLInputElement | HTMLSelectElement;
          if (target.name === "kind") setKind(target.value);
          if (target.name === "exempt") setExempt((target as HTMLInputElement).checked);
        }}
      >
        <input type="hidden" name="intent" value={editing ? "update-item" : "add-item"} />
        {editing ? <input type="hidden" name="itemId" value={editing.id} /> : null}
        <SelectField name="kind" label="Kind of item" options={kindOptions} defaultValue={values.kind} error={errors?.kind} />
        <TextField
          type="text"
          name="title"
          label="Title"
          hint="A report needs a title. For other kinds, leave it blank to use the kind's name."
          defaultValue={values.title}
          error={errors?.title}
        />
        <TextField
          type="text"
          name="presenter"
          label="Presenter (optional)"
          hint="Name and job title, for example: Jo Reid, Head of Housing Management"
          defaultValue={values.presenter}
          error={errors?.presenter}
        />
        <TextField
          type="text"
          name="minutesAllowed"
          label="Time allowed in minutes (optional)"
          inputMode="numeric"
          defaultValue={values.minutesAllowed}
          error={errors?.minutesAllowed}
          className={errors?.minutesAllowed ? "input--error input--short" : "input--short"}
        />

        <div hidden={!show(usesPeriod(kind))}>
          <PeriodFieldWithError
            period={values.period ?? choices.defaultPeriod}
            options={choices.periodOptions}
            error={errors?.period}
          />
        </div>

        {/* An area panel reviews its own area's scorecard and exceptions. */}
        <div hidden={!show(kind === "scorecard_review" || kind === "exceptions")}>
          <SelectField
            name="areaId"
            label="Area"
            hint="An area is judged on its own figures, against its own targets where it has them."
            options={[{ value: "", label: "Whole organisation" }, ...choices.areas.map((a) => ({ value: a.id, label: a.name }))]}
            defaultValue={values.areaId ?? ""}
            error={errors?.areaId}
          />
        </div>

        <fieldset className="fieldset" hidden={!show(kind === "scorecard_review")}>
          <legend>For a scorecard review</legend>
          <SelectField
            name="indicatorSet"
            label="Which indicators"
            options={indicatorSets}
            defaultValue={values.indicatorSet}
            error={errors?.indicatorSet}
          />
        </fieldset>

        {/* Plan progress: one plan, or every plan serving a theme's objectives; the quarter is the period's. */}
        <fieldset className="fieldset" hidden={!show(kind === "plan_progress")}>
          <legend>For plan progress (the quarter of the period above)</legend>
          <SelectField
            name="planId"
            label="Plan"
            options={[
              { value: "", label: "Choose a plan, or a theme below" },
              ...choices.plans.map((p) => ({ value: p.id, label: p.label })),
            ]}
            defaultValue={values.planId ?? ""}
            error={errors?.planId}
          />
          <SelectField
            name="planThemeId"
            label="Or the plans of a theme"
            options={[{ value: "", label: "No theme" }, ...choices.themes.map((t) => ({ value: t.id, label: t.name }))]}
            defaultValue={values.planThemeId ?? ""}
            error={errors?.planThemeId}
          />
        </fieldset>

        <fieldset
          className={`fieldset${errors?.indicatorIds ? " form-group--error" : ""}`}
          hidden={!show(kind === "performance_clinic")}
          id="indicatorIds"
          aria-describedby={errors?.indicatorIds ? "indicatorIds-error" : undefined}
        >
          <legend>Indicators for a performance clinic</legend>
          {errors?.indicatorIds ? (
            <span id="indicatorIds-error" className="error-message">
              <span className="visually-hidden">Error:</span> {errors.indicatorIds}
            </span>
          ) : null}
          {choices.indicators.length ? (
            <ul className="checkbox-list">
              {choices.indicators.map((indicator) => (
                <li key={indicator.id}>
                  <input
                    type="checkbox"
                    id={`indicator-${indicator.id}`}
                    name="indicatorIds"
                    value={indicator.id}
                    defaultChecked={ticked.has(indicator.id)}
                  />
                  <label htmlFor={`indicator-${indicator.id}`}>{indicator.label}</label>
                </li>
              ))}
            </ul>
          ) : (
            <p>The organisation has no indicators yet: import them from Admin first.</p>
          )}
        </fieldset>

        <div className="checkbox-field form-group">
          <input
            type="checkbox"
            id="exempt"
            name="exempt"
            defaultChecked={values.exempt === "on"}
            aria-describedby="exempt-hint"
          />
          <label htmlFor="exempt">Exempt from publication (a confidential part 2 item)</label>
          <div id="exempt-hint" className="hint">
            The public and the published papers will not see it.
          </div>
        </div>
        <div className="conditional" hidden={!show(exempt)}>
          <SelectField
            name="exemptParagraph"
            label="Exempt under"
            hint="The paragraph of Schedule 12A to the Local Government Act 1972"
            options={paragraphOptions}
            defaultValue={values.exemptParagraph ?? ""}
            error={errors?.exemptParagraph}
          />
          <TextArea
            name="exemptReason"
            label="Why the public interest in keeping it exempt outweighs disclosing it"
            defaultValue={values.exemptReason}
            error={errors?.exemptReason}
          />
        </div>

        <div className="form-actions">
          <button className="button" type="submit">
            {editing ? "Save the changes" : "Add the item"}
          </button>
          {editing ? (
            <Link to={cancelHref} className="form-actions__cancel">
              Cancel
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

/** The shared period field, with the problem shown above it when there is one. */
function PeriodFieldWithError({ period, options, error }: { period: string; options: string[]; error: string | undefined }) {
  return (
    <div className={error ? "form-group--error" : undefined}>
      {error ? (
        <span id="period-error" className="error-message">
          <span className="visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <PeriodField period={period} options={options.includes(period) ? options : [period, ...options]} />
    </div>
  );
}
