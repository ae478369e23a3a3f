// How many uploads are read at once. Each file is read in a thread of its own
// that may use up to 256 MB (import-limits.ts); without a cap, twenty people
// uploading at once (or one script in a loop) could ask for 5 GB and starve
// every organisation's requests of memory and both cores. A few threads run,
// a few files wait their turn, and past that an upload is refused at once
// with "try again in a minute" rather than queued without end.
//
// Two threads: the machine we size for has two cores, shared with the event
// loop, so a third file read at once would only slow the other two and every
// page with them; eight waiting, so that a team uploading its month at once
// is served in turn, not refused.

import pLimit, { type LimitFunction } from "p-limit";

export interface ImportThreadLimits {
  /** Files read at the same time, each in its own thread. */
  running: number;
  /** Files that may wait for a thread; one more is refused. */
  waiting: number;
}

export const DEFAULT_IMPORT_THREAD_LIMITS: Readonly<ImportThreadLimits> = Object.freeze({ running: 2, waiting: 8 });

/** What an upload gets when every thread is busy and the queue is full. */
/** Seconds to suggest in Retry-After when an upload is refused as busy, and in its message. */
export const IMPORTS_BUSY_RETRY_SECONDS = 30;

export const IMPORTS_BUSY_MESSAGE = `Minuted is reading other files just now and cannot take another: nothing has changed, try again in ${IMPORTS_BUSY_RETRY_SECONDS} seconds`;

export class ImportThreads {
  private readonly limit: LimitFunction;

  constructor(private readonly limits: ImportThreadLimits = DEFAULT_IMPORT_THREAD_LIMITS) {
    this.limit = pLimit(limits.running);
  }

  /** Runs `work` when a thread is free; `{ busy: true }` at once when too many files already wait. */
  async run<T>(work: () => Promise<T>): Promise<{ busy: false; value: T } | { busy: true }> {
    if (this.limit.activeCount >= this.limits.running && this.limit.pendingCount >= this.limits.waiting) {
      return { busy: true };
    }
    return { busy: false, value: await this.limit(work) };
  }

  get running(): number {
    return this.limit.activeCount;
  }

  get waiting(): number {
    return this.limit.pendingCount;
  }
}
