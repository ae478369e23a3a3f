import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeOr403, requireOrgMember } from "~/utils/auth.server";
import { listIndicatorLibrary } from "../../db/queries/indicator-library";
import { contentDisposition } from "../../server/http/content-disposition";
import { indicatorLibraryCsv } from "../../server/imports/indicator-library-csv";
import { authorize } from "../../server/policies/authorize";
import { performanceDataPolicy } from "../../server/policies/performance-data-policy";

/** The indicator library in the import's layout, retired indicators included (active "no"): admins. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, principal } = await requireOrgMember(request, context, params.orgSlug);
  authorizeOr403(() => authorize(performanceDataPolicy.manageLibrary(principal, org)));
  const library = await listIndicatorLibrary(context.services.db, org.id);
  return new Response(indicatorLibraryCsv(library), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `indicators-${org.slug}.csv`),
    },
  });
}
