import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * One HTTP server carries everything: the router hands `/collab/...` to the Yjs
 * endpoint and `/socket.io/` to socket.io, and refuses every other upgrade.
 */
export function createUpgradeRouter(routes: { prefix: string; handle: UpgradeHandler }[]): UpgradeHandler {
  return (request, socket, head) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find((r) => pathname.startsWith(r.prefix));
    if (route) {
      route.handle(request, socket, head);
      return;
    }
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  };
}
