import * as Y from "yjs";
import type { Database } from "../../db/client";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";

/** Stores a document's changes as the collab server would: one more update in its log. */
export async function writeDocument(db: Database, organisationId: string, name: string, doc: Y.Doc, userId: string | null) {
  const storage = createPostgresStorage(db);
  await storage.ensure(name, organisationId);
  const stored = await storage.load(name);
  const before = new Y.Doc();
  for (const { update } of stored.updates) Y.applyUpdate(before, update);
  if (stored.snapshot) Y.applyUpdate(before, stored.snapshot);
  const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(before));
  await storage.store(name, [{ update, userId, at: new Date() }]);
}
