import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { passwordSchema } from "../../server/auth/passwords";
import { CommandError } from "../../server/commands/errors";
import { findUsableLink, redeemLink } from "../../server/commands/one-time-links";
import { signInAndRedirect } from "./auth.server";
import { parseForm } from "./forms";

const setPasswordSchema = z
  .object({ name: z.string().trim().max(120).optional(), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match", path: ["confirm"] });

export async function loadOneTimeLink(context: AppLoadContext, token: string | undefined, kind: "invitation" | "password_reset") {
  const link = token ? await findUsableLink(context.services.db, token) : null;
  return { email: link && link.kind === kind ? link.email : null };
}

export async function redeemOneTimeLink(request: Request, context: AppLoadContext, token: string | undefined) {
  const parsed = parseForm(setPasswordSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  try {
    const { userId, organisationId } = await redeemLink(context.services.db, { token: token ?? "", ...parsed.data });
    // A reset deleted the person's sessions: their open live connections end too, on every instance.
    await context.services.liveSessions.userSessionsEnded(userId);
    return signInAndRedirect(request, context, userId, organisationId ? null : "/");
  } catch (error) {
    if (error instanceof CommandError) return data({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    throw error;
  }
}
