import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { StandalonePage } from "~/components/standalone-page";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { listMembershipsOfUser } from "../../db/queries/users";
import { enteredPasswordSchema, passwordSchema } from "../../server/auth/passwords";
import { readSessionToken } from "../../server/auth/session-cookie";
import { CommandError } from "../../server/commands/errors";
import { changePassword } from "../../server/commands/password-changer";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your account – Minuted" }];

const changePasswordSchema = z
  .object({ current: enteredPasswordSchema("Enter your current password"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The new passwords do not match", path: ["confirm"] });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const organisations = await listMembershipsOfUser(context.services.db, user.id);
  return { user, organisations };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = parseForm(changePasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, changed: false }, { status: 400 });
  const { db, signInLimiter, config } = context.services;
  // Guessing the current password from a stolen session counts like guessing it at sign-in.
  const wait = await signInLimiter.minutesToWait(user.email, context.clientAddress);
  if (wait > 0) {
    const form = `Too many wrong passwords. Wait ${wait} minute${wait === 1 ? "" : "s"} and try again.`;
    return data({ fieldErrors: { current: form }, changed: false }, { status: 429 });
  }
  try {
    await changePassword(db, {
      userId: user.id,
      current: parsed.data.current,
      password: parsed.data.password,
      keepSessionToken: await readSessionToken(config.sessionSecret, request.headers.get("Cookie")),
    });
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    if (error.field === "current") await signInLimiter.recordFailure(user.email, context.clientAddress);
    return data({ fieldErrors: { [error.field ?? "form"]: error.message }, changed: false }, { status: 400 });
  }
  // The other sessions are gone from the database: their live connections end too, on every instance.
  await context.services.liveSessions.userSessionsEnded(user.id);
  await signInLimiter.recordSuccess(user.email, context.clientAddress);
  return { fieldErrors: {}, changed: true };
}

export default function Account() {
  const { user, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors as Record<string, string> | undefined;
  return (
    <StandalonePage width="40rem">
      <ErrorSummary errors={errors} />
      {result?.changed ? (
        <div className="notification notification--success" role="status">
          Your password has been changed. You have been signed out everywhere else.
        </div>
      ) : null}
      <h1>Your account</h1>
      <p>
        {user.name} ({user.email})
      </p>
      <h2>Your organisations</h2>
      {organisations.length ? (
        <ul>
          {organisations.map((o) => (
            <li key={o.slug}>
              <Link to={`/o/${o.slug}`}>{o.name}</Link> ({o.role})
            </li>
          ))}
        </ul>
      ) : (
        <p>You do not belong to any organisation yet.</p>
      )}
      <h2>Change your password</h2>
      <Form method="post" noValidate>
        <TextField
          name="current"
          type="password"
          label="Current password"
          autoComplete="current-password"
          error={errors?.current}
        />
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
          label="Confirm the new password"
          autoComplete="new-password"
          error={errors?.confirm}
        />
        <button className="button" type="submit">
          Change password
        </button>
      </Form>
      <Form method="post" action="/sign-out" style={{ marginTop: "2rem" }}>
        <button className="button button--secondary" type="submit">
          Sign out
        </button>
      </Form>
    </StandalonePage>
  );
}
