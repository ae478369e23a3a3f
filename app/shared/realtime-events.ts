/** Names and shapes shared by the socket.io server and its browser clients. */

export const ORG_ROOM = (organisationId: string) => `org:${organisationId}`;

export type FiguresChangedEvent = {
  /** Indicator codes whose figures changed; the client reloads what it shows of them. */
  indicatorCodes: string[];
  periods: string[];
  reason: "entry" | "verification" | "import";
};

/**
 * Sent just before the server ends a socket.io connection on purpose, so the page can
 * say why (socket.io itself only says "io server disconnect").
 */
export const DISCONNECT_NOTICE = "server:disconnect-notice";
export type DisconnectNotice = { reason: "session-ended" | "too-many-events"; message: string };

/** The handshake's refusal when the server cannot check the session (its database is unreachable): try again. */
export const HANDSHAKE_UNAVAILABLE = "unavailable";

export interface ServerToClientEvents {
  "figures:changed": (event: FiguresChangedEvent) => void;
  [DISCONNECT_NOTICE]: (notice: DisconnectNotice) => void;
}

export interface ClientToServerEvents {
  "org:join": (orgSlug: string, ack: (result: { ok: true } | { ok: false; error: string }) => void) => void;
}

/** WebSocket close codes shared by server and client, so the client can say why. */
export const CLOSE_CODES = {
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  badMessage: 4400,
  tooLarge: 4413,
  rateLimited: 4429,
  serverRestarting: 4503,
} as const;
