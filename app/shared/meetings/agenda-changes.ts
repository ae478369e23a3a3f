/*
 * What changed on an agenda since its pack was published: items added, removed, moved,
 * retitled in place, a new presenter, made exempt or open. The meeting page shows this
 * list until a supplementary agenda pack is published, and opening the meeting captures
 * the papers again when it is not empty, so the minutes always rest on the agenda as
 * it was taken.
 */

/** An item as the published pack has it (PackItem) or as the agenda has it now. */
export type AgendaLine = { number: number; title: string; presenter: string; exemptParagraph: number | null };

export function agendaChanges(published: AgendaLine[], current: AgendaLine[]): string[] {
  const changes: string[] = [];
  const unmatched = new Set(published);
  const matched = new Map<AgendaLine, AgendaLine>();
  // By title first, so that inserting an item does not make every later item look changed.
  for (const now of current) {
    const before = [...unmatched].find((p) => p.title === now.title);
    if (before) {
      matched.set(now, before);
      unmatched.delete(before);
    }
  }
  // Then an item with a new title in the same place is the same item, retitled.
  for (const now of current) {
    if (matched.has(now)) continue;
    const before = [...unmatched].find((p) => p.number === now.number);
    if (before) {
      matched.set(now, before);
      unmatched.delete(before);
    }
  }
  for (const now of current) {
    const before = matched.get(now);
    if (!before) {
      changes.push(`Item ${now.number}, ${now.title}: added`);
      continue;
    }
    if (before.title !== now.title) changes.push(`Item ${now.number}, ${now.title}: retitled (was “${before.title}”)`);
    else if (before.number !== now.number) changes.push(`Item ${now.number}, ${now.title}: moved (was item ${before.number})`);
    if (before.presenter !== now.presenter)
      changes.push(
        `Item ${now.number}, ${now.title}: presented by ${now.presenter || "no one named"} (was ${before.presenter || "no one named"})`,
      );
    if (before.exemptParagraph !== now.exemptParagraph)
      changes.push(
        now.exemptParagraph
          ? `Item ${now.number}, ${now.title}: now exempt (paragraph ${now.exemptParagraph})`
          : `Item ${now.number}, ${now.title}: no longer exempt`,
      );
  }
  for (const before of [...unmatched].sort((a, b) => a.number - b.number))
    changes.push(`Item ${before.number}, ${before.title}: removed`);
  return changes;
}
