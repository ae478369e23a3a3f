import { eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { COMMITTED_MESSAGE_TYPE } from "../../../app/shared/collab/committed-message";
import { collabDocuments } from "../../../db/schema/collab";
import { createPostgresStorage } from "./document-storage";
import {
  destroyProvider,
  logRowsOf,
  rawClient,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenSynced,
  type TestServer,
} from "./test-support";

let server: TestServer;
/** Loads of these documents wait for their promise: a slow database, made on purpose. */
const heldLoads = new Map<string, Promise<void>>();
beforeAll(async () => {
  server = await startCollabTestServer(
    { compactLogRows: 50, unloadDelayMs: 20 },
    { storage: (storage) => ({ ...storage, load: async (name) => (await heldLoads.get(name), storage.load(name)) }) },
  );
});
afterAll(async () => {
  await server.close();
});

async function snapshotOf(name: string) {
  const [row] = await server.services.db.select().from(collabDocuments).where(eq(collabDocuments.name, name));
  return row;
}

describe("persistence", () => {
  it("keeps a document across a restart: shutdown stores, compacts and closes with 4503", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const watcher = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);
    const closeCodes: number[] = [];
    watcher.on("connection-close", (event) => event && closeCodes.push(event.code));
    writer.doc.getText("body").insert(0, "Kept across restarts.");
    await waitFor(() => watcher.doc.getText("body").length > 0);
    // The stats say how long an edit waited in memory for its commit: what a crash could lose.
    await waitFor(() => server.collab.stats().longestUncommittedMs > 0, 5000, "the first commit");
    expect(server.collab.stats().longestUncommittedMs).toBeLessThan(5000);
    await server.restartCollab("shutdown");
    await waitFor(() => closeCodes.includes(4503), 5000, "the 4503 close");
    destroyProvider(writer);
    destroyProvider(watcher);
    expect(await logRowsOf(server, name)).toBe(0);
    expect((await snapshotOf(name)).state).toBeInstanceOf(Uint8Array);

    const reader = stockProvider(server, name, { cookie: server.people.viewer.cookie });
    await whenSynced(reader);
    expect(reader.doc.getText("body").toString()).toBe("Kept across restarts.");
    destroyProvider(reader);
  });

  it("loses at most the last group commit in a crash, and a client that kept its document resends it", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    const edits = writer.doc.getArray<number>("edits");
    for (let i = 0; i < 60; i++) {
      edits.push([i]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.restartCollab("crash");
    const stored = (await storedDocument(server, name)).getArray<number>("edits").toArray();
    // What was committed is every edit up to some point: only the last, uncommitted ones are
    // lost (how long a commit may wait is bounded in the first test and measured in the bench,
    // not timed here: a busy machine delays every timer).
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i));

    // The provider reconnects by itself to the new server and sends what it lacks.
    await waitFor(async () => (await storedDocument(server, name)).getArray("edits").length === 60, 15_000, "resend");
    expect((await storedDocument(server, name)).getArray<number>("edits").toArray()).toEqual(edits.toArray());
    destroyProvider(writer);
  });

  it("compacts a long log into a snapshot without changing the content", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    const body = writer.doc.getText("body");
    for (let i = 0; i < 150; i++) {
      body.insert(Math.floor(body.length / 2), `${i} `);
      if (i % 7 === 0) body.delete(0, 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(async () => (await snapshotOf(name)).snapshotSeq > 0, 10_000, "compaction");
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString() === body.toString(),
      10_000,
      "all stored",
    );
    expect(await logRowsOf(server, name)).toBeLessThan(150);
    const stored = await storedDocument(server, name);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(writer.doc));
    destroyProvider(writer);
    await waitFor(async () => (await logRowsOf(server, name)) === 0, 5000, "compaction on unload");
    expect((await storedDocument(server, name)).getText("body").toString()).toBe(body.toString());
  });

  it("folds into the snapshot a row another writer stored while the document was loaded, rather than deleting it unread", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    writer.doc.getText("body").insert(0, "Ours. ");
    await waitFor(async () => (await logRowsOf(server, name)) === 1, 5000, "our row stored");
    // Another instance's row whose relay message never came (or a process that stopped late).
    const elsewhere = new Y.Doc();
    elsewhere.getArray<string>("actions").push(["Stored elsewhere"]);
    await createPostgresStorage(server.services.db).store(name, [
      { update: Y.encodeStateAsUpdate(elsewhere), userId: null, at: new Date() },
    ]);
    destroyProvider(writer);
    await waitFor(async () => (await logRowsOf(server, name)) === 0, 5000, "compaction on unload");
    const stored = await storedDocument(server, name);
    expect(stored.getText("body").toString()).toBe("Ours. ");
    expect(stored.getArray<string>("actions").toArray()).toEqual(["Stored elsewhere"]);
  });

  it("loads a document from a log of 10,000 updates before answering the first client", async () => {
    const name = await server.newDocument();
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (update: Uint8Array) => updates.push(update));
    const text = source.getText("body");
    for (let i = 0; i < 10_000; i++) text.insert(i % 2 === 0 ? text.length : 0, String.fromCharCode(97 + (i % 26)));
    const storage = createPostgresStorage(server.services.db);
    await storage.ensure(name, server.org.id);
    for (let start = 0; start < updates.length; start += 1000) {
      await storage.store(
        name,
        updates.slice(start, start + 1000).map((update) => ({ update, userId: null, at: new Date() })),
      );
    }
    const reader = stockProvider(server, name, { cookie: server.people.viewer.cookie });
    await whenSynced(reader, 20_000);
    // Complete at the first sync: the load finished before the server answered.
    expect(reader.doc.getText("body").toString()).toBe(text.toString());
    destroyProvider(reader);
    // The long log is folded into a snapshot after the load.
    await waitFor(async () => (await logRowsOf(server, name)) === 0, 10_000, "compaction after load");
  });
});

