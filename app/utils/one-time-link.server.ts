import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { typedText } from "../shared/typed-text";
import { passwordSchema } from "../../server/auth/passwords";
import { CommandError } from "../../server/commands/errors";
import { findUsableLink, redeemLink } from "../../server/commands/one-time-links";
import { signInAndRedirect } from "./auth.server";
import { parseForm } from "./forms";
import { readFormData } from "./request-body.server";

const setPasswordSchema = z
  .object({ name: typedText().trim().max(120).optional(), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The passwords do not match", path: ["confirm"] });

export async function loadOneTimeLink(context: AppLoadContext, token: string | undefined, kind: "invitation" | "password_reset") {
  const link = token ? await findUsableLink(context.services.db, token) : null;
  return { email: link && link.kind === kind ? link.email : null };
}

export async function redeemOneTimeLink(request: Request, context: AppLoadContext, token: string | undefined) {
  const parsed = parseForm(setPasswordSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  try {
    const { userId, organisationId } = await redeemLink(context.services.db, { token: token ?? "", ...parsed.data });
    return signInAndRedirect(request, context, userId, organisationId ? null : "/");
  } catch (error) {
    if (error instanceof CommandError) return data({ fieldErrors: { [error.field ?? "form"]: error.message } }, { status: 400 });
    throw error;
  }
}
