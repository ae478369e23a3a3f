import type { NextFunction, Request, Response } from "express";

// C0 controls and DEL: no page, slug or id holds one, and PostgreSQL text cannot hold NUL.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The path decoded, or null when a % escape is broken ("%E0%A4%A", "%zz", a lone "%"). */
function decodedOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Addresses no route can serve, refused before any route parses them: a broken %
 * escape in the path (400), a control character such as %00 in the path (404), NUL in the
 * query (400).
 * Without this, a NUL reached a database query through a path parameter and came back
 * as a 500.
 */
export function pathGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    const url = req.originalUrl;
    const queryAt = url.indexOf("?");
    const path = decodedOrNull(queryAt === -1 ? url : url.slice(0, queryAt));
    if (path === null) return void res.status(400).type("text/plain").send("The address is not valid.");
    if (CONTROL.test(path)) return void res.status(404).type("text/plain").send("Page not found");
    // The query is read leniently (URLSearchParams keeps a broken escape as it is); only NUL is refused.
    if (queryAt !== -1 && /%00|\u0000/i.test(url.slice(queryAt))) {
      return void res.status(400).type("text/plain").send("The address is not valid.");
    }
    next();
  };
}
