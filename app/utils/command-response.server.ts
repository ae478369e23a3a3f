import { data } from "@remix-run/node";
import { CommandError } from "../../server/commands/errors";
import type { FieldErrors } from "./forms";

/** What a page's form post answers: which form it was (`intent`), and either the problems or what was done. */
export type FormResult =
  | { intent: string; fieldErrors: FieldErrors; values?: Record<string, string>; message?: undefined }
  | { intent: string; message: string; fieldErrors?: undefined; values?: undefined };

/**
 * The form's problems, with what was typed (`values`), so that a form posted without
 * scripts comes back filled in rather than empty.
 */
export const invalidForm = (intent: string, fieldErrors: FieldErrors, values?: FormData) =>
  data<FormResult>({ intent, fieldErrors, values: values ? typedValues(values) : undefined }, { status: 400 });

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData)
    if (typeof value === "string") values[key] = key in values ? `${values[key]},${value}` : value;
  return values;
}

export const formDone = (intent: string, message: string) => data<FormResult>({ intent, message });

/**
 * A command's refusal as a 400 for the form that sent it. A refusal about a field the
 * form does not show (an id in a hidden input) is shown for the whole form.
 */
export function refusedForm(intent: string, error: unknown, fieldsOnForm: readonly string[], values?: FormData) {
  if (!(error instanceof CommandError)) throw error;
  const field = error.field && fieldsOnForm.includes(error.field) ? error.field : "form";
  return invalidForm(intent, { [field]: error.message }, values);
}
