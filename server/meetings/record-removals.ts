import * as Y from "yjs";

/**
 * The top-level lists an update would remove entries from: a deletion of a direct
 * child of a root type held by `doc` (an agreed action taken out of `actions:<item>`,
 * a suggestion out of `suggestions:<item>`). Edits inside an entry (a field of an
 * action changed) are not removals. Content the update itself adds and deletes is
 * new, not removed.
 */
export function rootsWithRemovedEntries(doc: Y.Doc, update: Uint8Array): Set<string> {
  const { ds } = Y.decodeUpdate(update);
  const roots = new Set<string>();
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      let clock = range.clock;
      const end = Math.min(range.clock + range.len, known);
      while (clock < end) {
        let struct: Y.Item | Y.AbstractStruct;
        try {
          struct = Y.getItem(doc.store, Y.createID(client, clock));
        } catch {
          break;
        }
        if (struct instanceof Y.Item && !struct.deleted) {
          const parent = struct.parent as Y.AbstractType<unknown> | null;
          // A root type has no item of its own: its direct children are the entries.
          if (parent && parent._item === null) {
            try {
              roots.add(Y.findRootTypeKey(parent));
            } catch {
              // A type outside the document's roots: not an entry of the record.
            }
          }
        }
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return roots;
}

/**
 * Whether an update names someone else as the author of a suggestion: the `by` field of
 * a suggestion (the only entries with that field) must be the writer's own id.
 */
export function claimsAnotherAuthor(update: Uint8Array, userId: string): boolean {
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== "by") continue;
    const values = struct.content.getContent();
    if (values.length !== 1 || values[0] !== userId) return true;
  }
  return false;
}
