import { z } from "zod";
import type { Database } from "../../db/client";
import type { PublicVersionQuery } from "../../db/queries/public-packs";
import { requirePublicOrganisation } from "./public-data.server";

/*
 * The two responses of a published pack version, its public web page and its public
 * PDF: the same checks (the organisation by slug, the pack id and version number,
 * "is it public?") and the same headers for content that never changes.
 */

const paramsSchema = z.object({
  orgSlug: z.string().min(1).max(60),
  packId: z.string().uuid(),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** A 404 that is not cached: the pack may be published later. */
export function notPublic(): Response {
  return new Response("Page not found: this pack has not been published.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export async function publicVersionQuery(
  db: Database,
  params: Record<string, string | undefined>,
): Promise<{ org: { slug: string }; query: PublicVersionQuery } | null> {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return null;
  const org = await requirePublicOrganisation(db, parsed.data.orgSlug).catch(() => null);
  if (!org) return null;
  return { org, query: { organisationId: org.id, packId: parsed.data.packId, version: parsed.data.version } };
}

/** A frozen version is never changed (the database refuses to): cache it for a year, name it by its hash. */
export function immutableHeaders(publicSha256: string): Record<string, string> {
  return {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: `"${publicSha256}"`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/** True when the browser already holds this version (If-None-Match with its hash). */
export function alreadyHeld(request: Request, publicSha256: string): boolean {
  const tags = request.headers.get("If-None-Match");
  if (!tags) return false;
  return tags.split(",").some((tag) => tag.trim().replace(/^W\//, "") === `"${publicSha256}"`);
}

/** "northfield-performance-committee-2026-11-23-agenda-pack-v2.pdf" */
export function pdfFilename(
  orgSlug: string,
  pack: { kind: "agenda" | "minutes"; meetingTitle: string; meetingStartsAt: Date; version: number },
): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60);
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(pack.meetingStartsAt);
  const what = pack.kind === "agenda" ? "agenda-pack" : "minutes";
  return [slug(orgSlug), slug(pack.meetingTitle), day, what, `v${pack.version}`].filter(Boolean).join("-") + ".pdf";
}
