import { Form } from "@remix-run/react";
import { SelectField, TextArea, TextField } from "~/components/ui/form-fields";

type Option = { value: string; label: string };

/**
 * An officer adds an action to the log outside a meeting. The browser does not check the
 * form (noValidate): the server's errors come back beside each field and in the summary.
 */
export function AddActionForm({
  people,
  indicators,
  bodies,
  errors,
  values = {},
  busy,
}: {
  people: Option[];
  indicators: Option[];
  bodies: Option[];
  errors: Record<string, string> | undefined;
  /** What was typed, when the server sends the form back with errors. */
  values?: Record<string, string>;
  busy: boolean;
}) {
  return (
    <section className="add-action" aria-labelledby="add-action-heading">
      <h2 id="add-action-heading">Add an action</h2>
      <p className="hint">
        For actions agreed outside a meeting. Actions agreed at a meeting are entered when the clerk closes it.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="add" />
        <TextArea
          name="description"
          label="Action"
          hint="What will be done, in a sentence."
          error={errors?.description}
          defaultValue={values.description}
        />
        <SelectField
          name="ownerUserId"
          label="Owner"
          options={[{ value: "", label: "Choose the owner" }, ...people]}
          error={errors?.ownerUserId}
          defaultValue={values.ownerUserId}
        />
        <TextField
          name="dueDate"
          type="date"
          label="Due date"
          hint="The date it should be done by."
          error={errors?.dueDate}
          defaultValue={values.dueDate}
        />
        <SelectField
          name="bodyId"
          label="Committee or panel (optional)"
          options={[{ value: "", label: "None" }, ...bodies]}
          error={errors?.bodyId}
          defaultValue={values.bodyId}
        />
        <SelectField
          name="indicatorId"
          label="Linked indicator (optional)"
          hint="The indicator the action should improve: its status now is kept, to see later whether it worked."
          options={[{ value: "", label: "None" }, ...indicators]}
          error={errors?.indicatorId}
          defaultValue={values.indicatorId}
        />
        <button className="button" type="submit" disabled={busy}>
          Add the action
        </button>
      </Form>
    </section>
  );
}
