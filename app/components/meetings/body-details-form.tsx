import { Form } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/ui/form-fields";
import { BODY_KIND_LABELS, MEMBER_KIND_LABELS, MINUTES_MODE_LABELS } from "~/shared/meetings/labels";
import type { BodyKind, MemberKind, MinutesMode } from "~/shared/vocabulary";

export type BodyDetailsDefaults = {
  name: string;
  kind: BodyKind;
  minutePrefix: string;
  termsOfReference: string;
  quorumCount: number | string;
  quorumRequiresKind: MemberKind | null;
  areaId: string | null;
  minutesMode: MinutesMode;
};

const minutesModeOptions = (Object.keys(MINUTES_MODE_LABELS) as MinutesMode[]).map((value) => ({
  value,
  label: MINUTES_MODE_LABELS[value],
}));

const kindOptions = (Object.keys(BODY_KIND_LABELS) as BodyKind[]).map((value) => ({ value, label: BODY_KIND_LABELS[value] }));
const requiredKindOptions = [
  { value: "", label: "No particular kind" },
  ...(Object.keys(MEMBER_KIND_LABELS) as MemberKind[]).map((value) => ({
    value,
    label: `At least one ${MEMBER_KIND_LABELS[value].toLowerCase()} member`,
  })),
];

/** The details of a committee or panel: used to set one up and to change it. */
export function BodyDetailsForm({
  intent,
  submitLabel,
  defaults: saved,
  areas,
  errors,
  typed,
}: {
  intent: string;
  submitLabel: string;
  defaults?: BodyDetailsDefaults;
  areas: { id: string; name: string }[];
  errors: Record<string, string> | undefined;
  /** What was typed into a form sent back with problems: it wins over the saved details. */
  typed?: Record<string, string>;
}) {
  const defaults = typed ? ({ ...saved, ...typed } as BodyDetailsDefaults) : saved;
  return (
    <Form method="post" className="body-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextField
        type="text"
        name="name"
        label="Name"
        hint="For example: Performance Committee, North Area Panel"
        defaultValue={defaults?.name}
        error={errors?.name}
      />
      <SelectField
        name="kind"
        label="Kind"
        options={kindOptions}
        defaultValue={defaults?.kind ?? "committee"}
        error={errors?.kind}
      />
      <TextField
        type="text"
        name="minutePrefix"
        label="Minute prefix"
        hint="1 to 6 letters before each minute number: PC gives minutes numbered PC 26/14"
        defaultValue={defaults?.minutePrefix}
        error={errors?.minutePrefix}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        name="areaId"
        label="Area (for an area panel)"
        hint="An area panel watches its own area's figures; its scorecard items default to it"
        options={[{ value: "", label: "No area" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
        defaultValue={defaults?.areaId ?? ""}
        error={errors?.areaId}
      />
      <TextField
        type="text"
        name="quorumCount"
        label="Quorum"
        hint="How many voting members must be present for the meeting to make decisions"
        inputMode="numeric"
        defaultValue={defaults ? String(defaults.quorumCount) : ""}
        error={errors?.quorumCount}
      />
      <SelectField
        name="quorumRequiresKind"
        label="Quorum must include"
        hint="For example, many panels are quorate only with a tenant member present"
        options={requiredKindOptions}
        defaultValue={defaults?.quorumRequiresKind ?? ""}
        error={errors?.quorumRequiresKind}
      />
      <SelectField
        name="minutesMode"
        label="Who writes the minutes in the meeting"
        hint="With the clerk holding the pen, members suggest wording beside each item and the clerk accepts or dismisses it"
        options={minutesModeOptions}
        defaultValue={defaults?.minutesMode ?? "clerk"}
        error={errors?.minutesMode}
      />
      <TextArea
        name="termsOfReference"
        label="Terms of reference (optional)"
        rows={5}
        defaultValue={defaults?.termsOfReference}
        error={errors?.termsOfReference}
      />
      <button className="button" type="submit">
        {submitLabel}
      </button>
    </Form>
  );
}
