import { redirect, type AppLoadContext } from "@remix-run/node";
import { findMembership, listMembershipsOfUser } from "../../db/queries/users";
import { isSecureRequest, readSessionToken, sessionCookie } from "../../server/auth/session-cookie";
import { createSession, deleteSession, findSessionUser, sessionIdOf, type SessionUser } from "../../server/auth/sessions";
import { findApiTokenOrganisation } from "../../server/commands/api-token-creator";
import { ForbiddenError } from "../../server/policies/authorize";
import { userPrincipal, type Principal } from "../../server/policies/principal";
import { safeRedirectTarget } from "./safe-redirect";

export async function getSessionUser(request: Request, context: AppLoadContext): Promise<SessionUser | null> {
  const token = await readSessionToken(context.services.config.sessionSecret, request.headers.get("Cookie"));
  return token ? findSessionUser(context.services.db, token) : null;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getSessionUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export const notFound = () => new Response("Not found", { status: 404 });

/**
 * The signed-in person's membership of the organisation in the URL. Anyone else gets
 * 404, not 403, so the existence of other organisations is not disclosed.
 */
export async function requireOrgMember(request: Request, context: AppLoadContext, orgSlug: string | undefined) {
  const user = await requireUser(request, context);
  const membership = orgSlug ? await findMembership(context.services.db, user.id, orgSlug) : null;
  if (!membership) throw notFound();
  const principal = userPrincipal(user.id, membership);
  return { user, org: membership, principal };
}

/**
 * For API routes: an organisation API token (Authorization: Bearer ...) or a session.
 * Answers 401 with no identity, 404 for another organisation's path.
 */
export async function requireApiPrincipal(request: Request, context: AppLoadContext, orgSlug: string | undefined) {
  const header = request.headers.get("Authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match ? await findApiTokenOrganisation(context.services.db, match[1]) : null;
    if (!token) throw Response.json({ error: "The API token is not valid" }, { status: 401 });
    if (token.slug !== orgSlug) throw Response.json({ error: "Not found" }, { status: 404 });
    const principal: Principal = { kind: "api-token", tokenId: token.tokenId, organisationId: token.organisationId };
    return {
      principal,
      org: { id: token.organisationId, slug: token.slug },
      actor: { userId: null, label: `API token “${token.tokenName}”` },
    };
  }
  const user = await getSessionUser(request, context);
  if (!user) throw Response.json({ error: "Sign in or send an API token (Authorization: Bearer ...)" }, { status: 401 });
  const membership = orgSlug ? await findMembership(context.services.db, user.id, orgSlug) : null;
  if (!membership) throw Response.json({ error: "Not found" }, { status: 404 });
  const principal = userPrincipal(user.id, membership);
  return { principal, org: membership, actor: { userId: user.id, label: user.email } };
}

/** Runs a policy check inside a loader or action, answering 403 when it fails. */
export function authorizeOr403(check: () => void) {
  try {
    check();
  } catch (error) {
    if (error instanceof ForbiddenError) throw new Response(error.message, { status: 403 });
    throw error;
  }
}

export async function signInAndRedirect(request: Request, context: AppLoadContext, userId: string, redirectTo: string | null) {
  const { token } = await createSession(context.services.db, userId);
  const cookie = await sessionCookie(context.services.config.sessionSecret).serialize(token, {
    secure: isSecureRequest(request),
  });
  const target = safeRedirectTarget(redirectTo, new URL(request.url).origin, await homePath(context, userId));
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export async function signOut(request: Request, context: AppLoadContext) {
  const token = await readSessionToken(context.services.config.sessionSecret, request.headers.get("Cookie"));
  if (token) {
    await deleteSession(context.services.db, token);
    // The socket.io and collab connections opened with this session end with it, on every instance.
    await context.services.liveSessions.ended([sessionIdOf(token)]);
  }
  const cookie = await sessionCookie(context.services.config.sessionSecret).serialize("", {
    maxAge: 0,
    secure: isSecureRequest(request),
  });
  return redirect("/sign-in", { headers: { "Set-Cookie": cookie } });
}

export async function homePath(context: AppLoadContext, userId: string): Promise<string> {
  const [first] = await listMembershipsOfUser(context.services.db, userId);
  return first ? `/o/${first.slug}` : "/account";
}
