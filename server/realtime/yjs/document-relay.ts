import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** What instances holding the same document tell each other about it (ADR 008). */
export type RelayMessage =
  /** An edit applied here: apply it too, and pass it to your clients. */
  | { kind: "update"; update: Uint8Array }
  /** Presence of clients connected here (added, changed, renewed or gone). */
  | { kind: "presence"; update: Uint8Array }
  /** "I have just loaded the document, with this state vector": answer with what it lacks and who is present. */
  | { kind: "hello"; stateVector: Uint8Array }
  /** "Store what you hold of it now (and from now on take no edits, when freezing)", answered by `settled`. */
  | { kind: "settle"; freeze: boolean };

/** What an instance publishes on its own; a `settle` goes through `settle()`, which waits for answers. */
export type PublishedMessage = Exclude<RelayMessage, { kind: "settle" }>;

/** Handles a message; a `settle` is answered once the returned promise ends. */
export type RelayReceiver = (message: RelayMessage) => void | Promise<void>;

export type DocumentRelay = {
  /** Starts receiving the document's messages from the other instances; resolves once that is so. */
  join(name: string, receive: RelayReceiver): Promise<void>;
  leave(name: string): Promise<void>;
  /** Sends to every other instance that has joined the document. */
  publish(name: string, message: PublishedMessage): void;
  /**
   * Asks every other instance holding the document to store it (`freeze`: and to stop
   * taking edits), and waits for their answers, at most `timeoutMs`.
   */
  settle(name: string, options: { freeze: boolean; timeoutMs?: number }): Promise<{ asked: number; answered: number }>;
  /** Called after a lost connection to Redis came back: messages may have been missed meanwhile. */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
};

const KIND = { update: 0, presence: 1, hello: 2, settle: 3, settled: 4 } as const;
const DEFAULT_SETTLE_TIMEOUT_MS = 2000;

type WireMessage = RelayMessage | { kind: "settled" };
type Envelope = { sender: string; requestId: string; message: WireMessage };

function encodeEnvelope({ sender, requestId, message }: Envelope): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, sender);
  encoding.writeVarString(e, requestId);
  encoding.writeVarUint(e, KIND[message.kind]);
  if (message.kind === "update" || message.kind === "presence") encoding.writeVarUint8Array(e, message.update);
  if (message.kind === "hello") encoding.writeVarUint8Array(e, message.stateVector);
  if (message.kind === "settle") encoding.writeVarUint(e, message.freeze ? 1 : 0);
  return Buffer.from(encoding.toUint8Array(e));
}

function decodeEnvelope(data: Uint8Array): Envelope {
  const d = decoding.createDecoder(data);
  const sender = decoding.readVarString(d);
  const requestId = decoding.readVarString(d);
  const kind = decoding.readVarUint(d);
  const message: WireMessage = (() => {
    switch (kind) {
      case KIND.update:
        return { kind: "update", update: decoding.readVarUint8Array(d) } as const;
      case KIND.presence:
        return { kind: "presence", update: decoding.readVarUint8Array(d) } as const;
      case KIND.hello:
        return { kind: "hello", stateVector: decoding.readVarUint8Array(d) } as const;
      case KIND.settle:
        return { kind: "settle", freeze: decoding.readVarUint(d) === 1 } as const;
      case KIND.settled:
        return { kind: "settled" } as const;
      default:
        throw new Error(`unknown relay message kind ${kind}`);
    }
  })();
  return { sender, requestId, message };
}

/**
 * The relay through Redis pub/sub: one channel per document, which an instance joins
 * while it has the document loaded, and one channel per instance for answers. Pub/sub
 * keeps each publisher's order but may drop messages while a connection is down;
 * joining instances say hello (and are answered with what they lack), and after a
 * reconnection every loaded document says hello again.
 */
export function createRedisRelay(
  redis: Redis,
  options: { channelPrefix?: string; onError?: (message: string, error: unknown) => void } = {},
): DocumentRelay {
  const prefix = options.channelPrefix ?? "minuted:collab:";
  const onError = options.onError ?? ((message, error) => console.error(message, error));
  const instanceId = randomUUID();
  const documentChannel = (name: string) => `${prefix}doc:${name}`;
  const answerChannel = `${prefix}instance:${instanceId}`;
  const subscriber = redis.duplicate();
  const receivers = new Map<string, RelayReceiver>();
  const waitingAnswers = new Map<string, () => void>();
  const reconnectListeners: (() => void)[] = [];
  let connectedBefore = false;

  const send = (channel: string, message: WireMessage, requestId = "") =>
    redis.publish(channel, encodeEnvelope({ sender: instanceId, requestId, message }));

  subscriber.on("ready", () => {
    if (connectedBefore) reconnectListeners.forEach((listener) => listener());
    connectedBefore = true;
  });
  subscriber.on("error", (error) => onError("collab relay: Redis subscriber error", error));
  subscriber.on("messageBuffer", (channelBytes: Buffer, data: Buffer) => {
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(data);
    } catch (error) {
      return onError("collab relay: unreadable message", error);
    }
    const { sender, requestId, message } = envelope;
    if (sender === instanceId) return;
    const channel = channelBytes.toString();
    if (channel === answerChannel) {
      if (message.kind === "settled") waitingAnswers.get(requestId)?.();
      return;
    }
    const receive = receivers.get(channel);
    if (!receive || message.kind === "settled") return;
    const handled = Promise.resolve()
      .then(() => receive(message))
      .catch((error) => onError("collab relay: message failed", error));
    if (message.kind === "settle") {
      void handled
        .then(() => send(`${prefix}instance:${sender}`, { kind: "settled" }, requestId))
        .catch((error) => onError("collab relay: answer failed", error));
    }
  });
  const answersReady = subscriber.subscribe(answerChannel);

  return {
    async join(name, receive) {
      receivers.set(documentChannel(name), receive);
      await answersReady;
      await subscriber.subscribe(documentChannel(name));
    },

    async leave(name) {
      receivers.delete(documentChannel(name));
      await subscriber.unsubscribe(documentChannel(name));
    },

    publish(name, message) {
      send(documentChannel(name), message).catch((error) => onError("collab relay: publish failed", error));
    },

    async settle(name, { freeze, timeoutMs = DEFAULT_SETTLE_TIMEOUT_MS }) {
      await answersReady;
      const requestId = randomUUID();
      let answered = 0;
      let asked = Number.POSITIVE_INFINITY;
      let allAnswered = () => {};
      const done = new Promise<void>((resolve) => (allAnswered = resolve));
      waitingAnswers.set(requestId, () => {
        answered += 1;
        if (answered >= asked) allAnswered();
      });
      let timer: NodeJS.Timeout | undefined;
      try {
        // PUBLISH answers how many subscribers got it: this instance counts when it has joined.
        const reached = await send(documentChannel(name), { kind: "settle", freeze }, requestId);
        asked = reached - (receivers.has(documentChannel(name)) ? 1 : 0);
        if (answered >= asked) allAnswered();
        await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
        return { asked, answered };
      } finally {
        clearTimeout(timer);
        waitingAnswers.delete(requestId);
      }
    },

    onReconnected(listener) {
      reconnectListeners.push(listener);
    },

    async close() {
      receivers.clear();
      subscriber.disconnect();
    },
  };
}
