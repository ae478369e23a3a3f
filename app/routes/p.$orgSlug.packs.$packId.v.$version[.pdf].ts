// The public PDF of one published pack version: the stored public copy, exempt items
// replaced by their notice, byte for byte as it was frozen.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findPublicPackPdf } from "../../db/queries/public-packs";
import { alreadyHeld, immutableHeaders, notPublic, pdfFilename, publicVersionQuery } from "~/utils/public-pack-response.server";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { db } = context.services;
  const found = await publicVersionQuery(db, params);
  if (!found) return notPublic();
  const version = await findPublicPackPdf(db, found.query);
  if (!version) return notPublic();
  const headers = {
    ...immutableHeaders(version.publicSha256),
    "Content-Type": "application/pdf",
    "Content-Disposition": `inline; filename="${pdfFilename(found.org.slug, version)}"`,
  };
  if (alreadyHeld(request, version.publicSha256)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(version.publicPdf), {
    status: 200,
    headers: { ...headers, "Content-Length": String(version.publicPdf.byteLength) },
  });
}
