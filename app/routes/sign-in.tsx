import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { StandalonePage } from "~/components/standalone-page";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/ui/form-fields";
import { getSessionUser, homePath, signInAndRedirect } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { findUserByEmail } from "../../db/queries/users";
import { enteredPasswordSchema, verifyPassword } from "../../server/auth/passwords";
import { recordAudit } from "../../server/audit";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Minuted" }];

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter an email address like name@example.org"),
  password: enteredPasswordSchema("Enter your password"),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request, context);
  if (user) throw redirect(await homePath(context, user.id));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(signInSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const { signInLimiter, db } = context.services;
  const wait = await signInLimiter.minutesToWait(email, context.clientAddress);
  if (wait > 0) {
    return data(
      {
        fieldErrors: {
          form: `Too many failed attempts to sign in. Wait ${wait} minute${wait === 1 ? "" : "s"} and try again, or ask an administrator for a password reset link.`,
        },
      },
      { status: 429 },
    );
  }
  const user = await findUserByEmail(db, email);
  if (!(await verifyPassword(user?.passwordHash ?? null, password)) || !user) {
    await signInLimiter.recordFailure(email, context.clientAddress);
    return data({ fieldErrors: { email: "The email address or password is not right" } }, { status: 400 });
  }
  await signInLimiter.recordSuccess(email, context.clientAddress);
  await recordAudit(db, {
    organisationId: null,
    actor: { userId: user.id, label: user.email },
    action: "session.sign_in",
    subjectType: "user",
    subjectId: user.id,
  });
  return signInAndRedirect(request, context, user.id, redirectTo ?? null);
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const errors = actionData?.fieldErrors as Record<string, string> | undefined;
  return (
    <StandalonePage>
      <ErrorSummary errors={errors} />
      <h1>Sign in to Minuted</h1>
      <p className="lede">Performance scorecards, meetings and minuted packs for your housing organisation.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          spellCheck={false}
          error={errors?.email}
        />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" error={errors?.password} />
        <button className="button" type="submit" disabled={navigation.state === "submitting"}>
          Sign in
        </button>
      </Form>
      <p className="hint">Forgotten your password? Ask an administrator in your organisation for a reset link.</p>
    </StandalonePage>
  );
}
