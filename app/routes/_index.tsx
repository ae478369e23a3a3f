import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser, homePath } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request, context);
  throw redirect(user ? await homePath(context, user.id) : "/sign-in");
}
