import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SyncCache } from "./sync-cache";

const EMPTY_STATE_VECTOR = Uint8Array.of(0);

describe("SyncCache", () => {
  it("answers an empty state vector with the snapshot it was loaded from, until the document changes", () => {
    const source = new Y.Doc();
    source.getText("body").insert(0, "Voids: 42 days");
    const snapshot = Y.encodeStateAsUpdate(source);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const cache = new SyncCache(doc, 1024 * 1024, snapshot);

    expect(cache.missing(EMPTY_STATE_VECTOR)).toBe(snapshot);
    expect(cache.fullState()).toBe(snapshot);

    doc.getText("body").insert(0, "Now: ");
    cache.invalidate();
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, cache.fullState());
    expect(fresh.getText("body").toString()).toBe("Now: Voids: 42 days");
  });
});
