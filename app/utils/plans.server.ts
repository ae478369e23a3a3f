import { notFound } from "~/utils/auth.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the URL, or 404: a malformed id is "not found", as another organisation's is. */
export function idParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw notFound();
  return value;
}
