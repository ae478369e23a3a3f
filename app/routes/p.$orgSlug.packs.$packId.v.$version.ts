// The public web page of one published pack version: the stored public copy (exempt
// items already replaced by their notice), served whole, as it was frozen. It is a
// complete, self-contained document, so it is sent as it is under a strict
// Content-Security-Policy (no script, no outside resource) rather than placed inside
// this application's layout: the published bytes stay the bytes that were frozen.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicPackHtml } from "../../db/queries/public-packs";
import { alreadyHeld, immutableHeaders, notPublic, publicVersionQuery } from "~/utils/public-pack-response.server";

const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { db } = context.services;
  const found = await publicVersionQuery(db, params);
  if (!found) return notPublic();
  const version = await findPublicPackHtml(db, found.query);
  if (!version) return notPublic();
  const headers = {
    ...immutableHeaders(version.publicSha256),
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
  };
  if (alreadyHeld(request, version.publicSha256)) return new Response(null, { status: 304, headers });
  return new Response(version.publicHtml, { status: 200, headers });
}
