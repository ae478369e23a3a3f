import { Form } from "@remix-run/react";
import { STATUS_BASIS_LABELS } from "~/shared/performance/status-basis";
import { ErrorSummary, SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import {
  AGGREGATION_LABELS,
  FREQUENCY_LABELS,
  MAX_DECIMALS,
  POLARITY_LABELS,
  SUGGESTED_CATEGORIES,
  SUGGESTED_UNITS,
} from "~/shared/performance/indicator-schema";

/** What the form starts with: the indicator's own values, or what was typed when it came back with problems. */
export type IndicatorFormValues = Partial<Record<string, string>>;

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * Every field of an indicator, for the new-indicator and edit pages. The code is typed
 * once, on creation; afterwards it is shown, not edited (imports and reports refer to it).
 */
export function IndicatorForm({
  values,
  errors,
  fixedCode,
  themes,
  members,
  submitLabel,
}: {
  values: IndicatorFormValues;
  errors: Record<string, string> | undefined;
  fixedCode?: string;
  themes: { id: string; name: string }[];
  members: { userId: string; name: string; email: string }[];
  submitLabel: string;
}) {
  const people = members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }));
  const checked = (name: string) => values[name] === "on" || values[name] === "true";
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate className="indicator-form">
        {fixedCode ? (
          <p>
            Code: <strong>{fixedCode}</strong> <span className="hint">(a code never changes)</span>
          </p>
        ) : (
          <TextField
            name="code"
            label="Code"
            hint="For example BV66a, NI 158 or LPI-12. A code is never reused, even after the indicator is retired"
            maxLength={30}
            required
            defaultValue={values.code}
            error={errors?.code}
          />
        )}
        <TextField name="title" label="Title" maxLength={200} required defaultValue={values.title} error={errors?.title} />
        <TextArea
          name="definition"
          label="Definition"
          hint="What is counted and how, as the data owner would explain it"
          defaultValue={values.definition}
          error={errors?.definition}
        />
        <TextArea
          name="dataSource"
          label="Data source"
          hint="Where the figure comes from, for example the housing management system's month-end run"
          defaultValue={values.dataSource}
          error={errors?.dataSource}
        />
        <TextField
          name="category"
          label="Category"
          list="indicator-categories"
          maxLength={80}
          required
          defaultValue={values.category}
          error={errors?.category}
        />
        <datalist id="indicator-categories">
          {SUGGESTED_CATEGORIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <SelectField
          name="themeId"
          label="Theme"
          hint="The strategic theme the indicator hangs under on the scorecard"
          options={[{ value: "", label: "Choose a theme" }, ...themes.map((t) => ({ value: t.id, label: t.name }))]}
          defaultValue={values.themeId ?? ""}
          error={errors?.themeId}
        />
        <TextField
          name="unit"
          label="Unit"
          hint="For example %, days, £, count or score"
          list="indicator-units"
          maxLength={30}
          required
          defaultValue={values.unit}
          error={errors?.unit}
        />
        <datalist id="indicator-units">
          {SUGGESTED_UNITS.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <SelectField
          name="polarity"
          label="Which way is better"
          options={options(POLARITY_LABELS)}
          defaultValue={values.polarity ?? "higher"}
          error={errors?.polarity}
        />
        <SelectField
          name="frequency"
          label="Frequency"
          hint="Quarterly figures are due at the end of June, September, December and March; yearly ones at the end of March"
          options={options(FREQUENCY_LABELS)}
          defaultValue={values.frequency ?? "monthly"}
          error={errors?.frequency}
        />
        <SelectField
          name="aggregation"
          label="How periods combine into the year"
          options={options(AGGREGATION_LABELS)}
          defaultValue={values.aggregation ?? "ratio"}
          error={errors?.aggregation}
        />
        <SelectField
          name="statusBasis"
          label="How the status is judged"
          hint="Year to date suits indicators whose single months swing, such as lettings after a handover: the traffic light then follows the year so far against the (profiled) year-to-date target"
          options={options(STATUS_BASIS_LABELS)}
          defaultValue={values.statusBasis ?? "period"}
          error={errors?.statusBasis}
        />
        <TextField
          name="decimals"
          label="Decimal places"
          hint={`0 to ${MAX_DECIMALS}`}
          inputMode="numeric"
          required
          defaultValue={values.decimals ?? "0"}
          error={errors?.decimals}
        />
        <div className="checkbox-field form-group">
          <input type="checkbox" id="tenantTopTen" name="tenantTopTen" defaultChecked={checked("tenantTopTen")} />
          <label htmlFor="tenantTopTen">In the tenants’ top ten (published on the public page)</label>
        </div>
        <div className="checkbox-field form-group">
          <input type="checkbox" id="byArea" name="byArea" defaultChecked={checked("byArea")} />
          <label htmlFor="byArea">Broken down by area</label>
        </div>
        <SelectField
          name="ownerUserId"
          label="Owner"
          hint="The accountable officer, who answers for the indicator"
          options={[{ value: "", label: "Choose the owner" }, ...people]}
          defaultValue={values.ownerUserId ?? ""}
          error={errors?.ownerUserId}
        />
        <SelectField
          name="managerUserId"
          label="Manager"
          hint="The responsible officer, who enters the monthly figure"
          options={[{ value: "", label: "Nobody" }, ...people]}
          defaultValue={values.managerUserId ?? ""}
          error={errors?.managerUserId}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
