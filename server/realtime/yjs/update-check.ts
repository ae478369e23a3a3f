import * as Y from "yjs";

/** Why an incoming edit may not be applied. */
export type UpdateRefusal =
  /** It refers to content the document does not have (yet): Yjs would keep it aside as "pending", for ever. */
  | "pending"
  /** It nests shared types (elements, maps, arrays) deeper than the limit. */
  | "too-deep";

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * Checks an edit against the document before it is applied, without applying it:
 * whether every struct and deletion in it can be integrated now (what Yjs cannot place
 * it keeps in `doc.store.pendingStructs` / `pendingDs`, which grow without limit, are
 * stored with the snapshot and sent to every client), and how deep the types it adds
 * are nested. Null when the edit may be applied.
 *
 * The pending check follows Yjs's own rule (Item.getMissing and the clock of each
 * client): a struct can be placed once its own client's earlier clocks, its origins and
 * its parent (from other clients) are in the document or placed before it from the same
 * update. It decodes the update once; a keystroke costs a few microseconds.
 */
export function checkIncomingUpdate(doc: Y.Doc, update: Uint8Array, maxDepth: number): UpdateRefusal | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs as Struct[]) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  if (leavesPending(doc, byClient, ds)) return "pending";
  if (nestsTooDeep(doc, byClient, maxDepth)) return "too-deep";
  return null;
}

function leavesPending(doc: Y.Doc, byClient: Map<number, Struct[]>, ds: ReturnType<typeof Y.decodeUpdate>["ds"]): boolean {
  const state = new Map<number, number>();
  const stateOf = (client: number) => state.get(client) ?? Y.getState(doc.store, client);
  const has = (id: Y.ID | null, client: number) => !id || id.client === client || id.clock < stateOf(id.client);
  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));

  // Places what can be placed until nothing more can: an order Yjs would also find.
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const [client, list] of byClient) {
      let i = next.get(client)!;
      while (i < list.length) {
        const struct = list[i];
        if (struct instanceof Y.Skip) {
          i += 1;
          continue;
        }
        const local = stateOf(client);
        if (struct.id.clock > local) break; // a gap in this client's clocks
        if (struct instanceof Y.Item) {
          const parent = struct.parent instanceof Y.ID ? struct.parent : null;
          if (!has(struct.origin, client) || !has(struct.rightOrigin, client) || !has(parent, client)) break;
        }
        state.set(client, Math.max(local, struct.id.clock + struct.length));
        i += 1;
        progressed = true;
      }
      next.set(client, i);
    }
  }
  for (const [client, list] of byClient) if (next.get(client)! < list.length) return true;
  for (const [client, ranges] of ds.clients) {
    const known = stateOf(client);
    for (const range of ranges) if (range.clock + range.len > known) return true;
  }
  return false;
}

/**
 * The nesting of each new type: the depth of its parent plus one, where a root type is
 * at depth 0 and an item whose parent is implied shares its neighbour's parent. Walked
 * without recursion: the update being checked may itself be thousands of levels deep.
 */
function nestsTooDeep(doc: Y.Doc, byClient: Map<number, Struct[]>, maxDepth: number): boolean {
  const incoming = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid];
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct instanceof Y.Item ? struct : null;
    }
    return null;
  };
  const stored = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
    return struct instanceof Y.Item ? struct : null;
  };
  /** Depth of the parent of a stored item: how many types hold it. */
  const storedParentDepth = (item: Y.Item) => {
    let depth = 0;
    let type = item.parent as Y.AbstractType<unknown> | null;
    while (type?._item) {
      depth += 1;
      type = type._item.parent as Y.AbstractType<unknown> | null;
    }
    return depth;
  };

  const parentDepth = new Map<Y.Item, number>();
  const resolve = (start: Y.Item): number => {
    // Follows parents and neighbours down to something known, then numbers the way back.
    const chain: { item: Y.Item; step: number }[] = [];
    const seen = new Set<Y.Item>();
    let item = start;
    let base = 0;
    for (;;) {
      const known = parentDepth.get(item);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (seen.has(item)) break; // a loop a real client cannot make: depth 0 here, the pending check refused it anyway
      seen.add(item);
      let link: Y.ID | null = null;
      let step = 0;
      if (typeof item.parent === "string") {
        chain.push({ item, step: 0 });
        break;
      } else if (item.parent instanceof Y.ID) {
        link = item.parent;
        step = 1;
      } else if (item.parent) {
        chain.push({ item, step: 0 });
        base = storedParentDepth(item);
        break;
      } else link = item.origin ?? item.rightOrigin;
      if (!link) {
        chain.push({ item, step: 0 });
        break;
      }
      const fromUpdate = incoming(link);
      const fromDoc = fromUpdate ? null : stored(link);
      if (fromDoc) {
        chain.push({ item, step });
        base = storedParentDepth(fromDoc);
        break;
      }
      if (!fromUpdate) {
        chain.push({ item, step: 0 });
        break;
      }
      chain.push({ item, step });
      item = fromUpdate;
    }
    // Each link's step applies to the depth of what it points at: +1 from a parent item, 0 from a neighbour.
    let depth = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      depth += chain[i].step;
      parentDepth.set(chain[i].item, depth);
    }
    return parentDepth.get(start) ?? depth;
  };

  for (const list of byClient.values()) {
    for (const struct of list) {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType && resolve(struct) + 1 > maxDepth) return true;
    }
  }
  return false;
}
