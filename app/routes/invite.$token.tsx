import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { StandalonePage } from "~/components/standalone-page";
import { Form, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { SetPasswordPage } from "~/components/set-password-page";
import { ErrorSummary } from "~/components/ui/form-fields";
import { loadInvitation, redeemOneTimeLink } from "~/utils/one-time-link.server";

export const meta: MetaFunction = () => [{ title: "Accept your invitation – Minuted" }];

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadInvitation(request, context, params.token);
export const action = ({ request, context, params }: ActionFunctionArgs) => redeemOneTimeLink(request, context, params.token);

export default function AcceptInvitation() {
  const { invitation, signedInAs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "fieldErrors" in result ? (result.fieldErrors as Record<string, string>) : undefined;
  if (!invitation?.needsSignIn) {
    return (
      <SetPasswordPage
        title="Accept your invitation"
        intro={`You have been invited to ${invitation?.organisationName ?? "Minuted"}. Choose a password to create your account.`}
        askName
        email={invitation?.email ?? null}
        errors={errors}
      />
    );
  }
  return <ExistingAccountInvitation invitation={invitation} signedInAs={signedInAs} errors={errors} />;
}

/** An address that already has an account: the person proves it is theirs by signing in, then accepts. */
function ExistingAccountInvitation({
  invitation,
  signedInAs,
  errors,
}: {
  invitation: { email: string; organisationName: string };
  signedInAs: string | null;
  errors?: Record<string, string>;
}) {
  const { token } = useParams();
  const here = `/invite/${token ?? ""}`;
  const isThem = signedInAs?.toLowerCase() === invitation.email.toLowerCase();
  return (
    <StandalonePage>
      <ErrorSummary errors={errors} />
      <h1>Accept your invitation</h1>
      <p className="lede">
        You have been invited to join {invitation.organisationName} as <strong>{invitation.email}</strong>, which already has a
        Minuted account.
      </p>
      {isThem ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <button className="button" type="submit">
            Join {invitation.organisationName}
          </button>
        </Form>
      ) : signedInAs ? (
        <>
          <p>
            You are signed in as <strong>{signedInAs}</strong>. Sign out, then sign in as {invitation.email} and come back to this
            link to accept.
          </p>
          <Form method="post" action="/sign-out">
            <button className="button button--secondary" type="submit">
              Sign out
            </button>
          </Form>
        </>
      ) : (
        <p>
          <a className="button" href={`/sign-in?redirectTo=${encodeURIComponent(here)}`}>
            Sign in as {invitation.email} to accept
          </a>
        </p>
      )}
    </StandalonePage>
  );
}
