import { FORM_BODY_LIMIT, tooLargeMessage } from "../../server/http/body-limits";

/*
 * The only way an action reads its request body. `request.formData()`, `.json()` and
 * `.arrayBuffer()` buffer whatever arrives, however large and before anyone has signed
 * in; these count the bytes as they come off the stream and stop reading past the limit,
 * so an oversized body (declared or chunked) costs at most the limit in memory.
 */

type Format = "text" | "json";
type ReadOptions = { format?: Format; what?: string };

function tooLarge(limit: number, format: Format, what?: string): Response {
  const message = tooLargeMessage(limit, what);
  // The rest of the body is never read: the connection is closed once this is answered.
  const headers = { Connection: "close" };
  return format === "json"
    ? Response.json({ error: message }, { status: 413, headers })
    : new Response(message, { status: 413, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

function badRequest(message: string, format: Format): Response {
  return format === "json"
    ? Response.json({ error: message }, { status: 400 })
    : new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The body's bytes, at most `limit` of them. Throws a 413 Response (to return or let
 * Remix answer with) when Content-Length says more, or as soon as more has arrived; the
 * stream is not read further.
 */
export async function readBodyBytes(
  request: Request,
  limit: number,
  { format = "text", what }: ReadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit, format, what);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      // Not cancelled: cancelling destroys the connection before the 413 can be sent.
      // Left unread, the sender is held back by TCP until the answer closes it.
      if (total > limit) throw tooLarge(limit, format, what);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    // The sender went away mid-body: nobody is left to answer.
    throw badRequest("The request body could not be read.", format);
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A form (urlencoded or multipart) of at most `limit` bytes; 413 past it, 400 when it is not a form. */
export async function readFormData(request: Request, limit: number = FORM_BODY_LIMIT): Promise<FormData> {
  const bytes = await readBodyBytes(request, limit, { what: "The form" });
  const contentType = request.headers.get("Content-Type") ?? "";
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: "POST",
      headers: { "Content-Type": contentType },
      body: bytes,
    }).formData();
  } catch {
    throw badRequest("The form could not be read.", "text");
  }
  for (const value of form.values()) {
    // PostgreSQL text cannot hold NUL: refused here rather than failing in a query.
    if (typeof value === "string" && value.includes("\u0000")) throw badRequest("The form holds a NUL character.", "text");
  }
  return form;
}

/**
 * A JSON body of at most `limit` bytes; 413 past it; null when it is not JSON; undefined
 * when there is no body at all (for routes whose body is optional).
 */
export async function readJson(request: Request, limit: number = FORM_BODY_LIMIT): Promise<unknown> {
  const bytes = await readBodyBytes(request, limit, { format: "json" });
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
