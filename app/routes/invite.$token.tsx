import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password-page";
import { loadOneTimeLink, redeemOneTimeLink } from "~/utils/one-time-link.server";

export const meta: MetaFunction = () => [{ title: "Accept your invitation – Minuted" }];

export const loader = ({ context, params }: LoaderFunctionArgs) => loadOneTimeLink(context, params.token, "invitation");
export const action = ({ request, context, params }: ActionFunctionArgs) => redeemOneTimeLink(request, context, params.token);

export default function AcceptInvitation() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SetPasswordPage
      title="Accept your invitation"
      intro="You have been invited to Minuted. Choose a password to create your account."
      askName
      email={email}
      errors={result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : undefined}
    />
  );
}
