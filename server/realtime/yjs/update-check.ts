import * as Y from "yjs";

/** Why an incoming edit may not be applied. */
export type UpdateRefusal =
  /** It refers to content the document does not have (yet): Yjs would keep it aside as "pending", for ever. */
  | "pending"
  /** It nests shared types (elements, maps, arrays) deeper than the limit. */
  | "too-deep"
  /** It gives a table more rows, or a row more cells, than the limit. */
  | "table-too-large";

/** Rows of a table and cells of a row, at most (a cell spanning columns counts once). */
export type TableCaps = { maxRows: number; maxColumns: number };

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
export function checkIncomingUpdate(doc: Y.Doc, update: Uint8Array, maxDepth: number, tables?: TableCaps): UpdateRefusal | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs as Struct[]) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  if (leavesPending(doc, byClient, ds)) return "pending";
  if (nestsTooDeep(doc, byClient, maxDepth)) return "too-deep";
  if (tables && tablesTooLarge(doc, byClient, ds, tables)) return "table-too-large";
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

type DeleteSet = ReturnType<typeof Y.decodeUpdate>["ds"];

/** The struct of the update that holds `id`, if the update has it. */
function incomingStruct(byClient: Map<number, Struct[]>, id: Y.ID): Y.Item | null {
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
}

/** The item of the document that holds `id`, if the document has it. */
function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item ? struct : null;
}

const deletedIn = (ds: DeleteSet, id: Y.ID) =>
  (ds.clients.get(id.client) ?? []).some((range) => id.clock >= range.clock && id.clock < range.clock + range.len);

const TABLE_CHILDREN: Record<string, "rows" | "cells"> = { tableRow: "rows", tableCell: "cells", tableHeader: "cells" };

/**
 * Whether the update gives a table more rows, or a row more cells, than the caps: rows
 * and cells it adds, counted by the element they go into (one the document has, whose
 * children that the update does not delete count too, or one the update adds). Only
 * tables, rows and cells are looked at: a keystroke costs a map lookup per new type.
 */
function tablesTooLarge(doc: Y.Doc, byClient: Map<number, Struct[]>, ds: DeleteSet, caps: TableCaps): boolean {
  /** The element an incoming item goes into: an item of the update, a type of the document, or null (a root). */
  const parentOf = (start: Y.Item): Y.Item | Y.AbstractType<unknown> | null => {
    let item = start;
    for (let steps = 0; steps < 100_000; steps++) {
      if (item.parent instanceof Y.ID) {
        const parent = incomingStruct(byClient, item.parent);
        if (parent) return parent;
        const stored = storedItem(doc, item.parent);
        return stored && stored.content instanceof Y.ContentType ? stored.content.type : null;
      }
      if (item.parent && typeof item.parent !== "string") return item.parent as Y.AbstractType<unknown>;
      if (typeof item.parent === "string") return null;
      const link = item.origin ?? item.rightOrigin;
      if (!link) return null;
      const neighbour = incomingStruct(byClient, link);
      if (neighbour) {
        item = neighbour;
        continue;
      }
      const stored = storedItem(doc, link);
      return stored ? (stored.parent as Y.AbstractType<unknown> | null) : null;
    }
    return null;
  };
  const added = new Map<Y.Item | Y.AbstractType<unknown>, { kind: "rows" | "cells"; count: number }>();
  for (const list of byClient.values()) {
    for (const struct of list) {
      if (!(struct instanceof Y.Item) || struct.parentSub !== null || !(struct.content instanceof Y.ContentType)) continue;
      const type = struct.content.type;
      const kind = type instanceof Y.XmlElement ? TABLE_CHILDREN[type.nodeName] : undefined;
      if (!kind || deletedIn(ds, struct.id)) continue;
      const parent = parentOf(struct);
      if (!parent) continue;
      const entry = added.get(parent) ?? { kind, count: 0 };
      entry.count += 1;
      added.set(parent, entry);
    }
  }
  for (const [parent, { kind, count }] of added) {
    let total = count;
    if (!(parent instanceof Y.Item)) {
      for (let child = parent._start; child; child = child.right) {
        if (!child.deleted && child.content instanceof Y.ContentType && !deletedIn(ds, child.id)) total += 1;
      }
    }
    if (total > (kind === "rows" ? caps.maxRows : caps.maxColumns)) return true;
  }
  return false;
}

/**
 * The nesting of each new type: the depth of its parent plus one, where a root type is
 * at depth 0 and an item whose parent is implied shares its neighbour's parent. Walked
 * without recursion: the update being checked may itself be thousands of levels deep.
 */
function nestsTooDeep(doc: Y.Doc, byClient: Map<number, Struct[]>, maxDepth: number): boolean {
  const incoming = (id: Y.ID) => incomingStruct(byClient, id);
  const stored = (id: Y.ID) => storedItem(doc, id);
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
