import * as decoding from "lib0/decoding";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CLOSE_CODES } from "../realtime-events";
import { ACK_QUERY_PARAMETER, COMMITTED_MESSAGE_TYPE, isEditMessage } from "./committed-message";

export type CollabConnectionState = "connected" | "reconnecting" | "offline";

export const CONNECTION_MESSAGES: Record<CollabConnectionState, string> = {
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline: your changes are kept on this device and will be sent when you reconnect",
};

export type CollabStatus = {
  connection: CollabConnectionState;
  /** What to show the person: one of CONNECTION_MESSAGES, or why the server stopped us. */
  message: string;
  /** Every edit made here is stored by the server. */
  saved: boolean;
  /** The server drops edits from this person (a viewer, or a frozen document). */
  readOnly: boolean;
  /** The server refused the connection for good (4401, 4403, ...); no more attempts are made. */
  stopped: { code: number; message: string } | null;
};

export type CollabProviderOptions = {
  /** ws(s)://host/collab; the document name is appended by the provider. */
  serverUrl: string;
  document: string;
  doc: Y.Doc;
  /** For clients without the session cookie: from POST /api/v1/o/:org/collab-tokens. */
  token?: string;
  /** Caret colour; name and role are set by the server. */
  color?: string;
  WebSocketPolyfill?: typeof WebSocket;
  /** Keep the document in IndexedDB (when the browser has it). */
  persistLocally?: boolean;
  maxBackoffMs?: number;
  /** Failed attempts in a row after which we say "Offline" rather than "Reconnecting…". */
  offlineAfterFailures?: number;
};

/** Close codes after which reconnecting cannot help; 4429 (too busy) and 4503 (restart) are retried. */
const FINAL_CLOSES: Record<number, string> = {
  [CLOSE_CODES.unauthenticated]: "Your session has ended: sign in again to keep editing",
  [CLOSE_CODES.forbidden]: "You do not have access to this document",
  [CLOSE_CODES.notFound]: "This document cannot be found",
  [CLOSE_CODES.badMessage]: "This document cannot be opened",
  [CLOSE_CODES.tooLarge]: "This document is too large to take more changes",
};

const MESSAGE_AUTH = 2;

/** A WebSocket that counts the edit messages it sends, to compare with the server's acknowledgements. */
function countingWebSocket(Base: typeof WebSocket) {
  return class CountingWebSocket extends Base {
    editsSent = 0;
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      if (data instanceof Uint8Array && isEditMessage(data)) this.editsSent += 1;
      super.send(data);
    }
  };
}

/**
 * The browser's connection to a shared document: the stock y-websocket provider with
 * jittered reconnects, a connection state to show, local persistence in IndexedDB,
 * and "saved" once the server acknowledges that it stored the edits made here.
 */
export function createCollabProvider(options: CollabProviderOptions) {
  const { doc } = options;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const offlineAfterFailures = options.offlineAfterFailures ?? 3;
  const listeners = new Set<(status: CollabStatus) => void>();
  let failures = 0;
  let unsaved = false;
  let readOnly = false;
  let stopped: CollabStatus["stopped"] = null;

  const params: Record<string, string> = { [ACK_QUERY_PARAMETER]: "1" };
  if (options.token) params.token = options.token;
  const provider = new WebsocketProvider(options.serverUrl, options.document, doc, {
    WebSocketPolyfill: countingWebSocket(options.WebSocketPolyfill ?? WebSocket),
    params,
    disableBc: typeof BroadcastChannel === "undefined",
    shouldReconnect: (event) => !(event.code in FINAL_CLOSES),
  });
  if (options.color) provider.awareness.setLocalStateField("user", { color: options.color });

  provider.messageHandlers[COMMITTED_MESSAGE_TYPE] = (_encoder, decoder) => {
    const committed = decoding.readVarUint(decoder);
    const socket = provider.ws as unknown as { editsSent: number } | null;
    if (socket && provider.synced && committed >= socket.editsSent) unsaved = false;
    notify();
  };
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    // Permission denied: our edits are dropped. Shown as read only, not logged.
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
    readOnly = true;
    notify();
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    unsaved = true;
    notify();
  };
  doc.on("update", onUpdate);

  provider.on("status", () => notify());
  provider.on("sync", (synced: boolean) => {
    if (synced) failures = 0;
    notify();
  });
  provider.on("connection-close", () => {
    failures += 1;
    // The stock backoff is 2^n × 100 ms capped at maxBackoffTime, the same for every
    // client: capping it at a random point of the upper half spreads a crowd out.
    const ceiling = Math.min(2 ** (provider.wsUnsuccessfulReconnects + 1) * 100, maxBackoffMs);
    provider.maxBackoffTime = ceiling / 2 + (Math.random() * ceiling) / 2;
    notify();
  });
  provider.on("closed", ({ code, reason }) => {
    // The size limit's reason says what happened to the change; the others are ours to word.
    stopped = { code, message: (code === CLOSE_CODES.tooLarge && reason) || FINAL_CLOSES[code] || reason };
    notify();
  });

  const persistence =
    options.persistLocally !== false && typeof indexedDB !== "undefined" ? new IndexeddbPersistence(options.document, doc) : null;
  const onBrowserOnlineChange = () => notify();
  if (typeof window !== "undefined") {
    window.addEventListener("online", onBrowserOnlineChange);
    window.addEventListener("offline", onBrowserOnlineChange);
  }

  function status(): CollabStatus {
    const browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
    let connection: CollabConnectionState;
    if (stopped || browserOffline || failures >= offlineAfterFailures) connection = "offline";
    else if (provider.wsconnected && provider.synced) connection = "connected";
    else connection = "reconnecting";
    return {
      connection,
      message: stopped?.message ?? CONNECTION_MESSAGES[connection],
      saved: !unsaved,
      readOnly,
      stopped,
    };
  }

  function notify() {
    const current = status();
    for (const listener of listeners) listener(current);
  }

  return {
    provider,
    awareness: provider.awareness,
    status,
    /** Calls the listener on every change of status; returns the unsubscribe function. */
    subscribe(listener: (status: CollabStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      doc.off("update", onUpdate);
      if (typeof window !== "undefined") {
        window.removeEventListener("online", onBrowserOnlineChange);
        window.removeEventListener("offline", onBrowserOnlineChange);
      }
      provider.destroy();
      // destroy() leaves the awareness timer running, which keeps tabs (and Node) busy.
      provider.awareness.destroy();
      void persistence?.destroy();
    },
  };
}

export type CollabProvider = ReturnType<typeof createCollabProvider>;
