import { createCookie, type Cookie } from "@remix-run/node";
import { SESSION_DAYS } from "./sessions";

export const SESSION_COOKIE_NAME = "minuted_session";

const cookies = new Map<string, Cookie>();

/** The signed session cookie: httpOnly and SameSite=Lax; Secure is decided per request. */
export function sessionCookie(secret: string): Cookie {
  let cookie = cookies.get(secret);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE_NAME, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [secret],
      maxAge: SESSION_DAYS * 86_400,
    });
    cookies.set(secret, cookie);
  }
  return cookie;
}

/** Reads the session token from a Cookie header; null when absent or its signature is wrong. */
export async function readSessionToken(secret: string, cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie(secret).parse(cookieHeader);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}
