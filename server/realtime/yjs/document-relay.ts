import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** A replica's state in brief: its state vector, and a digest of it with its delete set (ADR 010). */
export type ReplicaState = { stateVector: Uint8Array; digest: Uint8Array };

/** An answer to `compare`: the answering replica's state, and what the asking one lacks of it. */
export type ReplicaAnswer = ReplicaState & { update: Uint8Array };

/** What instances holding the same document tell each other about it (ADR 008, ADR 010). */
export type RelayMessage =
  /** An edit applied here: apply it too, and pass it to your clients. */
  | { kind: "update"; update: Uint8Array }
  /** Presence of clients connected here (added, changed, renewed or gone). */
  | { kind: "presence"; update: Uint8Array }
  /** "I have just loaded the document, with this state vector": answer with what it lacks and who is present. */
  | { kind: "hello"; stateVector: Uint8Array }
  /** "Store what you hold of it now (and from now on take no edits, when freezing)", answered by `settled`. */
  | { kind: "settle"; freeze: boolean }
  /** "Here is my state: answer with yours and what I lack" (after the relay was down), answered by `compared`. */
  | ({ kind: "compare" } & ReplicaState);

/** What an instance publishes on its own; `settle` and `compare` go through their functions, which wait for answers. */
export type PublishedMessage = Exclude<RelayMessage, { kind: "settle" } | { kind: "compare" }>;

/** Handles a message; a `settle` is answered once the returned promise ends, a `compare` with what it returns. */
export type RelayReceiver = (message: RelayMessage) => void | ReplicaAnswer | Promise<void | ReplicaAnswer>;

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
  /**
   * Sends this replica's state to every other instance holding the document and
   * collects their answers, for at most `timeoutMs`. `asked` counts the instances the
   * request reached: fewer answers than that means some did not answer in time.
   */
  compare(
    name: string,
    state: ReplicaState,
    options?: { timeoutMs?: number },
  ): Promise<{ asked: number; answers: ReplicaAnswer[] }>;
  /**
   * Called after a lost connection to Redis came back (either connection: the one that
   * publishes or the one that listens), once this instance listens on every channel
   * again: messages may have been missed meanwhile.
   */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
};

const KIND = { update: 0, presence: 1, hello: 2, settle: 3, settled: 4, compare: 5, compared: 6 } as const;
const DEFAULT_SETTLE_TIMEOUT_MS = 2000;
const DEFAULT_COMPARE_TIMEOUT_MS = 1000;

type WireMessage = RelayMessage | { kind: "settled" } | ({ kind: "compared" } & ReplicaAnswer);
type Envelope = { sender: string; requestId: string; message: WireMessage };

