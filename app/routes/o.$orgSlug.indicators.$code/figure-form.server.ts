// What the page's forms post, and what the action answers. One schema covers both forms,
// told apart by their hidden "intent": the entry form (record) and each row's Verify button.
// The field names here are the inputs' names in figure-form.tsx and unverified-table.tsx,
// and figure-form.tsx reads its error messages by them (FigureFormErrors, a type only).
// The schema itself stays on the server: its length limits come from the figure recorder,
// and the browser does not check the form (it posts with noValidate and shows our errors).
import { z } from "zod";
import { isPeriod } from "~/shared/performance/periods";
import { NOTE_MAX_LENGTH, REASON_MAX_LENGTH } from "../../../server/commands/figure-recorder";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A number typed by a person: "1,234.5", "98.5%" and "£1,200" are all read; blank is null. */
const typedNumber = (label: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = (raw ?? "").replace(/[,£%\s]/g, "");
      if (text === "") return null;
      const number = Number(text);
      if (!Number.isFinite(number)) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as a number, like 24.5` });
        return z.NEVER;
      }
      return number;
    });

/** Text that may be left blank: blank (or only spaces) is stored as null, not "". */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `Keep the ${label} to ${max} characters or fewer`)
    .optional()
    .transform((v) => v?.trim() || null);

const recordFields = z.object({
  intent: z.literal("record"),
  period: z.string().refine((v) => isPeriod(v), { message: "Choose the month the figure is for" }),
  // Blank is the whole-organisation figure, which is entered separately from the areas'.
  area: z
    .string()
    .optional()
    .refine((v) => !v || UUID.test(v), { message: "Choose an area, or the whole organisation" })
    .transform((v) => v || null),
  value: typedNumber("value"),
  numerator: typedNumber("numerator"),
  denominator: typedNumber("denominator"),
  note: optionalText(NOTE_MAX_LENGTH, "note"),
  // A checkbox: present ("on") when ticked, absent otherwise.
  unaudited: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  reason: optionalText(REASON_MAX_LENGTH, "reason"),
});

const verifyFields = z.object({
  intent: z.literal("verify"),
  actualId: z.string().regex(UUID, { message: "Choose a figure to verify" }),
});

export const figureFormSchema = z.discriminatedUnion("intent", [recordFields, verifyFields]);

export type RecordFormInput = z.output<typeof recordFields>;
export type VerifyFormInput = z.output<typeof verifyFields>;

/**
 * Messages by field name; "form" is for a problem with no one field to point at. Only the
 * entry form's fields have a box to show a message beside: the rest go in the summary.
 */
export type FigureFormErrors = Partial<Record<Exclude<keyof RecordFormInput, "intent"> | "form", string>>;

/** The action's answer: errors for the form, or a message to say what was done. */
export type FigureActionResult = { fieldErrors: Record<string, string> } | { message: string };
