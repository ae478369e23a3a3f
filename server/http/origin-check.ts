import type { NextFunction, Request, Response } from "express";

/**
 * A browser sends Origin with every cross-site and every non-GET request: a mutating
 * request from another site is refused (with SameSite=Lax cookies, a second guard).
 * Requests without Origin (API clients with a token, the command line) pass.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (!origin) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function originCheck(publicUrl: string | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || isAllowedOrigin(req.headers.origin, req.headers.host, publicUrl)) {
      return next();
    }
    res.status(403).type("text/plain").send("This request came from another site and was refused.");
  };
}
