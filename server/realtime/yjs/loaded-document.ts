import { createHash } from "node:crypto";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import { guardAwarenessUpdate } from "./awareness-guard";
import { CollabConnection } from "./collab-connection";
import type { PublishedMessage, RelayMessage, ReplicaAnswer, ReplicaState } from "./document-relay";
import type { CollabStorage, LoggedUpdate, StoredDocument } from "./document-storage";
import { DocumentWriter, type WriterLimits } from "./document-writer";
import type { CollabLogger } from "./logger";
import { SyncCache, withoutPending } from "./sync-cache";
import { checkIncomingUpdate, type UpdateRefusal } from "./update-check";
import { TABLE_LIMIT, TABLE_LIMIT_MESSAGE } from "../../../app/shared/commentary/nesting-limit";
import {
  BadMessageError,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  readIncomingMessage,
} from "./sync-messages";

export type DocumentLimits = WriterLimits & {
  /** Past this (encoded) size the document refuses further edits. */
  maxDocumentBytes: number;
  /** Presence changes are gathered and sent at most this often. */
  presenceWindowMs: number;
  /** How deep an edit may nest shared types (a list in a list item in a list...); deeper edits are refused. */
  maxNestingDepth: number;
};

/**
 * A rule on top of write access for one kind of document: may this person make this
 * change? Returns the reason to refuse it, or null. Runs before the change is applied.
 */
export type EditGuard = (edit: { documentName: string; userId: string | null; update: Uint8Array; doc: Y.Doc }) => string | null;

/** This document's side of the relay to the other instances that hold it (none when alone). */
export type RelayLink = {
  publish(message: PublishedMessage): void;
  compare(state: ReplicaState): Promise<{ asked: number; answers: ReplicaAnswer[] }>;
};

/** Pauses between rounds of comparing replicas after the relay came back: quick at first, then every few seconds. */
const COMPARE_PAUSES_MS = [0, 100, 250, 500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000];

/** Origins of changes that are stored already: by the instance that relayed them, or in the log. */
const RELAYED = Symbol("relayed from another instance");
const FROM_LOG = Symbol("read from the log");

/**
 * Edits a writer may send, while the server waits for its full state, that refer to
 * content it has not received yet (typed offline, or just after reconnecting): they are
 * set aside unapplied, as its answer holds them. Past this many it is not catching up.
 */
const MAX_SET_ASIDE = 200;

/**
 * One document in memory: the Y.Doc, the presence of its clients, their connections,
 * and its writer. It speaks the sync protocol with each connection: answers sync
 * step 1, applies edits from those allowed to write, drops them from everyone else,
 * broadcasts updates at once and presence in small batches. Other instances holding
 * the document get this one's edits and presence through the relay, and it theirs.
 */
export class LoadedDocument {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  readonly writer: DocumentWriter;
  private estimatedBytes: number;
  private readonly cache: SyncCache;
  private stopping = false;
  /** Bumped by every change, to tell whether an edit changed anything. */
  private version = 0;
  private changedPresence = new Set<number>();
  /** Presence changes of this instance's own clients, for the relay. */
  private changedLocalPresence = new Set<number>();
  private closed = false;
  private presenceTimer: NodeJS.Timeout | null = null;
  /** Digest of the snapshot this replica loaded or last wrote: compaction need not read that one back in. */
  private knownSnapshot: string | null;
  /**
   * Writers asked for their full state (a sync step 1) whose answer (a sync step 2) has
   * not come yet, with the count of their edits set aside meanwhile.
   */
  private readonly awaitingState = new Map<CollabConnection, { setAside: number }>();

