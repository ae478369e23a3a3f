import { DEFAULT_MAX_BYTES, formatSize } from "../imports/decode-text";

/*
 * How much a request body may hold, by what it carries. Every action reads its body
 * through app/utils/request-body.server.ts with one of these, counting bytes as they
 * arrive; the HTTP server refuses a declared Content-Length above the largest before
 * the application runs.
 */

/** A form or small JSON request: sign-in, invitations, every page's form. */
export const FORM_BODY_LIMIT = 64 * 1024;

/** An import file sent as the body of the import API (the importer's own limit). */
export const IMPORT_BODY_LIMIT = DEFAULT_MAX_BYTES;

/**
 * The import page's forms: the file as multipart, then the checked file again as base64
 * (four bytes for every three) in the confirming form, with the form's other fields.
 */
export const IMPORT_FORM_LIMIT = Math.ceil(IMPORT_BODY_LIMIT / 3) * 4 + FORM_BODY_LIMIT;

/** No request body is larger than this, whatever the route. */
export const LARGEST_BODY_LIMIT = Math.max(FORM_BODY_LIMIT, IMPORT_BODY_LIMIT, IMPORT_FORM_LIMIT);

/** The answer's wording: "larger than the 64 KB limit". */
export const tooLargeMessage = (limit: number, what = "What was sent") =>
  `${what} is larger than the ${formatSize(limit)} limit, so it was not read.`;
