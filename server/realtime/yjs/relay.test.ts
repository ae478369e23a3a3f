import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createPostgresStorage } from "./document-storage";
import { SharedDocuments } from "./shared-documents";
import {
  destroyProvider,
  logRowsOf,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenSynced,
  type TestServer,
} from "./test-support";

/**
 * Several instances serving one document through the Redis relay (ADR 008): two
 * collab servers, each with its own HTTP server and Redis connections, on one database.
 */
let server: TestServer;
let second: Awaited<ReturnType<TestServer["startInstance"]>>;
beforeAll(async () => {
  server = await startCollabTestServer({ compactLogRows: 20, unloadDelayMs: 20 }, { shared: true });
  second = await server.startInstance();
});
afterAll(async () => {
  await server.close();
});

const textOf = (provider: ReturnType<typeof stockProvider>) => provider.doc.getText("body").toString();

describe("one document served by two instances", () => {
  it("relays edits and carets both ways, and both instances store their own clients' edits", async () => {
    const name = await server.newDocument();
    const onFirst = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const onSecond = stockProvider(second, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(onFirst), whenSynced(onSecond)]);

    onFirst.doc.getText("body").insert(0, "Arrears rose. ");
    await waitFor(() => textOf(onSecond) === "Arrears rose. ", 5000, "the first instance's edit on the second");
    onSecond.doc.getText("body").insert(textOf(onSecond).length, "Two officers left.");
    await waitFor(() => textOf(onFirst) === "Arrears rose. Two officers left.", 5000, "the second instance's edit on the first");

    onSecond.awareness.setLocalStateField("user", { name: "The admin" });
    await waitFor(
      () => onFirst.awareness.getStates().get(onSecond.doc.clientID)?.user?.name === "The admin",
      5000,
      "the caret across instances",
    );

    destroyProvider(onSecond);
    await waitFor(() => !onFirst.awareness.getStates().has(onSecond.doc.clientID), 5000, "presence removed across instances");
    destroyProvider(onFirst);
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString() === "Arrears rose. Two officers left.",
      5000,
      "both edits stored",
    );
    expect(server.errors).toEqual([]);
  });

  it("both instances append to one log and compact it without losing each other's rows", async () => {
    const name = await server.newDocument();
    const onFirst = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const onSecond = stockProvider(second, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(onFirst), whenSynced(onSecond)]);
    const first = onFirst.doc.getArray<string>("edits");
    const other = onSecond.doc.getArray<string>("edits");
    for (let i = 0; i < 60; i++) {
      first.push([`a${i}`]);
      other.push([`b${i}`]);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await waitFor(() => first.length === 120 && other.length === 120, 5000, "both clients have every edit");
    // Each instance has compacted (20 rows) while the other was appending.
    destroyProvider(onFirst);
    destroyProvider(onSecond);
    await waitFor(async () => (await storedDocument(server, name)).getArray("edits").length === 120, 5000, "every edit stored");
    const stored = (await storedDocument(server, name)).getArray<string>("edits").toArray();
    expect(new Set(stored).size).toBe(120);
    await waitFor(async () => (await logRowsOf(server, name)) === 0, 5000, "the final compactions");
    expect(server.errors).toEqual([]);
  });

  it("an instance that loads the document later gets what the other has not stored yet", async () => {
    const slow = await server.startInstance({ commitWindowMs: 60_000, commitMaxBatch: 10_000, unloadDelayMs: 20 });
    const name = await server.newDocument();
    const onSlow = stockProvider(slow, name, { cookie: server.people.officer.cookie });
    await whenSynced(onSlow);
    onSlow.doc.getText("body").insert(0, "Not stored yet.");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("");

    const late = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(late);
    await waitFor(() => textOf(late) === "Not stored yet.", 5000, "the unstored edit on the instance that loaded later");
    destroyProvider(late);
    destroyProvider(onSlow);
    await slow.collab.shutdown();
  });

  it("reading or freezing from one instance first has the others store what they hold", async () => {
    const slow = await server.startInstance({ commitWindowMs: 60_000, commitMaxBatch: 10_000, unloadDelayMs: 20 });
    const name = await server.newDocument();
    const writer = stockProvider(slow, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    writer.doc.getText("body").insert(0, "Agreed: a recovery plan by March.");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("");

    // The first instance does not hold the document: it reads the database, once the slow one has stored its edit.
    const documents = new SharedDocuments(server.services.db);
    documents.attach(server.collab);
    expect((await documents.read(name)).getText("body").toString()).toBe("Agreed: a recovery plan by March.");

    writer.doc.getText("body").insert(0, "Before the freeze. ");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.collab.freezeDocument(name);
    expect((await storedDocument(server, name)).getText("body").toString()).toBe(
      "Before the freeze. Agreed: a recovery plan by March.",
    );

    // The slow instance now drops the writer's edits: they never reach another client or the log.
    writer.doc.getText("body").insert(0, "After the freeze. ");
    const reader = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(reader);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textOf(reader)).toBe("Before the freeze. Agreed: a recovery plan by March.");
    destroyProvider(reader);
    destroyProvider(writer);
    await slow.collab.shutdown();
    expect((await storedDocument(server, name)).getText("body").toString()).toBe(
      "Before the freeze. Agreed: a recovery plan by March.",
    );
  });

  it("freezes a document here at the next access check when the relay lost the message that it was frozen", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(second, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    writer.doc.getText("body").insert(0, "Kept.");
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString() === "Kept.",
      5000,
      "the edit stored",
    );
    // Frozen in storage only, as by an instance whose message never arrived.
    await createPostgresStorage(server.services.db).freeze(name, server.org.id, new Date());
    await second.collab.checkAccess();
    writer.doc.getText("body").insert(0, "Dropped. ");
    await new Promise((resolve) => setTimeout(resolve, 200));
    destroyProvider(writer);
    await waitFor(async () => (await logRowsOf(server, name)) === 0, 5000, "the unload");
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("Kept.");
  });

  it("keeps a document whole when many clients type on both instances at once", async () => {
    const name = await server.newDocument();
    const clients = Array.from({ length: 6 }, (_, i) =>
      stockProvider(i % 2 === 0 ? server : second, name, {
        cookie: i % 3 === 0 ? server.people.admin.cookie : server.people.officer.cookie,
      }),
    );
    await Promise.all(clients.map((client) => whenSynced(client)));
    for (let round = 0; round < 20; round++) {
      clients.forEach((client, i) => client.doc.getText("body").insert(0, String.fromCharCode(97 + i)));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => clients.every((client) => textOf(client).length === 120), 5000, "every client has all 120 characters");
    expect(new Set(clients.map(textOf)).size).toBe(1);
    const text = textOf(clients[0]);
    clients.forEach(destroyProvider);
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString() === text,
      5000,
      "the same text stored",
    );
    expect(Y.encodeStateVector(await storedDocument(server, name)).byteLength).toBeGreaterThan(0);
  });
});
