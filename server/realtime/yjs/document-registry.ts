import type { CollabConnection } from "./collab-connection";
import type { DocumentRelay, PublishedMessage, ReplicaState } from "./document-relay";
import type { CollabStorage, StoredDocument } from "./document-storage";
import { LoadedDocument, type DocumentLimits, type EditGuard } from "./loaded-document";
import type { CollabLogger } from "./logger";
import { encodeSyncStep1From, encodeSyncStep2 } from "./sync-messages";
import { flushWrites } from "./ws-transport";

export type RegistryLimits = DocumentLimits & {
  maxConnectionsPerDocument: number;
  /** How long an unused document stays loaded (a page reload comes straight back). */
  unloadDelayMs: number;
};

export type AttachResult = "attached" | "full" | "closed";

/**
 * The documents this process has in memory, one Y.Doc per name. A document is loaded
 * by its first connection (snapshot and log read in full before anyone is answered),
 * and unloaded after its last connection leaves: final flush, compaction, release.
 * A connection that arrives while its document unloads waits and loads it afresh.
 * With a relay, a loaded document also joins the other instances holding it.
 */
export class DocumentRegistry {
  private readonly loading = new Map<string, Promise<LoadedDocument>>();
  private readonly loaded = new Map<string, LoadedDocument>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Connections waiting for their document to load, by name. */
  private readonly waiting = new Map<string, Set<CollabConnection>>();

  constructor(
    private readonly storage: CollabStorage,
    private readonly limits: RegistryLimits,
    private readonly logger: CollabLogger,
    /** The edit guard for a document, by its name (e.g. the declarations rule of meeting minutes). */
    private readonly guardFor: (name: string) => EditGuard | null = () => null,
    private readonly relay: DocumentRelay | null = null,
  ) {
    // Messages may have been lost while Redis was away: each document is brought in step again (ADR 010).
    relay?.onReconnected(() => this.loaded.forEach((document) => this.bringInStep(document)));
  }

  /** Documents being brought in step, and whether another reconnection asked for it again meanwhile. */
  private readonly bringingInStep = new Map<LoadedDocument, { again: boolean }>();

  /**
   * After the relay was down: first what other instances stored meanwhile (some may have
   * unloaded the document since, and hold it no more), then the replicas compared until
   * they agree. A run asked for again while it runs runs once more after it.
   */
  private bringInStep(document: LoadedDocument) {
    const running = this.bringingInStep.get(document);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.bringingInStep.set(document, state);
    const run = async (): Promise<void> => {
      do {
        state.again = false;
        if (this.loaded.get(document.name) !== document) return;
        document.addStored(await this.storage.load(document.name));
        document.greetOthers();
        if (!(await document.compareUntilInStep()))
          this.logger.warn("collab: instances still differ after comparing; the next reconnection or load tries again", {
            document: document.name,
          });
      } while (state.again);
    };
    run()
      .catch((error) =>
        this.logger.error("collab: bringing a document in step failed", { document: document.name, error: String(error) }),
      )
      .finally(() => this.bringingInStep.delete(document));
  }

  async attach(name: string, organisationId: string, connection: CollabConnection): Promise<AttachResult> {
    const waiting = this.waiting.get(name) ?? new Set<CollabConnection>();
    this.waiting.set(name, waiting.add(connection));
    try {
      return await this.attachWhenLoaded(name, organisationId, connection);
    } finally {
      waiting.delete(connection);
      if (waiting.size === 0 && this.waiting.get(name) === waiting) this.waiting.delete(name);
    }
  }

  private async attachWhenLoaded(name: string, organisationId: string, connection: CollabConnection): Promise<AttachResult> {
    for (;;) {
      const unloading = this.unloading.get(name);
      if (unloading) {
        await unloading;
        continue;
      }
      let loading = this.loading.get(name);
      if (!loading) {
        loading = this.load(name, organisationId);
        this.loading.set(name, loading);
      }
      const document = await loading;
      if (this.loading.get(name) !== loading) continue; // it unloaded while we waited
      if (connection.closed) {
        this.unloadWhenUnused(document);
        return "closed";
      }
      if (document.connections.size >= this.limits.maxConnectionsPerDocument) return "full";
      this.cancelUnload(name);
      document.attach(connection);
      // Its first answer goes now: the compaction that may follow a cold load would hold it back.
      flushWrites();
      connection.onClose(() => this.unloadWhenUnused(document));
      return "attached";
    }
  }

