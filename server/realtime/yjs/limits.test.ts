import fc from "fast-check";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import {
  destroyProvider,
  rawClient,
  startCollabTestServer,
  stockProvider,
  storedDocument,
  waitFor,
  whenClosed,
  whenSynced,
  type TestServer,
} from "./test-support";

let server: TestServer;
beforeAll(async () => {
  server = await startCollabTestServer({
    maxDocumentBytes: 64 * 1024,
    maxPayloadBytes: 256 * 1024,
    maxConnectionsPerDocument: 3,
    messagesPerSecond: 25,
    messageBurst: 50,
    unloadDelayMs: 20,
  });
});
afterAll(async () => {
  await server.close();
  expect(server.errors).toEqual([]);
});

/** Valid messages of every kind a client sends, to be cut short by the fuzzer. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText("body").insert(0, "Voids: 42 days, target 28. ".repeat(3));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: "x" }, cursor: { anchor: 3, head: 9 } });
  const build = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    write(e);
    return encoding.toUint8Array(e);
  };
  const messages = [
    build((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, doc))),
    build((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, doc))),
    build((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)))),
    build((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
  ];
  awareness.destroy();
  return messages;
}

describe("malformed input", () => {
  it("closes only the connection that sent it (4400); the server and other clients carry on", async () => {
    const name = await server.newDocument();
    const bystander = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(bystander);
    bystander.doc.getText("body").insert(0, "Before the noise. ");

    const messages = validMessages();
    const truncated = fc
      .tuple(fc.constantFrom(...messages), fc.nat())
      .map(([message, cut]) => message.subarray(0, 1 + (cut % (message.length - 1))));
    await fc.assert(
      fc.asyncProperty(truncated, async (bytes) => {
        const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
        client.send(bytes);
        expect((await client.closed).code).toBe(CLOSE_CODES.badMessage);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 5 }),
        async (noise) => {
          const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
          for (const bytes of noise) client.send(bytes);
          // Random bytes are refused, or are by chance a harmless valid message; either way the server answers.
          const outcome = await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve("open"), 100))]);
          if (outcome !== "open") expect((outcome as { code: number }).code).toBe(CLOSE_CODES.badMessage);
          client.ws.terminate();
        },
      ),
      { numRuns: 60 },
    );
    // Well-framed garbage: a valid header and length, then random bytes for Yjs or awareness to decode.
    const framedGarbage = fc
      .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1]), fc.uint8Array({ maxLength: 200 }))
      .map(([header, payload]) => {
        const e = encoding.createEncoder();
        for (const byte of header) encoding.writeVarUint(e, byte);
        encoding.writeVarUint8Array(e, payload);
        return encoding.toUint8Array(e);
      });
    await fc.assert(
      fc.asyncProperty(framedGarbage, async (bytes) => {
        const client = await rawClient(server, name, { cookie: server.people.officer.cookie });
        client.send(bytes);
        const outcome = await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve("open"), 100))]);
        if (outcome !== "open") expect((outcome as { code: number }).code).toBe(CLOSE_CODES.badMessage);
        client.ws.terminate();
      }),
      { numRuns: 100 },
    );

    const latecomer = stockProvider(server, name, { cookie: server.people.member.cookie });
    await whenSynced(latecomer);
    bystander.doc.getText("body").insert(bystander.doc.getText("body").length, "After the noise.");
    await waitFor(() => latecomer.doc.getText("body").toString() === bystander.doc.getText("body").toString());
    expect(latecomer.doc.getText("body").toString()).toContain("Before the noise. ");
    expect(latecomer.doc.getText("body").toString()).toContain("After the noise.");
    destroyProvider(bystander);
    destroyProvider(latecomer);
  });

  it("closes a connection that sends text frames", async () => {
    const client = await rawClient(server, await server.newDocument(), { cookie: server.people.officer.cookie });
    client.ws.send("hello");
    expect((await client.closed).code).toBe(CLOSE_CODES.badMessage);
  });
});

describe("limits", () => {
  it("refuses an edit that would take the document past its size limit (4413) and keeps the rest", async () => {
    const name = await server.newDocument();
    const writer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(writer);
    writer.doc.getText("body").insert(0, "a".repeat(40 * 1024));
    await waitFor(async () => (await storedDocument(server, name)).getText("body").length === 40 * 1024, 5000, "first part");
    const closed = whenClosed(writer);
    writer.doc.getText("body").insert(0, "b".repeat(40 * 1024));
    expect(await closed).toEqual({
      code: CLOSE_CODES.tooLarge,
      reason: "The document has reached its 64 KB limit; the change was not saved",
    });
    destroyProvider(writer);
    const reader = stockProvider(server, name, { cookie: server.people.viewer.cookie });
    await whenSynced(reader);
    expect(reader.doc.getText("body").length).toBe(40 * 1024);
    destroyProvider(reader);
  });

  it("closes a connection that floods messages (4429)", async () => {
    const client = await rawClient(server, await server.newDocument(), { cookie: server.people.officer.cookie });
    for (let i = 0; i < 200; i++) client.send(Uint8Array.of(3));
    expect((await client.closed).code).toBe(CLOSE_CODES.rateLimited);
  });

  it("closes a message larger than maxPayload (1009, by ws)", async () => {
    const client = await rawClient(server, await server.newDocument(), { cookie: server.people.officer.cookie });
    client.send(new Uint8Array(300 * 1024));
    expect((await client.closed).code).toBe(1009);
  });

  it("refuses a connection past the cap per document (4429)", async () => {
    const name = await server.newDocument();
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await rawClient(server, name, { cookie: server.people.member.cookie }));
    await waitFor(() => server.collab.stats().connections >= 3, 5000, "three connections");
    const fourth = await rawClient(server, name, { cookie: server.people.member.cookie });
    expect((await fourth.closed).code).toBe(CLOSE_CODES.rateLimited);
    for (const client of first) client.ws.close();
  });
});
