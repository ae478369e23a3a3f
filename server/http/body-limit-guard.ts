import type { NextFunction, Request, Response } from "express";
import { LARGEST_BODY_LIMIT, tooLargeMessage } from "./body-limits";

/**
 * Before the application runs: a body declared larger than any route accepts is refused
 * (413) without reading a byte of it. Bodies without Content-Length (chunked) are counted
 * by the route's reader (app/utils/request-body.server.ts) against its own limit.
 *
 * And whenever an answer goes out before the request body has fully arrived (a 413, a
 * sign-in redirect, a 404), the connection is closed after it: the unread rest would
 * otherwise hold the kept-alive connection, and reading it to find the next request is
 * the very cost the limit avoids.
 */
export function bodyLimitGuard(limit: number = LARGEST_BODY_LIMIT) {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      res.set("Connection", "close").status(413).type("text/plain").send(tooLargeMessage(limit));
      return;
    }
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (!req.complete && !res.headersSent) res.setHeader("Connection", "close");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
