import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

/** Handles one upgrade; an asynchronous one answers a promise, whose failure the router answers. */
export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void | Promise<void>;

export type UpgradeLogger = { error(message: string, error?: unknown): void };

const SERVICE_UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";

/**
 * One HTTP server carries everything: the router hands `/collab/...` to the Yjs
 * endpoint and `/socket.io/` to socket.io, and refuses every other upgrade. A handler
 * that throws (or rejects) costs that one connection a 503, never the process.
 */
export function createUpgradeRouter(
  routes: { prefix: string; handle: UpgradeHandler }[],
  logger: UpgradeLogger = { error: (message, error) => console.error(message, error) },
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const fail = (socket: Duplex, error: unknown) => {
    logger.error("upgrade failed", error);
    if (socket.destroyed) return;
    socket.end(SERVICE_UNAVAILABLE);
    setTimeout(() => socket.destroy(), 1000).unref();
  };
  return (request, socket, head) => {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    } catch {
      pathname = "";
    }
    const route = routes.find((r) => pathname.startsWith(r.prefix));
    if (!route) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    try {
      const handled = route.handle(request, socket, head);
      if (handled) handled.catch((error: unknown) => fail(socket, error));
    } catch (error) {
      fail(socket, error);
    }
  };
}
