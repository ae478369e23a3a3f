/**
 * What the check of every incoming edit (server/realtime/yjs/update-check.ts: would it
 * stay pending, does it nest too deeply) adds to applying it, on a document of 2,000
 * paragraphs: keystrokes into paragraphs, and new paragraphs (whose depth is resolved).
 * In-process, no sockets: the difference is the check alone. `npm run bench -- update-check`.
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { checkIncomingUpdate } from "../../server/realtime/yjs/update-check";

type Record_ = (name: string, value: number, unit: string, note?: string) => void;

function baseDocument() {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("reason");
  doc.transact(() => {
    for (let i = 0; i < 2000; i++) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`Paragraph ${i}: arrears rose by 0.4 points in the quarter.`)]);
      fragment.insert(fragment.length, [paragraph]);
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/** One client's edits as they come off the wire: `keystrokes` characters typed, a new paragraph every `paragraphEvery`. */
function clientEdits(base: Uint8Array, keystrokes: number, paragraphEvery: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment("reason");
  for (let i = 0; i < keystrokes; i++) {
    if (i % paragraphEvery === 0) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("")]);
      fragment.insert(Math.floor(fragment.length / 2), [paragraph]);
    }
    const paragraph = fragment.get(Math.floor(fragment.length / 2)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, "x");
  }
  return updates;
}

function run(base: Uint8Array, updates: Uint8Array[], check: boolean) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const start = performance.now();
  for (const update of updates) {
    if (check && checkIncomingUpdate(doc, update, 64) !== null) throw new Error("an honest edit was refused");
    Y.applyUpdate(doc, update);
  }
  return ((performance.now() - start) * 1000) / updates.length;
}

export default async function bench(record: Record_) {
  const base = baseDocument();
  const updates = clientEdits(base, 5000, 50);
  // Warm up both paths, then alternate to share out the machine's noise.
  run(base, updates.slice(0, 1000), true);
  run(base, updates.slice(0, 1000), false);
  const without: number[] = [];
  const withCheck: number[] = [];
  for (let i = 0; i < 3; i++) {
    without.push(run(base, updates, false));
    withCheck.push(run(base, updates, true));
  }
  const best = (values: number[]) => Math.min(...values);
  record("apply an edit (2,000-paragraph document)", best(without), "µs", `${updates.length} edits, 1 in 50 a new paragraph`);
  record("check and apply an edit", best(withCheck), "µs");
  const checkOnly = (() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    const start = performance.now();
    for (const update of updates) {
      checkIncomingUpdate(doc, update, 64);
      Y.applyUpdate(doc, update);
    }
    const total = performance.now() - start;
    const doc2 = new Y.Doc();
    Y.applyUpdate(doc2, base);
    const start2 = performance.now();
    for (const update of updates) Y.applyUpdate(doc2, update);
    return ((total - (performance.now() - start2)) * 1000) / updates.length;
  })();
  record("the check alone", Math.max(0, checkOnly), "µs per edit");
}
