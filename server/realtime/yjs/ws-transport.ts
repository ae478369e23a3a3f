import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { CollabLogger } from "./logger";

/** The TCP socket under each WebSocket the transport opened, for `sendBinary`. */
const socketOf = new WeakMap<WebSocket, Duplex>();
/** Each message as a WebSocket frame, made once however many sockets it goes to. */
const frames = new WeakMap<Uint8Array, Buffer>();
/**
 * How long a socket holds back its frames to send them in one write. With 200 clients
 * typing, flushing at the end of each turn of the event loop made a write per socket
 * for nearly every message; 3 ms gathers several, and the typing bench's server CPU
 * went from 37–40 % to 30–33 % of a core, its clients' from 70–80 % to 60–70 %,
 * with the same median latency.
 */
const FLUSH_WINDOW_MS = 3;
/** Sockets holding back their writes until the flush. */
let corked: Duplex[] = [];
let flushTimer: NodeJS.Timeout | null = null;

function uncorkAll() {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  const sockets = corked;
  corked = [];
  for (const socket of sockets) socket.uncork();
}

/** Writes what the sockets hold back now: before work that keeps this thread busy for long. */
export const flushWrites = uncorkAll;

/** A final, unmasked binary frame (RFC 6455, 5.2): what a server sends. */
function frameOf(message: Uint8Array): Buffer {
  let frame = frames.get(message);
  if (frame) return frame;
  const length = message.byteLength;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82; // FIN, binary
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(message, headerLength);
  frames.set(message, frame);
  return frame;
}

/**
 * Sends a binary message on an open WebSocket of this transport. An edit goes to every
 * other client of its document, and ws framed and wrote it once per socket: with 200
 * clients typing, those writes took a third of the server's time. Here the frame is
 * made once per message, and a socket's frames leave together in one write at the next
 * flush (FLUSH_WINDOW_MS). Written beside ws's
 * own frames (pings, close), which is safe because ws writes whole frames at once when
 * it does not compress, and this transport never does.
 */
export function sendBinary(ws: WebSocket, message: Uint8Array) {
  const socket = socketOf.get(ws);
  if (!socket) return ws.send(message); // not opened here: ws frames it
  if (!socket.writableCorked) {
    socket.cork();
    if (corked.push(socket) === 1) flushTimer = setTimeout(uncorkAll, FLUSH_WINDOW_MS);
  }
  socket.write(frameOf(message));
}

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
  // No compression: sendBinary writes its own frames beside ws's, which must be whole and in order.
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
    ): Promise<void> {
      socket.on("error", () => socket.destroy());
      // Returned, so that a throw while accepting reaches the upgrade router (503), not the process.
      return decide().then(
        (decision) => {
          if (socket.destroyed) return;
          wss.handleUpgrade(request, socket, head, (ws) => {
            socketOf.set(ws, socket);
            alive.set(ws, true);
            ws.on("pong", () => alive.set(ws, true));
            ws.on("error", (error) => logger.warn("collab: socket error", { error: error.message }));
            accept(ws, decision);
          });
        },
        (error) => {
          // Most often the database is unreachable: the client may try again.
          logger.error("collab: upgrade failed", { path: pathOf(request), error: String(error) });
          socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
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
