import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { findUserByEmail, listMembershipsOfUser } from "../../db/queries/users";
import { users } from "../../db/schema/identity";
import { recordAudit } from "../../server/audit";
import { hashPassword, passwordSchema, verifyPassword } from "../../server/auth/passwords";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your account – Minuted" }];

const changePasswordSchema = z
  .object({ current: z.string().min(1, "Enter your current password"), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The new passwords do not match", path: ["confirm"] });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const organisations = await listMembershipsOfUser(context.services.db, user.id);
  return { user, organisations };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionUser = await requireUser(request, context);
  const parsed = parseForm(changePasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, changed: false }, { status: 400 });
  const { db } = context.services;
  const user = await findUserByEmail(db, sessionUser.email);
  if (!user || !(await verifyPassword(user.passwordHash, parsed.data.current))) {
    return data({ fieldErrors: { current: "Your current password is not right" }, changed: false }, { status: 400 });
  }
  const passwordHash = await hashPassword(parsed.data.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      organisationId: null,
      actor: { userId: user.id, label: user.email },
      action: "user.change_password",
      subjectType: "user",
      subjectId: user.id,
    });
  });
  return { fieldErrors: {}, changed: true };
}

export default function Account() {
  const { user, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors as Record<string, string> | undefined;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <a href="/" className="header__service">
            Minuted
          </a>
        </div>
      </header>
      <main id="main" className="container">
        <div style={{ maxWidth: "40rem" }}>
          <ErrorSummary errors={errors} />
          {result?.changed ? (
            <div className="notification notification--success" role="status">
              Your password has been changed.
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
        </div>
      </main>
    </>
  );
}
