/**
 * Moves one item of an ordered list to a new index, keeping the others in order. The
 * agenda builder uses it for drag and drop and for the keyboard ("Move up"/"Move down");
 * the server stores the result as positions 1..n.
 */
export function moveItem<T extends { id: string }>(items: readonly T[], id: string, toIndex: number): T[] {
  const from = items.findIndex((item) => item.id === id);
  if (from === -1) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, toIndex));
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  return next;
}

/** True when `ids` names exactly the items of `items`, each once: a reorder may not add or drop any. */
export function isPermutationOf(items: readonly { id: string }[], ids: readonly string[]): boolean {
  if (items.length !== ids.length) return false;
  const wanted = new Set(items.map((item) => item.id));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!wanted.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
