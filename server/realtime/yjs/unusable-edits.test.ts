import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { TABLE_LIMIT, TABLE_LIMIT_MESSAGE } from "../../../app/shared/commentary/nesting-limit";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import { nestDeeply } from "../../../tests/support/deep-content";
import { writeTable } from "../../../tests/support/table-content";
import { encodeSyncStep2, encodeUpdate, readIncomingMessage } from "./sync-messages";
import {
  destroyProvider,
  rawClient,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenSynced,
  type TestServer,
} from "./test-support";

/**
 * Edits that would make a document unusable (issue item 7): updates that refer to
 * content the server never received, which Yjs keeps aside as "pending" for ever (a
 * meeting record grew to 112 MB of them), and content nested thousands of levels deep.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startCollabTestServer({ unloadDelayMs: 20 });
});
afterAll(async () => {
  await server.close();
  expect(server.errors).toEqual([]);
});

const hasPending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** A client's edits, as updates: the first typed while the server did not see it, the rest after. */
function clientEdits(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  const text = doc.getText("body");
  text.insert(0, "Typed offline. ");
  text.insert(text.length, "Typed on reconnecting.");
  return { doc, updates };
}

/** The server's sync step 1 messages (requests for the client's whole state) received so far. */
const stateRequests = (received: Uint8Array[]) =>
  received.filter((bytes) => {
    try {
      return readIncomingMessage(bytes).kind === "sync-step1";
    } catch {
      return false;
    }
  }).length;

describe("edits that refer to content the server does not have", () => {
  it("are refused and never stored: the client is asked for its state, and closed with 4400 when that lacks it too", async () => {
    const name = await server.newDocument();
    const watcher = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(watcher);
    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    await waitFor(() => stateRequests(client.received) === 1, 5000, "the server's sync step 1");
    client.send(encodeSyncStep2(new Uint8Array([0, 0]))); // in step: nothing to add

    // The second edit alone: it continues the first, which the server never got.
    const { updates } = clientEdits(999);
    client.send(encodeUpdate(updates[1]));
    await waitFor(() => stateRequests(client.received) === 2, 5000, "a request for the client's whole state");
    // The answer still lacks what the edit refers to.
    client.send(encodeSyncStep2(updates[1]));
    expect((await client.closed).code).toBe(CLOSE_CODES.badMessage);

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watcher.doc.getText("body").toString()).toBe("");
    expect(hasPending(watcher.doc)).toBe(false);
    const live = new Y.Doc();
    Y.applyUpdate(live, server.collab.currentState(name)!);
    expect(hasPending(live)).toBe(false);
    destroyProvider(watcher);
    await waitFor(() => server.collab.currentState(name) === null, 5000, "the unload");
    const stored = await storedDocument(server, name);
    expect(hasPending(stored)).toBe(false);
    expect(Y.encodeStateAsUpdate(stored).byteLength).toBeLessThan(10);
  });

  it("keeps edits made on reconnecting that build on words typed offline: they come with the client's state", async () => {
    const name = await server.newDocument();
    const watcher = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(watcher);
    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    const { doc, updates } = clientEdits(1234);
    // Sent before the client has answered the server's sync step 1, as a fast typist would.
    client.send(encodeUpdate(updates[1]));
    await waitFor(() => stateRequests(client.received) === 1, 5000, "the server's sync step 1");
    client.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Y.Doc()))));
    await waitFor(
      () => watcher.doc.getText("body").toString() === "Typed offline. Typed on reconnecting.",
      5000,
      "both edits on the other client",
    );

    // Later another tab's words reach this client before the server: it is asked again, and its answer completes them.
    const tab = new Y.Doc();
    tab.clientID = 5678;
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(doc));
    const beforeTab = Y.encodeStateVector(doc);
    tab.getText("body").insert(0, "From another tab. ");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(tab, beforeTab));
    const beforeMine = Y.encodeStateVector(doc);
    doc.getText("body").insert(0, "Mine. ");
    client.send(encodeUpdate(Y.encodeStateAsUpdate(doc, beforeMine)));
    await waitFor(() => stateRequests(client.received) === 2, 5000, "a second request for the client's state");
    client.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc, beforeTab)));
    const whole = "Mine. From another tab. Typed offline. Typed on reconnecting.";
    await waitFor(() => watcher.doc.getText("body").toString() === whole, 5000, "every edit on the other client");
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    client.ws.close();
    destroyProvider(watcher);
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString() === whole,
      5000,
      "every edit stored",
    );
  });
});

describe("content nested too deeply", () => {
  it("is refused with 4413 and its reason, and never stored", async () => {
    const name = await server.newDocument();
    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    const doc = new Y.Doc();
    nestDeeply(doc.getXmlFragment("reason"), 5000);
    client.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc)));
    const closed = await client.closed;
    expect(closed.code).toBe(CLOSE_CODES.tooLarge);
    expect(closed.reason).toMatch(/nested at most 64 levels/);

    // An ordinary nested list still goes in.
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    nestDeeply(writer.doc.getXmlFragment("reason"), 10, "Fine.", "bulletList");
    destroyProvider(writer);
    await waitFor(
      async () => (await storedDocument(server, name)).getXmlFragment("reason").toString().includes("Fine."),
      5000,
      "the shallow edit stored",
    );
    expect((await storedDocument(server, name)).getXmlFragment("reason").toString()).not.toContain("Deep words.");
  });
});

describe("a table past the limit", () => {
  it("is refused with 4413 and the limit in words, and never stored; a table within it goes in", async () => {
    const name = await server.newDocument();
    const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
    const doc = new Y.Doc();
    writeTable(doc.getXmlFragment("reason"), TABLE_LIMIT.maxRows + 1, 1, "Too many rows.");
    client.send(encodeSyncStep2(Y.encodeStateAsUpdate(doc)));
    const closed = await client.closed;
    expect(closed.code).toBe(CLOSE_CODES.tooLarge);
    expect(closed.reason).toBe(`${TABLE_LIMIT_MESSAGE}; the change was not saved`);

    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    writeTable(writer.doc.getXmlFragment("reason"), TABLE_LIMIT.maxRows, TABLE_LIMIT.maxColumns, "Dŵr Cymru £2.4m");
    destroyProvider(writer);
    await waitFor(
      async () => (await storedDocument(server, name)).getXmlFragment("reason").toString().includes("Dŵr Cymru £2.4m"),
      5000,
      "the table within the limit stored",
    );
    expect((await storedDocument(server, name)).getXmlFragment("reason").toString()).not.toContain("Too many rows.");
  });
});
