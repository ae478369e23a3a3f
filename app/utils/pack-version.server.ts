import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authorizeOr403, notFound, requireOrgMember } from "./auth.server";
import { findPack, findPackVersion } from "../../db/queries/packs";
import { authorize } from "../../server/policies/authorize";
import { packPolicy } from "../../server/policies/pack-policy";

const paramsSchema = z.object({ packId: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });

/** The pack version of the URL in the person's organisation; 404 for anything else. */
export async function requirePackVersion(args: LoaderFunctionArgs) {
  const { user, org, principal } = await requireOrgMember(args.request, args.context, args.params.orgSlug);
  const parsed = paramsSchema.safeParse(args.params);
  if (!parsed.success) throw notFound();
  const { db } = args.context.services;
  const found = await findPack(db, org.id, parsed.data.packId);
  if (!found) throw notFound();
  authorizeOr403(() => authorize(packPolicy.view(principal, found.pack)));
  const version = await findPackVersion(db, org.id, found.pack.id, parsed.data.version);
  if (!version) throw notFound();
  const day = found.meeting.startsAt.toISOString().slice(0, 10);
  const fileStem = `${org.slug}-${found.bodyName}-${day}-${found.pack.kind}-v${version.version}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-");
  return { user, org, principal, pack: found.pack, meeting: found.meeting, bodyName: found.bodyName, version, fileStem };
}

/** A stored file as it is: never changes, so it may be cached; never sniffed into something else. */
export function downloadResponse(bytes: Uint8Array, contentType: string, filename: string): Response {
  // A copy typed as backed by an ArrayBuffer, which is what a Response body accepts.
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `inline; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, max-age=31536000, immutable",
      // A stored web page runs no scripts and fetches nothing.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  });
}
