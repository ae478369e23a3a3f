import { Form } from "@remix-run/react";
import { StandalonePage } from "./standalone-page";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";

/** The page behind a one-time link: an invitation (with a name) or a password reset. */
export function SetPasswordPage({
  title,
  intro,
  askName,
  email,
  errors,
}: {
  title: string;
  intro: string;
  askName: boolean;
  email: string | null;
  errors?: Record<string, string>;
}) {
  return (
    <StandalonePage>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      {email ? (
        <p className="lede">{intro}</p>
      ) : (
        <p>This link has expired or has already been used. Ask an administrator in your organisation for a new one.</p>
      )}
      {email ? (
        <Form method="post" noValidate>
          <p>
            Email address: <strong>{email}</strong>
          </p>
          {askName ? <TextField name="name" label="Your name" autoComplete="name" error={errors?.name} /> : null}
          <TextField
            name="password"
            type="password"
            label="New password"
            hint="At least 10 characters"
            autoComplete="new-password"
            error={errors?.password}
          />
          <TextField
            name="confirm"
            type="password"
            label="Confirm the password"
            autoComplete="new-password"
            error={errors?.confirm}
          />
          <button className="button" type="submit">
            {askName ? "Create account and sign in" : "Set password and sign in"}
          </button>
        </Form>
      ) : null}
    </StandalonePage>
  );
}
