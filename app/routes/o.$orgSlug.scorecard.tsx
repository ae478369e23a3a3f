import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptySection } from "~/components/empty-section";
import { requireOrgMember } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Scorecard – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, context, params.orgSlug);
  return null;
}

export default function ScorecardPage() {
  return <EmptySection title="Scorecard">No indicators yet.</EmptySection>;
}
