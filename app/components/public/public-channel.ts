/**
 * The public, unauthenticated, receive-only socket.io channel of the reception screen
 * and the public page: names and shapes shared by the server
 * (server/realtime/io/public-figures.ts) and the browser (use-public-figures.ts).
 *
 * A socket in the "/public" namespace may join one organisation's public room by its
 * slug; the server then tells it, with no content at all, that a tenant top ten figure
 * changed, and the page reloads its own (public) data over HTTP. Nothing else is ever
 * sent on it, and nothing a client sends on it changes anything.
 */

export const PUBLIC_NAMESPACE = "/public";

/** The room of one organisation's public pages, keyed by id so that a renamed slug keeps working. */
export const PUBLIC_ROOM = (organisationId: string) => `public:${organisationId}`;

export type PublicJoinResult = { ok: true } | { ok: false; error: string };

export interface PublicServerToClientEvents {
  /** A tenant top ten figure changed: no payload, by design. */
  "public:figures-changed": () => void;
}

export interface PublicClientToServerEvents {
  "public:join": (orgSlug: string, ack: (result: PublicJoinResult) => void) => void;
}
