import * as Y from "yjs";
const source = new Y.Doc();
const updates: Uint8Array[] = [];
source.on("update", (u: Uint8Array) => updates.push(u));
for (let i = 0; i < 10_000; i++) source.getText("body").insert(Math.floor(Math.random() * (i + 1)), "x");
const ways: Record<string, () => void> = {
  sequential: () => { const d = new Y.Doc(); d.transact(() => { for (const u of updates) Y.applyUpdate(d, u); }); },
  chunk100: () => { const d = new Y.Doc(); d.transact(() => { for (let i = 0; i < updates.length; i += 100) Y.applyUpdate(d, Y.mergeUpdates(updates.slice(i, i + 100))); }); },
  chunk1000: () => { const d = new Y.Doc(); d.transact(() => { for (let i = 0; i < updates.length; i += 1000) Y.applyUpdate(d, Y.mergeUpdates(updates.slice(i, i + 1000))); }); },
  mergeAll: () => { const d = new Y.Doc(); Y.applyUpdate(d, Y.mergeUpdates(updates)); },
};
for (let r = 0; r < 4; r++) for (const [k, f] of Object.entries(ways)) { const t = performance.now(); f(); console.log(k, (performance.now() - t).toFixed(1)); }
