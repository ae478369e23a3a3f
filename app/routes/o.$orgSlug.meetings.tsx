import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EmptySection } from "~/components/empty-section";
import { requireOrgMember } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Meetings – Minuted" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireOrgMember(request, context, params.orgSlug);
  return null;
}

export default function MeetingsPage() {
  return <EmptySection title="Meetings">No meetings have been set up yet. Committees, area panels and clinics will be listed here with their agendas and minutes.</EmptySection>;
}