describe("a cold load of a compacted document", () => {
  const syncMessage = (subtype: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, subtype);
    encoding.writeVarUint8Array(e, payload);
    return encoding.toUint8Array(e);
  };
  const payloadOf = (message: Uint8Array) => {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder);
  };

  it("answers a client waiting for it from the stored snapshot, before building the document, and sends it once", async () => {
    const name = await server.newDocument();
    const source = new Y.Doc();
    source.getText("body").insert(0, "A compacted commentary. ".repeat(200));
    const storage = createPostgresStorage(server.services.db);
    await storage.ensure(name, server.org.id);
    await storage.compact(name, () => ({ state: Y.encodeStateAsUpdate(source), stateVector: Y.encodeStateVector(source) }));
    const { snapshot } = await storage.load(name);
    let releaseLoad = () => {};
    heldLoads.set(name, new Promise<void>((resolve) => (releaseLoad = resolve)));

    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    client.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the step 1 reaches the server and waits
    releaseLoad();
    await waitFor(
      () => client.received.filter((m) => m[0] === 0 && m[1] === syncProtocol.messageYjsSyncStep2).length === 2,
      5000,
      "both answers",
    );

    const [first] = client.received;
    // First of all, before the document's own sync step 1: the snapshot's bytes as they are stored.
    expect([...first.subarray(0, 2)]).toEqual([0, syncProtocol.messageYjsSyncStep2]);
    expect(Buffer.from(payloadOf(first)).equals(Buffer.from(snapshot!))).toBe(true);
    // The loaded document then answers only what the client lacks after that: nothing.
    const answers = client.received.filter((m) => m[0] === 0 && m[1] === syncProtocol.messageYjsSyncStep2);
    expect(payloadOf(answers[1]).byteLength).toBeLessThanOrEqual(2);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, payloadOf(first));
    expect(doc.getText("body").toString()).toBe(source.getText("body").toString());
    client.ws.close();
    heldLoads.delete(name);
  });
});

describe("the committed acknowledgement (message type 100)", () => {
  const updateMessage = (doc: Y.Doc, before: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc, before));
    return encoding.toUint8Array(e);
  };

  it("tells a client that asked (?ack=1) how many of its edits are stored, once they are", async () => {
    const name = await server.newDocument();
    const client = await rawClient(server, `${name}?ack=1`, { cookie: server.people.officer.cookie });
    const doc = new Y.Doc();
    for (const word of ["one ", "two "]) {
      const before = Y.encodeStateVector(doc);
      doc.getText("body").insert(0, word);
      client.send(updateMessage(doc, before));
    }
    await waitFor(() => client.received.some((m) => m[0] === COMMITTED_MESSAGE_TYPE && m[1] === 2), 5000, "ack");
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("two one ");
    client.ws.close();
  });

  it("sends nothing of the kind to the stock provider, which would log an error", async () => {
    const name = await server.newDocument();
    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    doc.getText("body").insert(0, "plain");
    client.send(updateMessage(doc, before));
    await waitFor(async () => (await storedDocument(server, name)).getText("body").length === 5, 5000, "commit");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.received.some((m) => m[0] === COMMITTED_MESSAGE_TYPE)).toBe(false);
    client.ws.close();
  });
});
