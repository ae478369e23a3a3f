import { describe, expect, it } from "vitest";
import type { CollabStorage, UpdateToStore } from "./document-storage";
import { DocumentWriter } from "./document-writer";

const LONG_WINDOW = { commitWindowMs: 60_000, commitMaxBatch: 100, compactLogRows: 500, compactLogBytes: 1024 * 1024 };

function writerWithStore() {
  const stored: UpdateToStore[][] = [];
  let seq = 0;
  const storage = {
    store: async (_name: string, updates: UpdateToStore[]) => (stored.push(updates), updates.map(() => ++seq)),
  } as unknown as CollabStorage;
  const writer = new DocumentWriter(
    "exception:test",
    storage,
    LONG_WINDOW,
    {
      snapshotWith: () => ({ state: new Uint8Array(), stateVector: new Uint8Array() }),
      committed: () => {},
      logger: { info() {}, warn() {}, error() {} },
    },
    { seqs: [], logBytes: 0 },
  );
  return { writer, stored };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("the document writer", () => {
  it("holds a typed update for the group commit, and stores a client's catch-up at once", async () => {
    const { writer, stored } = writerWithStore();
    writer.append(Uint8Array.of(1), null);
    await settle();
    expect(stored).toHaveLength(0); // waits for the (here one-minute) window
    writer.append(Uint8Array.of(2), null);
    writer.commitNow();
    await settle();
    expect(stored.flat().map((u) => u.update[0])).toEqual([1, 2]); // the catch-up takes what waited with it
    expect(writer.longestUncommittedMs).toBeGreaterThanOrEqual(40);
    writer.abandon();
  });
});
