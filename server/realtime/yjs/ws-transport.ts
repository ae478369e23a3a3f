import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { CollabLogger } from "./logger";

export type TransportLimits = {
  /** Largest message a client may send (ws closes with 1009 beyond it). */
  maxPayloadBytes: number;
  /** Ping interval; a socket that has not answered the previous ping is dropped. */
  heartbeatMs: number;
};

/**
 * The WebSocket side only: upgrades on the shared HTTP server, the heartbeat that
 * drops dead sockets, and closing everything. What a socket may do is decided before
 * the upgrade completes (`decide`), and refusals are sent as close codes after it,
 * because a browser cannot read the status of a failed handshake.
 */
export function createWsTransport(limits: TransportLimits, logger: CollabLogger) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  return {
    /**
     * Completes the upgrade once `decide` has answered; `accept` gets the open socket.
     * The socket can vanish while `decide` waits on the database: then nothing happens.
     */
    upgrade<D>(
      request: IncomingMessage,
      socket: Duplex,
      head: Buffer,
      decide: () => Promise<D>,
      accept: (ws: WebSocket, decision: D) => void,
    ) {
      socket.on("error", () => socket.destroy());
      decide().then(
        (decision) => {
          if (socket.destroyed) return;
          wss.handleUpgrade(request, socket, head, (ws) => {
            alive.set(ws, true);
            ws.on("pong", () => alive.set(ws, true));
            ws.on("error", (error) => logger.warn("collab: socket error", { error: error.message }));
            accept(ws, decision);
          });
        },
        (error) => {
          logger.error("collab: upgrade failed", { path: pathOf(request), error: String(error) });
          socket.end("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        },
      );
    },

    /** Closes every socket with that code (the last step of a shutdown). */
    closeAll(code: number, reason: string) {
      for (const ws of wss.clients) ws.close(code, reason);
    },

    /** Stops the heartbeat; sockets still closing get a moment to finish their close handshake. */
    stop(graceMs = 1000) {
      clearInterval(heartbeat);
      wss.close();
      const sockets = [...wss.clients];
      if (sockets.length === 0) return;
      setTimeout(() => sockets.forEach((ws) => ws.terminate()), graceMs).unref();
    },

    get socketCount() {
      return wss.clients.size;
    },
  };
}

/** The path without its query: the query may hold a token, which is never logged. */
export function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? "/", "http://localhost").pathname;
}
