import * as Y from "yjs";
import type { Database } from "../../../db/client";
import { createPostgresStorage } from "./document-storage";

type LiveDocuments = {
  currentState(name: string): Uint8Array | null;
  freezeDocument(name: string): Promise<void>;
  settleDocument(name: string): Promise<void>;
};

/**
 * Reads shared documents for the rest of the application (closing a meeting, building
 * a pack): from this process's live copy when it has the document open, so that edits
 * still waiting for their group commit are included; otherwise from the database,
 * once the other instances holding it have stored what they hold. Made
 * before the collab server exists (routes need it at once) and attached at start.
 */
export class SharedDocuments {
  private live: LiveDocuments | null = null;

  constructor(private readonly db: Database) {}

  attach(live: LiveDocuments) {
    this.live = live;
  }

  /**
   * From now on nobody edits the document: through the collab server when one is
   * running in this process (its connected writers become readers at once), otherwise
   * in storage, which every collab server reads before it lets anyone write.
   */
  async freeze(name: string, organisationId: string): Promise<void> {
    if (this.live) return this.live.freezeDocument(name);
    await createPostgresStorage(this.db).freeze(name, organisationId, new Date());
  }

  read(name: string): Promise<Y.Doc> {
    return this.readThrough(this.db, name);
  }

  /**
   * A reader whose stored documents come through `db`: a transaction that reads them
   * must pass itself (PGlite has one connection, which the transaction holds).
   */
  through(db: Database): { read(name: string): Promise<Y.Doc> } {
    return { read: (name) => this.readThrough(db, name) };
  }

  private async readThrough(db: Database, name: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    await this.live?.settleDocument(name);
    const current = this.live?.currentState(name);
    if (current) {
      Y.applyUpdate(doc, current);
      return doc;
    }
    const stored = await createPostgresStorage(db).load(name);
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { update } of stored.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }
}
