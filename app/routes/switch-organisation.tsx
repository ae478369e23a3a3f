import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireOrgMember } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to") ?? undefined;
  const { org } = await requireOrgMember(request, context, to);
  throw redirect(`/o/${org.slug}`);
}
