import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireApiPrincipal } from "~/utils/auth.server";
import { packPolicy } from "../../server/policies/pack-policy";
import { verifyPackVersion } from "../../server/packs/verify-pack";

const paramsSchema = z.object({ packId: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });

/**
 * GET /api/v1/o/:orgSlug/packs/:packId/versions/:n/verify: recomputes the SHA-256 of
 * every stored artefact of the version (canonical JSON, web page, PDF, the public
 * copies), its link to the version before, and the hash the chair signed if these are
 * approved minutes; answers each as `{ name, recordedSha256, computedSha256, matches }`
 * and `matches` true only when all of them do.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { principal, org } = await requireApiPrincipal(request, context, params.orgSlug);
  if (!packPolicy.view(principal, { organisationId: org.id })) return Response.json({ error: "Forbidden" }, { status: 403 });
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return Response.json({ error: "Not found" }, { status: 404 });
  const result = await verifyPackVersion(context.services.db, org.id, parsed.data.packId, parsed.data.version);
  if (!result) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json({
    organisation: org.slug,
    ...result,
    algorithm: "SHA-256 (of the RFC 8785 canonical JSON for the version hash)",
  });
}