  private async load(name: string, organisationId: string): Promise<LoadedDocument> {
    // Joined before reading storage, so that no edit falls between what the database
    // holds and what the relay brings; messages that come meanwhile wait for the document.
    let loaded: (document: LoadedDocument | null) => void = () => {};
    const ready = new Promise<LoadedDocument | null>((resolve) => (loaded = resolve));
    await this.relay?.join(name, (message) => ready.then((document) => document?.receiveRelayed(message)));
    try {
      const stored = await this.storage.load(name);
      // Sent before the long build, not held back until the next flush after it.
      if (this.answerWaitingFromSnapshot(name, stored)) flushWrites();
      if (!stored.exists) await this.storage.ensure(name, organisationId);
      const relay = this.relay;
      const link = relay
        ? {
            publish: (message: PublishedMessage) => relay.publish(name, message),
            compare: (state: ReplicaState) => relay.compare(name, state),
          }
        : null;
      const document = new LoadedDocument(
        name,
        stored.frozenAt !== null,
        stored,
        this.storage,
        this.limits,
        this.logger,
        this.guardFor(name),
        link,
      );
      this.loaded.set(name, document);
      loaded(document);
      document.greetOthers();
      // A long log left by a crash is folded into the snapshot soon after loading.
      if (document.writer.needsCompaction()) {
        document.writer
          .compact()
          .catch((error) => this.logger.error("collab: compaction failed", { document: name, error: String(error) }));
      }
      return document;
    } catch (error) {
      loaded(null);
      this.loading.delete(name);
      await this.relay?.leave(name).catch(() => {});
      throw error;
    }
  }

  /**
   * A compacted document's snapshot is the whole document, already encoded: the clients
   * waiting get it before the Y.Doc is built from it, which for 100 KB took longer than
   * the rest of a cold load together. Answers whether any client was answered.
   */
  private answerWaitingFromSnapshot(name: string, stored: StoredDocument): boolean {
    if (!stored.snapshot || !stored.snapshotStateVector || stored.updates.length > 0) return false;
    const answer = encodeSyncStep2(stored.snapshot);
    const heldState = encodeSyncStep1From(stored.snapshotStateVector);
    let answered = false;
    for (const connection of this.waiting.get(name) ?? [])
      answered = connection.answerWaitingSyncStep1(answer, heldState) || answered;
    return answered;
  }

  private unloadWhenUnused(document: LoadedDocument) {
    if (document.connections.size > 0 || this.loaded.get(document.name) !== document) return;
    this.cancelUnload(document.name);
    this.unloadTimers.set(
      document.name,
      setTimeout(() => void this.unload(document), this.limits.unloadDelayMs),
    );
  }

  private cancelUnload(name: string) {
    const timer = this.unloadTimers.get(name);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(name);
  }

  private unload(document: LoadedDocument): Promise<void> {
    const { name } = document;
    this.cancelUnload(name);
    if (this.loaded.get(name) !== document) return this.unloading.get(name) ?? Promise.resolve();
    this.loaded.delete(name);
    this.loading.delete(name);
    const done = document
      .close()
      .catch((error) => this.logger.error("collab: final flush failed", { document: name, error: String(error) }))
      .then(() => this.relay?.leave(name))
      .catch((error) => this.logger.error("collab: leaving the relay failed", { document: name, error: String(error) }))
      .finally(() => this.unloading.delete(name));
    this.unloading.set(name, done);
    return done;
  }

  /** The documents loaded now. */
  documents(): LoadedDocument[] {
    return [...this.loaded.values()];
  }

  /** The loaded document of that name, if any (for freezing it in place). */
  get(name: string): LoadedDocument | undefined {
    return this.loaded.get(name);
  }

  /** First step of a shutdown: no more edits anywhere, then every document stored and compacted. */
  async storeAllForShutdown(): Promise<void> {
    const documents = [...this.loaded.values()];
    for (const document of documents) document.stopAcceptingEdits();
    await Promise.all(
      documents.map((document) =>
        document.writer
          .close()
          .catch((error) => this.logger.error("collab: final flush failed", { document: document.name, error: String(error) })),
      ),
    );
  }

  /** Unloads every document now (their connections are closed by then). */
  async unloadAll(): Promise<void> {
    await Promise.all([...this.loaded.values()].map((document) => this.unload(document)));
    await Promise.all([...this.unloading.values()]);
  }

  /** Forgets every document without storing what waits: a simulated kill -9, for tests. */
  abandonAll() {
    for (const [name, document] of this.loaded) {
      this.cancelUnload(name);
      document.abandon();
      this.relay?.leave(name).catch(() => {});
    }
    this.loaded.clear();
    this.loading.clear();
  }

  stats() {
    let connections = 0;
    let pendingUpdates = 0;
    let longestUncommittedMs = 0;
    for (const document of this.loaded.values()) {
      connections += document.connections.size;
      pendingUpdates += document.writer.pendingCount;
      longestUncommittedMs = Math.max(longestUncommittedMs, document.writer.longestUncommittedMs);
    }
    return { documents: this.loaded.size, connections, pendingUpdates, longestUncommittedMs, unloading: this.unloading.size };
  }
}
