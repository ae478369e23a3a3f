import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { typedText } from "../shared/typed-text";
import { passwordSchema } from "../../server/auth/passwords";
import { CommandError } from "../../server/commands/errors";
import { acceptInvitation, describeInvitation, findUsableLink, redeemLink } from "../../server/commands/one-time-links";
import { getSessionUser, requireUser, signInAndRedirect } from "./auth.server";
import { parseForm } from "./forms";
import { readFormData } from "./request-body.server";

const setPasswordSchema = z
  .object({ name: typedText().trim().max(120).optional(), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match", path: ["confirm"] });

export async function loadOneTimeLink(context: AppLoadContext, token: string | undefined, kind: "invitation" | "password_reset") {
  const link = token ? await findUsableLink(context.services.db, token) : null;
  return { email: link && link.kind === kind ? link.email : null };
}

/**
 * The invitation page: a new address chooses a password; an existing account signs in with
 * its own password and then accepts, so the link alone never opens an account.
 */
export async function loadInvitation(request: Request, context: AppLoadContext, token: string | undefined) {
  const invitation = token ? await describeInvitation(context.services.db, token) : null;
  if (!invitation) return { invitation: null, signedInAs: null };
  const user = invitation.needsSignIn ? await getSessionUser(request, context) : null;
  return { invitation, signedInAs: user?.email ?? null };
}

const commandErrorAnswer = (error: unknown) => {
  if (error instanceof CommandError) return data({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
  throw error;
};

export async function redeemOneTimeLink(request: Request, context: AppLoadContext, token: string | undefined) {
  const formData = await readFormData(request);
  if (formData.get("intent") === "accept") return acceptAsSignedInUser(request, context, token ?? "");
  const parsed = parseForm(setPasswordSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  try {
    const { userId, organisationId } = await redeemLink(context.services.db, { token: token ?? "", ...parsed.data });
    // A reset deleted the person's sessions: their open live connections end too, on every instance.
    await context.services.liveSessions.userSessionsEnded(userId);
    return signInAndRedirect(request, context, userId, organisationId ? null : "/");
  } catch (error) {
    return commandErrorAnswer(error);
  }
}

async function acceptAsSignedInUser(request: Request, context: AppLoadContext, token: string) {
  const user = await requireUser(request, context);
  try {
    const { organisationSlug } = await acceptInvitation(context.services.db, { token, userId: user.id });
    return redirect(`/o/${organisationSlug}`);
  } catch (error) {
    // Signed in as someone else, or the link is spent: refused, and nothing changes.
    if (error instanceof CommandError) return data({ fieldErrors: { form: error.message } }, { status: 403 });
    throw error;
  }
}