function encodeEnvelope({ sender, requestId, message }: Envelope): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, sender);
  encoding.writeVarString(e, requestId);
  encoding.writeVarUint(e, KIND[message.kind]);
  if (message.kind === "update" || message.kind === "presence") encoding.writeVarUint8Array(e, message.update);
  if (message.kind === "hello") encoding.writeVarUint8Array(e, message.stateVector);
  if (message.kind === "settle") encoding.writeVarUint(e, message.freeze ? 1 : 0);
  if (message.kind === "compare" || message.kind === "compared") {
    encoding.writeVarUint8Array(e, message.stateVector);
    encoding.writeVarUint8Array(e, message.digest);
  }
  if (message.kind === "compared") encoding.writeVarUint8Array(e, message.update);
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
      case KIND.compare:
        return { kind: "compare", stateVector: decoding.readVarUint8Array(d), digest: decoding.readVarUint8Array(d) } as const;
      case KIND.compared:
        return {
          kind: "compared",
          stateVector: decoding.readVarUint8Array(d),
          digest: decoding.readVarUint8Array(d),
          update: decoding.readVarUint8Array(d),
        } as const;
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
 * joining instances say hello (and are answered with what they lack). After either
 * connection comes back, this instance subscribes to its channels again, waits until
 * Redis has confirmed it, and then tells its listeners, which compare every loaded
 * document with the other instances until they agree (ADR 010).
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
  const waitingAnswers = new Map<string, (message: WireMessage) => void>();
  const reconnectListeners: (() => void)[] = [];
  let closed = false;

  const send = (channel: string, message: WireMessage, requestId = "") =>
    redis.publish(channel, encodeEnvelope({ sender: instanceId, requestId, message }));

  /**
   * ioredis subscribes again by itself on reconnecting, but says "ready" before Redis
   * has confirmed it: until then a request would reach the others while their answers,
   * or their own requests, could not reach us. So we subscribe again and wait.
   */
  const whenBack = () => {
    if (closed) return;
    subscriber
      .subscribe(answerChannel, ...receivers.keys())
      .then(() => {
        if (!closed) reconnectListeners.forEach((listener) => listener());
      })
      .catch((error) => onError("collab relay: subscribing again failed", error));
  };
  /** Calls `whenBack` at each "ready" of the connection but its first. */
  const onReadyAgain = (connection: Redis) => {
    let readyBefore = connection.status === "ready";
    connection.on("ready", () => {
      if (readyBefore) whenBack();
      readyBefore = true;
    });
  };
  onReadyAgain(subscriber);
  onReadyAgain(redis);
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
      if (message.kind === "settled" || message.kind === "compared") waitingAnswers.get(requestId)?.(message);
      return;
    }
    const receive = receivers.get(channel);
    if (!receive || message.kind === "settled" || message.kind === "compared") return;
    const handled = Promise.resolve()
      .then(() => receive(message))
      .catch((error) => void onError("collab relay: message failed", error));
    if (message.kind === "settle") {
      void handled
        .then(() => send(`${prefix}instance:${sender}`, { kind: "settled" }, requestId))
        .catch((error) => onError("collab relay: answer failed", error));
    }
    if (message.kind === "compare") {
      void handled
        .then((answer) => (answer ? send(`${prefix}instance:${sender}`, { kind: "compared", ...answer }, requestId) : undefined))
        .catch((error) => onError("collab relay: answer failed", error));
    }
  });
  const answersReady = subscriber.subscribe(answerChannel);

  /**
   * Publishes a request on the document's channel and hands each answer to `onAnswer`
   * until every instance it reached has answered or `timeoutMs` has passed. Answers
   * how many it reached (this instance, when it has joined, does not count).
   */
  async function request(
    name: string,
    message: WireMessage,
    timeoutMs: number,
    onAnswer: (message: WireMessage) => void,
  ): Promise<{ asked: number; answered: number }> {
    await answersReady;
    const requestId = randomUUID();
    let answered = 0;
    let asked = Number.POSITIVE_INFINITY;
    let allAnswered = () => {};
    const done = new Promise<void>((resolve) => (allAnswered = resolve));
    waitingAnswers.set(requestId, (answer) => {
      answered += 1;
      onAnswer(answer);
      if (answered >= asked) allAnswered();
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      // PUBLISH answers how many subscribers got it: this instance counts when it has joined.
      const reached = await send(documentChannel(name), message, requestId);
      asked = reached - (receivers.has(documentChannel(name)) ? 1 : 0);
      if (answered >= asked) allAnswered();
      await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      return { asked, answered };
    } finally {
      clearTimeout(timer);
      waitingAnswers.delete(requestId);
    }
  }

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

    settle(name, { freeze, timeoutMs = DEFAULT_SETTLE_TIMEOUT_MS }) {
      return request(name, { kind: "settle", freeze }, timeoutMs, () => {});
    },

    async compare(name, state, { timeoutMs = DEFAULT_COMPARE_TIMEOUT_MS } = {}) {
      const answers: ReplicaAnswer[] = [];
      const { asked } = await request(name, { kind: "compare", ...state }, timeoutMs, (answer) => {
        if (answer.kind === "compared")
          answers.push({ stateVector: answer.stateVector, digest: answer.digest, update: answer.update });
      });
      return { asked, answers };
    },

    onReconnected(listener) {
      reconnectListeners.push(listener);
    },

    async close() {
      closed = true;
      receivers.clear();
      subscriber.disconnect();
    },
  };
}
