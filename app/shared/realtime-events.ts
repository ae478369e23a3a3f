/** Names and shapes shared by the socket.io server and its browser clients. */

export const ORG_ROOM = (organisationId: string) => `org:${organisationId}`;

export type FiguresChangedEvent = {
  /** Indicator codes whose figures changed; the client reloads what it shows of them. */
  indicatorCodes: string[];
  periods: string[];
  reason: "entry" | "verification" | "import";
};

export interface ServerToClientEvents {
  "figures:changed": (event: FiguresChangedEvent) => void;
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
