import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password-page";
import { loadOneTimeLink, redeemOneTimeLink } from "~/utils/one-time-link.server";

export const meta: MetaFunction = () => [{ title: "Set a new password – Minuted" }];

export const loader = ({ context, params }: LoaderFunctionArgs) => loadOneTimeLink(context, params.token, "password_reset");
export const action = ({ request, context, params }: ActionFunctionArgs) => redeemOneTimeLink(request, context, params.token);

export default function ResetPassword() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      title="Set a new password"
      intro="Choose a new password. You will be signed out everywhere else."
      askName={false}
      email={email}
      errors={result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : undefined}
    />
  );
}
