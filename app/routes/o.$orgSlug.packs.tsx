import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptySection } from "~/components/empty-section";
import { requireOrgMember } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Packs – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, context, params.orgSlug);
  return null;
}

export default function PacksPage() {
  return <EmptySection title="Packs">No packs have been published yet. Agenda packs and minuted packs will be listed here with their versions.</EmptySection>;
}
