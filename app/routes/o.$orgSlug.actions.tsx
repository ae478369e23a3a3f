import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptySection } from "~/components/empty-section";
import { requireOrgMember } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Actions – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, context, params.orgSlug);
  return null;
}

export default function ActionsPage() {
  return <EmptySection title="Actions">No actions have been agreed yet. Actions agreed in meetings are carried forward here until each one closes.</EmptySection>;
}
