import type { ActionFunctionArgs } from "@remix-run/node";
import { collabServerUrl, collabTokenRequestSchema, issueCollabToken } from "../../server/realtime/yjs/collab-token-issuer";
import { processResolvers } from "../../server/realtime/yjs/document-resolvers";
import { requireApiPrincipal } from "../utils/auth.server";
import { readJson } from "../utils/request-body.server";

const noStore = { "Cache-Control": "no-store" };

export function loader() {
  return Response.json({ error: 'Use POST with {"document": "..."}' }, { status: 405, headers: { Allow: "POST" } });
}

/**
 * POST /api/v1/o/:orgSlug/collab-tokens  {"document": "exception:<id>:2025-04", "access"?: "read" | "write"}
 * For a signed-in person or an organisation API token: a five-minute token that opens
 * that one document at that level, `?token=` on ws://host/collab/<document>.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const { principal } = await requireApiPrincipal(request, context, params.orgSlug);
  const body = await readJson(request);
  const parsed = collabTokenRequestSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json(
      { error: 'Send JSON {"document": "...", "access": "read" | "write"}', issues: parsed.error.issues.map((i) => i.message) },
      { status: 400 },
    );
  }
  const { services } = context;
  const outcome = await issueCollabToken(
    { db: services.db, sessionSecret: services.config.sessionSecret, resolvers: processResolvers },
    principal,
    parsed.data,
  );
  if (!outcome.ok) return Response.json({ error: outcome.error }, { status: outcome.status, headers: noStore });
  return Response.json(
    {
      token: outcome.token,
      expiresAt: outcome.expiresAt.toISOString(),
      document: outcome.document,
      access: outcome.access,
      serverUrl: collabServerUrl(services.config.publicUrl, request),
    },
    { status: 201, headers: noStore },
  );
}
