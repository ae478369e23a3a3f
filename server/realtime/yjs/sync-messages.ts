import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { COMMITTED_MESSAGE_TYPE } from "../../../app/shared/collab/committed-message";

/**
 * The y-websocket wire format, as the stock WebsocketProvider speaks it: every message
 * starts with a varuint type, and sync messages with a varuint subtype, followed by
 * one length-prefixed payload. Type 100 is ours (see committed-message.ts).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type IncomingMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  | { kind: "sync-step2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "query-awareness" }
  | { kind: "auth" };

/** A message that cannot be read: the connection that sent it is closed with 4400. */
export class BadMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadMessageError";
  }
}

/**
 * Reads and checks one message from a client. Yjs payloads are decoded here, before
 * they reach the document, so that a malformed or truncated update is refused whole
 * instead of half-applied; trailing bytes are refused too.
 */
export function readIncomingMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessageBody(decoder);
    if (decoding.hasContent(decoder)) throw new BadMessageError("trailing bytes after the message");
    return message;
  } catch (error) {
    if (error instanceof BadMessageError) throw error;
    throw new BadMessageError(`unreadable message: ${(error as Error).message}`);
  }
}

function readMessageBody(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const subtype = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (subtype === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        return { kind: "sync-step1", stateVector: payload };
      }
      if (subtype === syncProtocol.messageYjsSyncStep2 || subtype === syncProtocol.messageYjsUpdate) {
        Y.decodeUpdate(payload);
        return { kind: subtype === syncProtocol.messageYjsSyncStep2 ? "sync-step2" : "update", update: payload };
      }
      throw new BadMessageError(`unknown sync message type ${subtype}`);
    }
    case MESSAGE_AWARENESS:
      return { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_QUERY_AWARENESS:
      return { kind: "query-awareness" };
    case MESSAGE_AUTH:
      // Clients never send auth messages; read it whole and ignore it.
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return { kind: "auth" };
    default:
      throw new BadMessageError(`unknown message type ${type}`);
  }
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc) => encodeSyncStep1From(Y.encodeStateVector(doc));

/** Sync step 1 saying "I hold this state", from the state vector alone. */
export const encodeSyncStep1From = (stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Whether these bytes are a well-formed sync step 1. */
export function isSyncStep1(data: Uint8Array): boolean {
  try {
    return readIncomingMessage(data).kind === "sync-step1";
  } catch {
    return false;
  }
}

/** Sync step 2 made from an already encoded update (the diff against the client's state vector). */
export const encodeSyncStep2 = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

/** The stock provider logs the reason as a warning; our wrapper shows the document as read only. */
export const encodePermissionDenied = (reason: string) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(e, reason);
  });

/** "Your first `count` edits on this connection are stored": sent only to clients that asked (?ack=1). */
export const encodeCommitted = (count: number) =>
  message((e) => {
    encoding.writeVarUint(e, COMMITTED_MESSAGE_TYPE);
    encoding.writeVarUint(e, count);
  });