  constructor(
    readonly name: string,
    private frozen: boolean,
    stored: StoredDocument,
    storage: CollabStorage,
    private readonly limits: DocumentLimits,
    private readonly logger: CollabLogger,
    private readonly guard: EditGuard | null = null,
    private readonly relay: RelayLink | null = null,
  ) {
    // One transaction for snapshot and log: observers and update events run once, not 10,000 times.
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(this.doc, update);
    });
    this.knownSnapshot = stored.snapshot ? digestOf(stored.snapshot) : null;
    this.cache = new SyncCache(this.doc, limits.maxDocumentBytes, stored.updates.length === 0 ? stored.snapshot : null);
    const logBytes = stored.updates.reduce((sum, u) => sum + u.update.byteLength, 0);
    this.estimatedBytes = (stored.snapshot?.byteLength ?? 0) + logBytes;
    this.writer = new DocumentWriter(
      name,
      storage,
      limits,
      {
        snapshotWith: (log, storedSnapshot) => this.snapshotWith(log, storedSnapshot),
        committed: (connections) => connections.forEach((c) => c.acknowledge()),
        logger,
      },
      { seqs: stored.updates.map((row) => row.seq), logBytes },
    );
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not present
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const id of [...added, ...updated, ...removed]) {
        this.changedPresence.add(id);
        if (origin !== RELAYED && this.relay) this.changedLocalPresence.add(id);
      }
      this.presenceTimer ??= setTimeout(() => this.sendPresence(), limits.presenceWindowMs);
    });
  }

  attach(connection: CollabConnection) {
    this.connections.add(connection);
    connection.onClose(() => this.detach(connection));
    // Only a writer is asked for what the server lacks: a reader's answer would be dropped.
    if (this.canWrite(connection)) this.askFullState(connection);
    if (this.awareness.getStates().size > 0) {
      connection.send(
        encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
      );
    }
    connection.attach((message) => this.receive(connection, message));
  }

  private detach(connection: CollabConnection) {
    this.awaitingState.delete(connection);
    if (!this.connections.delete(connection)) return;
    const { clientId } = connection;
    const stillHeld = [...this.connections].some((c) => c.clientId === clientId);
    if (clientId !== null && !stillHeld) awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], null);
  }

  private canWrite(connection: CollabConnection) {
    return connection.access === "write" && !this.frozen;
  }

  /**
   * The process is stopping: edits from now on are dropped, unanswered, so that the
   * final flush holds everything applied. The clients keep them and send them again
   * to the next process, which lacks them.
   */
  stopAcceptingEdits() {
    this.stopping = true;
  }

  private receive(connection: CollabConnection, data: Uint8Array) {
    try {
      const message = readIncomingMessage(data);
      switch (message.kind) {
        case "sync-step1":
          connection.send(encodeSyncStep2(this.cache.missing(message.stateVector)));
          return;
        case "sync-step2":
        case "update":
          return this.receiveEdit(connection, message.update, message.kind === "sync-step2");
        case "awareness":
          return this.receivePresence(connection, message.update);
        case "query-awareness":
          connection.send(
            encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
          );
          return;
        case "auth":
          return;
      }
    } catch (error) {
      if (!(error instanceof BadMessageError)) {
        this.logger.error("collab: message failed", { document: this.name, error: String(error) });
      }
      connection.close(CLOSE_CODES.badMessage, "The message could not be read");
    }
  }

  /**
   * `catchingUp`: the client's answer to the server's sync step 1, which holds what it
   * made while it was away (after a crash, the edits the server lost): stored at once,
   * not after the group-commit window.
   */
  private receiveEdit(connection: CollabConnection, update: Uint8Array, catchingUp: boolean) {
    if (this.stopping) return;
    if (!this.canWrite(connection)) {
      // Dropped: the document, the log and the other clients never see it.
      if (!connection.toldReadOnly && update.byteLength > 2) {
        connection.toldReadOnly = true;
        connection.send(
          encodePermissionDenied(this.frozen ? "frozen: changes are not saved" : "read-only: changes are not saved"),
        );
      }
      return;
    }
    if (this.estimatedBytes + update.byteLength > this.limits.maxDocumentBytes) {
      this.estimatedBytes = this.cache.fullState().byteLength;
      if (this.estimatedBytes + update.byteLength > this.limits.maxDocumentBytes) {
        const limit = this.limits.maxDocumentBytes;
        const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
        return connection.close(CLOSE_CODES.tooLarge, `The document has reached its ${size} limit; the change was not saved`);
      }
    }
    const key = this.cache.noOpKey(update);
    const knownNoOp = this.cache.isKnownNoOp(key);
    if (!knownNoOp) {
      const problem = checkIncomingUpdate(this.doc, update, this.limits.maxNestingDepth, TABLE_LIMIT);
      if (problem) return this.refuseEdit(connection, problem, catchingUp);
    }
    const refusal = this.guard?.({ documentName: this.name, userId: connection.identity.userId, update, doc: this.doc }) ?? null;
    if (refusal) {
      // Dropping the edit alone would leave a gap in this client's sequence that stalls
      // all its later edits, so the connection goes, with the reason. Only a client that
      // ignores what its page shows (the part is read-only there) gets here.
      this.logger.info("collab: edit refused by the document's rule", { document: this.name, reason: refusal });
      return connection.close(CLOSE_CODES.forbidden, refusal);
    }
    connection.editsReceived += 1;
    if (catchingUp) {
      // The answer holds the edits set aside while it was awaited: they count as received now.
      connection.editsReceived += this.awaitingState.get(connection)?.setAside ?? 0;
      this.awaitingState.delete(connection);
    }
    if (!knownNoOp) {
      const version = this.version;
      const hadPending = hasPending(this.doc);
      Y.applyUpdate(this.doc, update, connection);
      if (!hadPending && hasPending(this.doc)) {
        // The check above follows Yjs's rule; should they ever differ, nothing pending stays.
        this.doc.store.pendingStructs = null;
        this.doc.store.pendingDs = null;
        this.logger.warn("collab: an edit left content pending after the check", { document: this.name });
        return connection.close(CLOSE_CODES.badMessage, "The change refers to content this document does not have");
      }
      if (version === this.version) this.cache.rememberNoOp(key);
      else if (catchingUp) this.writer.commitNow();
    }
    // An edit that changed nothing has nothing to store: it is as saved as it will be.
    if (connection.uncommittedRows === 0) connection.acknowledge();
  }

  /**
   * An edit that cannot be applied as it is. Too deep: refused with the reason, as a
   * limit. Referring to content not here: an honest client sends such edits only while
   * the server lacks part of its state (it typed offline, or another tab's words reached
   * it first), so it is set aside and the client asked for its full state, which holds
   * the edit and what it refers to. A full state that still refers to missing content,
   * or a client that never answers, cannot be brought into step: the connection goes.
   * Nothing of a refused edit is applied, sent on or stored.
   */
  private refuseEdit(connection: CollabConnection, problem: UpdateRefusal, catchingUp: boolean) {
    if (problem === "table-too-large") {
      this.logger.info("collab: edit refused, a table past the limit", { document: this.name });
      return connection.close(CLOSE_CODES.tooLarge, `${TABLE_LIMIT_MESSAGE}; the change was not saved`);
    }
    if (problem === "too-deep") {
      this.logger.info("collab: edit refused, nested too deeply", { document: this.name });
      const max = this.limits.maxNestingDepth;
      return connection.close(CLOSE_CODES.tooLarge, `Content may be nested at most ${max} levels deep; the change was not saved`);
    }
    const awaiting = this.awaitingState.get(connection);
    if (catchingUp || (awaiting && awaiting.setAside >= MAX_SET_ASIDE)) {
      this.awaitingState.delete(connection);
      this.logger.info("collab: edit refused, it refers to content the document does not have", { document: this.name });
      return connection.close(CLOSE_CODES.badMessage, "The change refers to content this document does not have");
    }
    if (awaiting) awaiting.setAside += 1;
    else this.askFullState(connection, 1);
  }

  /** Sends the writer a sync step 1: it answers with everything this document lacks of its state. */
  private askFullState(connection: CollabConnection, setAside = 0) {
    this.awaitingState.set(connection, { setAside });
    connection.send(encodeSyncStep1(this.doc));
  }

  private onUpdate(update: Uint8Array, origin: unknown) {
    this.version += 1;
    this.cache.invalidate();
    this.estimatedBytes += update.byteLength;
    if (origin !== RELAYED && origin !== FROM_LOG) this.writer.append(update, origin instanceof CollabConnection ? origin : null);
    const message = encodeUpdate(update);
    for (const connection of this.connections) {
      if (connection !== origin) connection.send(message);
    }
    if (origin !== RELAYED) this.relay?.publish({ kind: "update", update });
  }

  /**
   * The state to store as the snapshot, once every row of the log is in the document:
   * rows other instances stored (`unheld`) may not have reached this one through the
   * relay yet, and deleting them unread would lose them. The snapshot being replaced is
   * read in too, unless this replica wrote or loaded it: another instance may have
   * written it from edits that never reached this one (the relay was down, ADR 010).
   * What Yjs holds pending is left out (see withoutPending), with a warning.
   */
  private snapshotWith(unheld: LoggedUpdate[], storedSnapshot: Uint8Array | null) {
    const stored = storedSnapshot && digestOf(storedSnapshot) !== this.knownSnapshot ? storedSnapshot : null;
    if (unheld.length > 0 || stored) {
      this.doc.transact(() => {
        if (stored) Y.applyUpdate(this.doc, stored, FROM_LOG);
        for (const { update } of unheld) Y.applyUpdate(this.doc, update, FROM_LOG);
      }, FROM_LOG);
    }
    if (hasPending(this.doc))
      this.logger.warn("collab: content referring to missing content left out of the snapshot", { document: this.name });
    const state = this.cache.fullState();
    this.knownSnapshot = digestOf(state);
    return { state, stateVector: Y.encodeStateVector(this.doc) };
  }

  /** A message from another instance holding this document. */
  async receiveRelayed(message: RelayMessage): Promise<void | ReplicaAnswer> {
    if (this.closed) return;
    switch (message.kind) {
      case "update":
        return Y.applyUpdate(this.doc, message.update, RELAYED);
      case "presence":
        return awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, RELAYED);
      case "hello": {
        const missing = withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc, message.stateVector));
        if (!isEmptyUpdate(missing)) this.relay?.publish({ kind: "update", update: missing });
        return this.publishLocalPresence();
      }
      case "settle":
        if (message.freeze) this.freeze();
        return this.writer.flush();
      case "compare": {
        const mine = this.replicaState();
        const inStep = Buffer.from(mine.digest).equals(message.digest);
        const update = inStep
          ? new Uint8Array([0, 0])
          : withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc, message.stateVector));
        return { ...mine, update };
      }
    }
  }

  /** Asks the other instances for what this one lacks (after loading, or after the relay was down). */
  greetOthers() {
    if (!this.relay) return;
    this.relay.publish({ kind: "hello", stateVector: Y.encodeStateVector(this.doc) });
    this.publishLocalPresence();
  }

  /**
   * The state vector says which edits a replica holds, but not which deletions: the
   * digest covers both, so two replicas with equal digests hold the same document.
   */
  replicaState(): ReplicaState {
    const snapshot = Y.snapshot(this.doc);
    const digest = createHash("sha256").update(Y.encodeSnapshot(snapshot)).digest();
    return { stateVector: Y.encodeStateVector(this.doc), digest: new Uint8Array(digest) };
  }

  /** What the database holds of the document (what other instances stored), added to this replica. */
  addStored(stored: StoredDocument) {
    if (this.closed) return;
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, FROM_LOG);
      for (const { update } of stored.updates) Y.applyUpdate(this.doc, update, FROM_LOG);
    }, FROM_LOG);
  }

  /**
   * After the relay was down (ADR 010): compares this replica with every other one
   * holding the document, in rounds, until a round in which every instance reached
   * answered with the same state. Each round takes from each answer what this replica
   * lacks, and sends each instance that differs what it lacks. Answers whether they
   * agreed before the rounds ran out (a later reconnection or load tries again).
   */
  async compareUntilInStep(): Promise<boolean> {
    if (!this.relay) return true;
    for (const pause of COMPARE_PAUSES_MS) {
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      if (this.closed) return true;
      const mine = this.replicaState();
      const { asked, answers } = await this.relay.compare(mine);
      if (this.closed) return true;
      let inStep = answers.length >= asked;
      for (const answer of answers) {
        if (Buffer.from(answer.digest).equals(mine.digest)) continue;
        inStep = false;
        if (!isEmptyUpdate(answer.update)) Y.applyUpdate(this.doc, answer.update, RELAYED);
        const theyLack = withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc, answer.stateVector));
        this.relay.publish({ kind: "update", update: theyLack });
      }
      if (inStep) return true;
    }
    return false;
  }

  /** Tells the other instances who is present through this one. */
  private publishLocalPresence() {
    if (!this.relay) return;
    const present = new Set<number>();
    for (const connection of this.connections) {
      if (connection.clientId !== null && this.awareness.getStates().has(connection.clientId)) present.add(connection.clientId);
    }
    if (present.size > 0)
      this.relay.publish({ kind: "presence", update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...present]) });
  }

  private receivePresence(connection: CollabConnection, update: Uint8Array) {
    const guarded = guardAwarenessUpdate(update, connection, (clientId) =>
      [...this.connections].some(
        (c) => c !== connection && c.clientId === clientId && c.identity.key !== connection.identity.key,
      ),
    );
    connection.clientId = guarded.clientId;
    if (guarded.update) awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded.update, connection);
  }

  private sendPresence() {
    this.presenceTimer = null;
    const changed = [...this.changedPresence];
    const changedHere = [...this.changedLocalPresence];
    this.changedPresence.clear();
    this.changedLocalPresence.clear();
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(update);
    // Back to the sender too: the stock provider counts any message as a sign of life.
    for (const connection of this.connections) connection.send(message);
    if (changedHere.length === 0) return;
    const relayed =
      changedHere.length === changed.length ? update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changedHere);
    this.relay?.publish({ kind: "presence", update: relayed });
  }

  /** This connection's holder may no longer write (their role was lowered): told once, edits dropped from now. */
  makeReader(connection: CollabConnection) {
    if (connection.access === "read") return;
    connection.access = "read";
    if (!connection.toldReadOnly) {
      connection.toldReadOnly = true;
      connection.send(encodePermissionDenied("read-only: your role no longer allows editing"));
    }
  }

  get isFrozen() {
    return this.frozen;
  }

  /** From now on nobody writes; writers are told so. */
  freeze() {
    if (this.frozen) return;
    this.frozen = true;
    for (const connection of this.connections) {
      if (connection.access === "write" && !connection.toldReadOnly) {
        connection.toldReadOnly = true;
        connection.send(encodePermissionDenied("frozen: changes are not saved"));
      }
    }
  }

  /** Final flush and compaction; then the memory is released. */
  async close() {
    this.stopTimers();
    this.closed = true;
    try {
      await this.writer.close();
    } finally {
      this.awareness.destroy();
      this.doc.destroy();
    }
  }

  /** Drops everything not yet stored, as a killed process would. */
  abandon() {
    this.stopTimers();
    this.closed = true;
    this.writer.abandon();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private stopTimers() {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
  }
}

/** Yjs holds content it could not place yet (from the relay or the log: what a client sends is checked first). */
function hasPending(doc: Y.Doc) {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

const digestOf = (bytes: Uint8Array) => createHash("sha1").update(bytes).digest("base64");

/** An update that changes nothing: no structs and an empty delete set. */
function isEmptyUpdate(update: Uint8Array) {
  return update.byteLength <= 2;
}
