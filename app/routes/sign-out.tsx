import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";

export const loader = () => redirect("/");

export async function action({ request, context }: ActionFunctionArgs) {
  return signOut(request, context);
}
