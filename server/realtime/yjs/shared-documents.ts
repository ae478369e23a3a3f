import * as Y from "yjs";
import type { Database } from "../../../db/client";
import { createPostgresStorage } from "./document-storage";

type LiveDocuments = { currentState(name: string): Uint8Array | null };

/**
 * Reads shared documents for the rest of the application (closing a meeting, building
 * a pack): from this process's live copy when it has the document open, so that edits
 * still waiting for their group commit are included; otherwise from the database. Made
 * before the collab server exists (routes need it at once) and attached at start.
 */
export class SharedDocuments {
  private live: LiveDocuments | null = null;

  constructor(private readonly db: Database) {}

  attach(live: LiveDocuments) {
    this.live = live;
  }

  async read(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    const current = this.live?.currentState(name);
    if (current) {
      Y.applyUpdate(doc, current);
      return doc;
    }
    const stored = await createPostgresStorage(this.db).load(name);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }
}
