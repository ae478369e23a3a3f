import { createHash } from "node:crypto";
import * as Y from "yjs";

const EMPTY_STATE_VECTOR = Uint8Array.of(0);
const MAX_CACHED_DIFFS = 16;
const MAX_KNOWN_NO_OPS = 1000;
/** Smaller edits are cheaper to apply than to hash. */
const NO_OP_MIN_BYTES = 1024;

const keyOf = (stateVector: Uint8Array) =>
  Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString("base64");

/**
 * What a crowd of clients asks of one document version, computed once. After a restart
 * hundreds reconnect within seconds, mostly holding the same state (or none): each
 * answer to sync step 1 walks the whole document, and each of their replies (sync
 * step 2, with their whole delete set) costs milliseconds to apply and changes nothing.
 * Everything here is forgotten at the next change of the document.
 */
export class SyncCache {
  private readonly diffs = new Map<string, Uint8Array>();
  private diffBytes = 0;
  private readonly noOps = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    /** Bounds the cached diffs to about one more copy of the document. */
    private readonly maxBytes: number,
    /**
     * The stored snapshot, when the document was loaded from it alone: it is already the
     * full state, the answer to an empty state vector, and encoding it again would walk
     * the whole document while the first client waits.
     */
    loadedFullState: Uint8Array | null = null,
  ) {
    if (loadedFullState) this.remember(EMPTY_STATE_VECTOR, loadedFullState);
  }

  fullState(): Uint8Array {
    return this.missing(EMPTY_STATE_VECTOR);
  }

  /** What a client with that state vector lacks. */
  missing(stateVector: Uint8Array): Uint8Array {
    return (
      this.diffs.get(keyOf(stateVector)) ??
      this.remember(
        stateVector,
        withoutPending(this.doc, () => Y.encodeStateAsUpdate(this.doc, stateVector)),
      )
    );
  }

  private remember(stateVector: Uint8Array, diff: Uint8Array): Uint8Array {
    if (this.diffs.size >= MAX_CACHED_DIFFS || this.diffBytes + diff.byteLength > this.maxBytes) {
      this.diffs.clear();
      this.diffBytes = 0;
    }
    this.diffs.set(keyOf(stateVector), diff);
    this.diffBytes += diff.byteLength;
    return diff;
  }

  /** A key for a large edit, or null for a small one (not worth remembering). */
  noOpKey(update: Uint8Array): string | null {
    return update.byteLength >= NO_OP_MIN_BYTES ? createHash("sha1").update(update).digest("base64") : null;
  }

  isKnownNoOp(key: string | null): boolean {
    return key !== null && this.noOps.has(key);
  }

  rememberNoOp(key: string | null) {
    if (key === null) return;
    if (this.noOps.size >= MAX_KNOWN_NO_OPS) this.noOps.clear();
    this.noOps.add(key);
  }

  /** The document changed: every answer is stale. */
  invalidate() {
    this.diffs.clear();
    this.diffBytes = 0;
    this.noOps.clear();
  }
}

/**
 * Runs `encode` as if Yjs held nothing pending. Yjs adds what it could not place yet
 * (content that refers to content it lacks) to every state it encodes: no client could
 * place it either, and a snapshot would keep it for ever (ADR 010). It stays in memory,
 * where the missing content may still arrive through the relay.
 */
export function withoutPending<T>(doc: Y.Doc, encode: () => T): T {
  const { pendingStructs, pendingDs } = doc.store;
  if (pendingStructs === null && pendingDs === null) return encode();
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return encode();
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}
