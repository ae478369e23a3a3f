import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce, for the scripts Remix renders (app/entry.server.tsx). */
    cspNonce?: string;
  }
}

// A Host header can say anything; only a plain host[:port] goes into the policy.
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The policy of a page: scripts only from this site or inline with this response's nonce
 * (Remix's hydration scripts carry it); styles inline too, because React renders style
 * attributes and Tiptap injects its own style element; connections to this site over
 * HTTP and websockets (socket.io, /collab); never framed, no plugins, forms post here.
 */
export function contentSecurityPolicy(nonce: string, host: string | undefined, devServer: boolean): string {
  const always = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];
  // The Vite dev server injects unnonced scripts and talks to its own HMR port.
  if (devServer) return always.join("; ");
  const sockets = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    ...always,
  ].join("; ");
}

/**
 * Headers on every answer, pages, files and API alike. A route that sets its own
 * Content-Security-Policy (a stored pack page) adds a second one: both apply.
 */
export function securityHeaders(options: { devServer: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, req.headers.host, options.devServer));
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    next();
  };
}
