import { z } from "zod";
import { typedText } from "../typed-text";

/*
 * Pieces of the zod schemas shared by the meeting forms and the commands behind them.
 * A form sends strings ("" for a field left blank, "on" for a ticked box); a command
 * called from code sends numbers, booleans and nulls. Each piece accepts both.
 */

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** The keys of a labels record as a zod enum's values, so the labels stay the one list. */
export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]];

/** A field that may be left blank: blank reads as null. */
export const blankAsNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (isBlank(value) ? null : value), schema.nullable());

/** A whole number between min and max, with one message for every way of getting it wrong. */
export const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(
    (value) => (isBlank(value) ? undefined : typeof value === "string" ? Number(value.trim()) : value),
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );

/** A checkbox: ticked sends "on"; unticked sends nothing. */
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/** Text that may be absent (a form without the field) and is trimmed, without bidi controls (typed-text). */
export const text = (max: number, message: string) => typedText().trim().max(max, { error: message }).default("");

/** Several values of one field ("a,b" or ["a", "b"]) as a list. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (Array.isArray(value)) return value;
    if (isBlank(value)) return [];
    return String(value).split(",").filter(Boolean);
  }, z.array(item));

/**
 * A copy of the form in which each named field that can repeat (checkboxes of one name)
 * is joined into one "a,b,c" value: the form parser keeps one value per name, and the
 * values joined here are ids, which hold no commas.
 */
export function joinRepeated(formData: FormData, ...names: string[]): FormData {
  const copy = new FormData();
  for (const [key, value] of formData) if (!names.includes(key)) copy.append(key, value);
  for (const name of names) copy.set(name, formData.getAll(name).map(String).join(","));
  return copy;
}

export const isHttpsUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname);
  } catch {
    return false;
  }
};

const uuidSchema = z.uuid();

/** An id in a URL: anything else is a page that does not exist, not a database error. */
export const isUuid = (value: unknown): value is string => uuidSchema.safeParse(value).success;

/**
 * What a command checking its input with a schema accepts: the schema's fields, each as
 * sent (strings from a form, or typed values from code). The schema decides.
 */
export type Submitted<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

/**
 * For a form's cross-field rules (superRefine): run them even when a field already has
 * a problem, so that the error summary lists every problem at once. The rules read the
 * values defensively, as a failed field may hold anything.
 */
export const EVEN_WITH_FIELD_PROBLEMS = { when: () => true };
