import { z } from "zod";

/**
 * The names of shared (Yjs) documents, used by the browser to open one and by the
 * server to decide who may. A name is the whole identity of a document, so exactly
 * one spelling is accepted for each: lowercase UUIDs, zero-padded months.
 *
 *   exception:<indicatorUuid>:<YYYY-MM>   the exception commentary of an indicator for a month
 *   meeting:<meetingUuid>                 the minutes of a meeting
 *   report:<reportUuid>                   a cover report
 */
export const COLLAB_DOCUMENT_TYPES = ["exception", "meeting", "report"] as const;
export type CollabDocumentType = (typeof COLLAB_DOCUMENT_TYPES)[number];

export type CollabDocumentName =
  | { type: "exception"; name: string; indicatorId: string; period: string }
  | { type: "meeting"; name: string; meetingId: string }
  | { type: "report"; name: string; reportId: string };

/** Longer than any valid name; anything longer is refused before a regular expression runs. */
export const MAX_DOCUMENT_NAME_LENGTH = 64;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const PERIOD = "\\d{4}-(?:0[1-9]|1[0-2])";
const EXCEPTION_NAME = new RegExp(`^exception:(${UUID}):(${PERIOD})$`);
const MEETING_NAME = new RegExp(`^meeting:(${UUID})$`);
const REPORT_NAME = new RegExp(`^report:(${UUID})$`);

/** The typed document a name stands for, or null when the name is unknown or malformed. */
export function parseDocumentName(name: string): CollabDocumentName | null {
  if (typeof name !== "string" || name.length > MAX_DOCUMENT_NAME_LENGTH) return null;
  let match = EXCEPTION_NAME.exec(name);
  if (match) return { type: "exception", name, indicatorId: match[1], period: match[2] };
  match = MEETING_NAME.exec(name);
  if (match) return { type: "meeting", name, meetingId: match[1] };
  match = REPORT_NAME.exec(name);
  if (match) return { type: "report", name, reportId: match[1] };
  return null;
}

export function exceptionDocumentName(indicatorId: string, period: string): string {
  return checked(`exception:${indicatorId.toLowerCase()}:${period}`);
}

export function meetingDocumentName(meetingId: string): string {
  return checked(`meeting:${meetingId.toLowerCase()}`);
}

export function reportDocumentName(reportId: string): string {
  return checked(`report:${reportId.toLowerCase()}`);
}

function checked(name: string): string {
  if (!parseDocumentName(name)) throw new Error(`Not a valid shared document name: ${name}`);
  return name;
}

/** For request bodies and query strings: a valid name, parsed. */
export const collabDocumentNameSchema = z
  .string()
  .max(MAX_DOCUMENT_NAME_LENGTH, "Not a shared document name")
  .transform((value, ctx) => {
    const parsed = parseDocumentName(value);
    if (!parsed) {
      ctx.addIssue({
        code: "custom",
        message: "Not a shared document name: use exception:<indicator id>:<YYYY-MM>, meeting:<id> or report:<id>",
      });
      return z.NEVER;
    }
    return parsed;
  });
