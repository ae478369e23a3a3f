import type { CollabConnection } from "./collab-connection";
import type { CollabStorage, LoggedUpdate, Snapshot } from "./document-storage";
import type { CollabLogger } from "./logger";

export type WriterLimits = {
  /** How long an update may wait for its group commit. */
  commitWindowMs: number;
  /** Updates per multi-row INSERT; a full batch is written at once. */
  commitMaxBatch: number;
  /** Compact when the log since the snapshot passes either of these. */
  compactLogRows: number;
  compactLogBytes: number;
};

type PendingUpdate = {
  update: Uint8Array;
  userId: string | null;
  at: Date;
  connection: CollabConnection | null;
  editIndex: number;
};

const RETRY_AFTER_FAILURE_MS = 1000;

/**
 * The persistence of one loaded document. Updates are applied and broadcast from
 * memory first and queued here; a group commit writes what waited at most
 * `commitWindowMs` in one INSERT. A crash loses at most that window, which clients
 * resend on reconnect (they keep their document). Writes and compactions run one
 * at a time, in order, on `chain`. The database numbers the rows, so instances that
 * share a document (ADR 008) append to its log without coordinating.
 */
export class DocumentWriter {
  private pending: PendingUpdate[] = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private abandoned = false;
  logRows: number;
  logBytes: number;
  /** The longest an update has waited in memory until its row was committed: what a crash could lose. */
  longestUncommittedMs = 0;
  /** Log rows this document already holds (read when loading, or stored from here): compaction skips them. */
  private readonly heldSeqs: Set<number>;

  constructor(
    private readonly name: string,
    private readonly storage: CollabStorage,
    private readonly limits: WriterLimits,
    private readonly hooks: {
      /** The document's state once it holds every row of `log` (rows other writers stored included). */
      snapshotWith(log: LoggedUpdate[], stored: Uint8Array | null): Snapshot;
      committed(connections: Set<CollabConnection>): void;
      logger: CollabLogger;
    },
    loaded: { seqs: number[]; logBytes: number },
  ) {
    this.heldSeqs = new Set(loaded.seqs);
    this.logRows = loaded.seqs.length;
    this.logBytes = loaded.logBytes;
  }

  get pendingCount() {
    return this.pending.length;
  }

  /** Queues an update for the next group commit. */
  append(update: Uint8Array, connection: CollabConnection | null) {
    this.pending.push({
      update,
      userId: connection?.identity.userId ?? null,
      at: new Date(),
      connection,
      editIndex: connection?.editsReceived ?? 0,
    });
    if (connection) connection.uncommittedRows += 1;
    if (this.pending.length >= this.limits.commitMaxBatch) this.commitSoon(0);
    else this.commitSoon(this.limits.commitWindowMs);
  }

  /** Commits what waits without waiting for the window. */
  commitNow() {
    if (this.pending.length > 0) this.commitSoon(0);
  }

  private commitSoon(delayMs: number) {
    if (this.abandoned) return;
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush()
        .then(() => (this.needsCompaction() ? this.compact() : undefined))
        .catch((error) => {
          this.hooks.logger.error("collab: storing updates failed; retrying", { document: this.name, error: String(error) });
          this.commitSoon(RETRY_AFTER_FAILURE_MS);
        });
    }, delayMs);
  }

  /** Writes everything queued so far, in batches of at most commitMaxBatch rows. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      while (this.pending.length > 0 && !this.abandoned) {
        const batch = this.pending.slice(0, this.limits.commitMaxBatch);
        for (const seq of await this.storage.store(this.name, batch)) this.heldSeqs.add(seq);
        this.longestUncommittedMs = Math.max(this.longestUncommittedMs, Date.now() - batch[0].at.getTime());
        this.pending.splice(0, batch.length);
        this.logRows += batch.length;
        this.logBytes += batch.reduce((sum, u) => sum + u.update.byteLength, 0);
        const connections = new Set<CollabConnection>();
        for (const entry of batch) {
          if (!entry.connection) continue;
          entry.connection.noteCommitted(entry.editIndex);
          connections.add(entry.connection);
        }
        this.hooks.committed(connections);
      }
    });
  }

  needsCompaction() {
    return this.logRows > this.limits.compactLogRows || this.logBytes > this.limits.compactLogBytes;
  }

  /**
   * Replaces snapshot and log with the document's current state. It runs after every
   * queued write, and folds in every row of the log, so the snapshot holds every stored
   * update; it may also hold a few not stored yet, which will be logged later and
   * reapplied harmlessly on load.
   */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      if (this.abandoned || this.logRows === 0) return;
      await this.storage.compact(this.name, (log, stored) =>
        this.hooks.snapshotWith(
          log.filter((row) => !this.heldSeqs.has(row.seq)),
          stored,
        ),
      );
      this.heldSeqs.clear();
      this.logRows = 0;
      this.logBytes = 0;
    });
  }

  /** Final flush and compaction, when the document unloads. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    await this.compact();
  }

  /** Forgets what was not stored, as a killed process would (tests of crash recovery). */
  abandon() {
    this.abandoned = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => {});
    return run;
  }
}
