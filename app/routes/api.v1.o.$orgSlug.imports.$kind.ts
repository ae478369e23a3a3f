import type { ActionFunctionArgs } from "@remix-run/node";
import { requireApiPrincipal } from "~/utils/auth.server";
import { readBodyBytes } from "~/utils/request-body.server";
import { importFile } from "../../server/commands/import-committer";
import { IMPORT_BODY_LIMIT } from "../../server/http/body-limits";
import { IMPORTS_BUSY_MESSAGE, IMPORTS_BUSY_RETRY_SECONDS } from "../../server/imports/import-threads";
import { IMPORT_KINDS } from "../../server/imports/parse-import";
import { IMPORT_FILENAME_MAX } from "../../server/imports/import-limits";
import { formatProblem } from "../../server/imports/problems";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

export const loader = () => Response.json({ error: "Send the file with POST" }, { status: 405 });

/**
 * POST /api/v1/o/:orgSlug/imports/{indicators|targets|benchmarks|actuals|actuals-wide|areas}
 * with the CSV (or XLSX) file as the body. All or nothing: 200 with the summary, or
 * 422 with every problem by line and column and nothing changed.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { principal, org, actor } = await requireApiPrincipal(request, context, params.orgSlug);
  const kind = IMPORT_KINDS.find((k) => k === params.kind);
  if (!kind)
    return Response.json({ error: `Unknown import “${params.kind}”: use one of ${IMPORT_KINDS.join(", ")}` }, { status: 404 });
  if (!performanceDataPolicy.importData(principal, org))
    return Response.json({ error: "Only administrators and API tokens may import" }, { status: 403 });
  // Counted while reading, chunked bodies too: 413 past the importer's limit.
  const bytes = await readBodyBytes(request, IMPORT_BODY_LIMIT, { format: "json", what: "The file" });
  // The name becomes the reason in the figures' and targets' history: the import page's limit holds here too.
  const filename = request.headers.get("X-Filename")?.trim() || `${kind}.csv (API)`;
  if (filename.length > IMPORT_FILENAME_MAX)
    return Response.json(
      { error: `The file name (X-Filename) must be at most ${IMPORT_FILENAME_MAX} characters; nothing was imported` },
      { status: 400 },
    );
  const outcome = await importFile(context.services.db, {
    organisationId: org.id,
    kind,
    bytes,
    filename,
    actor,
    threads: context.services.importThreads,
  });
  if (!outcome.ok && outcome.busy) {
    return Response.json(
      { error: IMPORTS_BUSY_MESSAGE },
      { status: 503, headers: { "Retry-After": String(IMPORTS_BUSY_RETRY_SECONDS) } },
    );
  }
  if (!outcome.ok) {
    return Response.json(
      {
        error: "The file was not imported: nothing has changed. Fix these problems and send it again.",
        problems: outcome.problems.map((p) => ({ ...p, text: formatProblem(p) })),
        notices: outcome.notices,
      },
      { status: 422 },
    );
  }
  if (outcome.changedIndicatorCodes.length) {
    context.services.live.figuresChanged(org.id, {
      indicatorCodes: outcome.changedIndicatorCodes,
      periods: outcome.changedPeriods,
      reason: "import",
    });
  }
  return Response.json({ summary: outcome.summary, notices: outcome.notices });
}
