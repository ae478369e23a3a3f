import type { WebSocket } from "ws";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import type { CollabAccess } from "../../policies/collab-document-policy";
import type { PresenceIdentity } from "./awareness-guard";
import { encodeCommitted, isSyncStep1 } from "./sync-messages";
import { TokenBucket } from "./token-bucket";
import { sendBinary } from "./ws-transport";

export type ConnectionIdentity = PresenceIdentity & { userId: string | null };

export type ConnectionLimits = {
  messagesPerSecond: number;
  messageBurst: number;
  /** Messages kept while the document loads; more than this is a flood. */
  maxQueuedMessages: number;
  /** Bytes waiting to be sent to a client that does not read: past this it is dropped. */
  maxBufferedBytes: number;
};

/** Standard close code "try again later": the stock provider reconnects. */
const CLOSE_TRY_AGAIN_LATER = 1013;

/**
 * One client's socket on one document: who it is, what it may do, its rate limit, the
 * messages that arrive before the document is loaded, and the count of its edits the
 * database holds (for the "saved" acknowledgement).
 */
export class CollabConnection {
  closed = false;
  /** The awareness client ID this connection speaks for, bound by its first presence update. */
  clientId: number | null = null;
  /** Edit messages (sync step 2, update) processed from this client. */
  editsReceived = 0;
  /** Log rows from this client's edits that are not committed yet. */
  uncommittedRows = 0;
  private committedThrough = 0;
  private acknowledged = 0;
  /** Set once the client was told its edits are refused, so it is told once. */
  toldReadOnly = false;

  private readonly bucket: TokenBucket;
  private queue: Uint8Array[] | null = [];
  private handler: ((message: Uint8Array) => void) | null = null;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly ws: WebSocket,
    readonly documentName: string,
    readonly identity: ConnectionIdentity,
    /** Lowered to "read" when the person's role no longer allows writing (collab-server's access check). */
    public access: CollabAccess,
    readonly wantsAcknowledgements: boolean,
    private readonly limits: ConnectionLimits,
  ) {
    this.bucket = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    ws.on("message", (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on("close", () => this.markClosed());
  }

  private receive(data: Buffer, isBinary: boolean) {
    if (this.closed) return;
    if (!this.bucket.take()) return this.close(CLOSE_CODES.rateLimited, "Too many messages: slow down and reconnect");
    if (!isBinary) return this.close(CLOSE_CODES.badMessage, "Text messages are not part of the protocol");
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.handler) return this.handler(message);
    this.queue?.push(message);
    if ((this.queue?.length ?? 0) > this.limits.maxQueuedMessages) {
      this.close(CLOSE_CODES.rateLimited, "Too many messages while the document was loading");
    }
  }

  /** Starts handing messages to the document, those that waited for it to load first. */
  attach(handler: (message: Uint8Array) => void) {
    this.handler = handler;
    const waiting = this.queue ?? [];
    this.queue = null;
    for (const message of waiting) {
      if (this.closed) return;
      handler(message);
    }
  }

  /**
   * While the document loads: answers the client's sync step 1, if it is waiting, with
   * `answer` now, and puts `heldState` (a step 1 saying the client holds what it was
   * sent) in its place, so that the loaded document sends only what came after.
   * Answers whether there was one.
   */
  answerWaitingSyncStep1(answer: Uint8Array, heldState: Uint8Array): boolean {
    const index = this.queue?.findIndex(isSyncStep1) ?? -1;
    if (index < 0) return false;
    this.queue![index] = heldState;
    this.send(answer);
    return true;
  }

  send(message: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      return this.close(CLOSE_TRY_AGAIN_LATER, "The connection is too slow to keep up");
    }
    sendBinary(this.ws, message);
  }

  close(code: number, reason: string) {
    if (this.closed) return;
    this.ws.close(code, reason);
    this.markClosed();
  }

  /** As a killed server would: no close frame. */
  terminate() {
    this.ws.terminate();
    this.markClosed();
  }

  onClose(listener: () => void) {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  private markClosed() {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  /** A log row of edit number `editIndex` is stored. */
  noteCommitted(editIndex: number) {
    this.uncommittedRows -= 1;
    this.committedThrough = Math.max(this.committedThrough, editIndex);
  }

  /** Tells the client how many of its edits are stored, when that number moved. */
  acknowledge() {
    if (!this.wantsAcknowledgements) return;
    const committed = this.uncommittedRows === 0 ? this.editsReceived : this.committedThrough;
    if (committed <= this.acknowledged) return;
    this.acknowledged = committed;
    this.send(encodeCommitted(committed));
  }
}
