import * as Y from "yjs";

/**
 * The names of the top-level shared types (doc.getXmlFragment(name), getArray(name)...)
 * that an update would change if applied to `doc`: new content and deletions alike.
 * Null when some change cannot be placed (it refers to content neither the update nor
 * the document holds): a caller enforcing a rule must then refuse the update.
 *
 * Used to keep a person out of parts of a shared document, e.g. the minutes of an item
 * on which they declared an interest, without a copy of the document per check.
 */
export function rootsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = new Map<string, Y.Item>();
  for (const struct of structs) {
    if (struct instanceof Y.Item) incoming.set(key(struct.id), struct);
  }
  const roots = new Set<string>();
  const rootCache = new Map<Y.Item, string | null>();

  const rootOfStoredItem = (item: Y.Item): string | null => {
    let type = item.parent as Y.AbstractType<unknown> | null;
    while (type?._item) type = type._item.parent as Y.AbstractType<unknown> | null;
    if (!type) return null;
    try {
      return Y.findRootTypeKey(type);
    } catch {
      return null;
    }
  };

  /** What the document holds at `id`: an item, a garbage-collected range, or nothing yet. */
  const storedStruct = (id: Y.ID): Y.Item | Y.GC | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      return Y.getItem(doc.store, id) as Y.Item | Y.GC;
    } catch {
      return null;
    }
  };

  const storedItem = (id: Y.ID): Y.Item | null => {
    const struct = storedStruct(id);
    return struct instanceof Y.Item ? struct : null;
  };

  // An item of the update names its parent (a root's name or the item holding the
  // parent type) or, when the parent is implied, its left or right neighbour.
  const rootOfIncoming = (item: Y.Item, depth: number): string | null => {
    if (rootCache.has(item)) return rootCache.get(item) ?? null;
    let root: string | null = null;
    if (depth < 10_000) {
      if (typeof item.parent === "string") root = item.parent;
      else if ((item.parent as unknown) instanceof Y.ID) root = rootOfId(item.parent as unknown as Y.ID, depth + 1);
      else if (item.origin) root = rootOfId(item.origin, depth + 1);
      else if (item.rightOrigin) root = rootOfId(item.rightOrigin, depth + 1);
    }
    rootCache.set(item, root);
    return root;
  };

  const rootOfId = (id: Y.ID, depth: number): string | null => {
    const stored = storedItem(id);
    if (stored) return rootOfStoredItem(stored);
    const inUpdate = findIncoming(id);
    return inUpdate ? rootOfIncoming(inUpdate, depth) : null;
  };

  // An ID may point inside a multi-character item of the update.
  const findIncoming = (id: Y.ID): Y.Item | null => {
    const exact = incoming.get(key(id));
    if (exact) return exact;
    for (const item of incoming.values()) {
      if (item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length) return item;
    }
    return null;
  };

  for (const item of incoming.values()) {
    const root = rootOfIncoming(item, 0);
    if (root === null) return null;
    roots.add(root);
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end) {
        const id = Y.createID(client, clock);
        const gone = storedStruct(id);
        if (gone && (gone instanceof Y.GC || gone.deleted)) {
          // Deleting what is deleted here changes nothing. Every client's sync reply carries
          // its whole delete set, including the server's own deletions, whose nested content
          // is garbage collected and names no root: refused as unknown, a member joining a
          // record with a removed suggestion was disconnected where the clerk holds the pen.
          clock = gone.id.clock + gone.length;
          continue;
        }
        const stored = storedItem(id);
        if (stored) {
          const root = rootOfStoredItem(stored);
          if (root === null) return null;
          roots.add(root);
          clock = stored.id.clock + stored.length;
          continue;
        }
        const inUpdate = findIncoming(id);
        if (!inUpdate) return null;
        clock = inUpdate.id.clock + inUpdate.length;
      }
    }
  }
  return roots;
}

const key = (id: Y.ID) => `${id.client}:${id.clock}`;
