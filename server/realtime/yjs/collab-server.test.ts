import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { and, eq } from "drizzle-orm";
import { memberships } from "../../../db/schema/identity";
import { CLOSE_CODES } from "../../../app/shared/realtime-events";
import { createApiToken, findApiTokenOrganisation } from "../../commands/api-token-creator";
import { SYSTEM_ACTOR } from "../../audit";
import { mintCollabToken } from "./collab-token";
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
  server = await startCollabTestServer({ heartbeatMs: 300, unloadDelayMs: 50 });
});
afterAll(async () => {
  await server.close();
  expect(server.errors).toEqual([]);
});

const tokenFor = (userId: string, document: string, access: "read" | "write") =>
  mintCollabToken(server.services.config.sessionSecret, {
    document,
    access,
    organisationId: server.org.id,
    subject: { kind: "user", userId },
  }).token;

function syncStep1(doc: Y.Doc) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

function presenceMessage(clientId: number, clock: number, state: object) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function updateMessage(update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe("two people editing one document", () => {
  it("converge, through the stock y-websocket provider", async () => {
    const name = await server.newDocument();
    const a = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const b = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.doc.getText("body").insert(0, "Arrears rose because ");
    b.doc.getText("body").insert(0, "Universal Credit. ");
    await waitFor(
      () => a.doc.getText("body").toString() === b.doc.getText("body").toString() && a.doc.getText("body").length > 30,
    );
    expect(a.doc.getText("body").toString()).toContain("Arrears rose because ");
    expect(b.doc.getText("body").toString()).toContain("Universal Credit. ");
    destroyProvider(a);
    destroyProvider(b);
  });

  it("see each other's presence with the name and role the server knows", async () => {
    const name = await server.newDocument();
    const a = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const b = stockProvider(server, name, { cookie: server.people.viewer.cookie });
    a.awareness.setLocalStateField("user", { name: "Someone else", color: "#ff0000" });
    await Promise.all([whenSynced(a), whenSynced(b)]);
    await waitFor(() => b.awareness.getStates().get(a.doc.clientID)?.user !== undefined);
    expect(b.awareness.getStates().get(a.doc.clientID)?.user).toEqual({ name: "The officer", role: "officer", color: "#ff0000" });
    destroyProvider(a);
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 5000, "presence to clear");
    destroyProvider(b);
  });

  it("gathers presence changes into batches, and lets nobody speak for another person's caret", async () => {
    const name = await server.newDocument();
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(officer);
    const watcher = await rawClient(server, name, { cookie: server.people.viewer.cookie });
    const impostor = await rawClient(server, name, { cookie: server.people.member.cookie });
    await waitFor(() => server.collab.stats().connections === 3, 5000, "three connections");
    const before = watcher.received.filter((m) => m[0] === 1).length;
    // 20 caret moves within a few milliseconds reach the others as one or two messages.
    for (let i = 0; i < 20; i++) officer.awareness.setLocalStateField("cursor", { anchor: i, head: i });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watcher.received.filter((m) => m[0] === 1).length - before).toBeLessThanOrEqual(2);

    // The impostor claims the officer's client ID first: ignored, so it cannot bind it either.
    impostor.send(presenceMessage(officer.doc.clientID, 1000, { user: { name: "Impostor" }, cursor: null }));
    officer.awareness.setLocalStateField("cursor", { anchor: 99, head: 99 });
    const probe = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(probe);
    await waitFor(
      () => probe.awareness.getStates().get(officer.doc.clientID)?.cursor?.anchor === 99,
      5000,
      "the officer's caret",
    );
    expect(probe.awareness.getStates().get(officer.doc.clientID)?.user.name).toBe("The officer");
    watcher.ws.close();
    impostor.ws.close();
    destroyProvider(officer);
    destroyProvider(probe);
  });

  it("clears the presence of a socket that stopped answering pings", async () => {
    const name = await server.newDocument();
    const watcher = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await whenSynced(watcher);
    const silent = await rawClient(server, name, { cookie: server.people.member.cookie });
    silent.send(presenceMessage(4242, 1, { cursor: null }));
    await waitFor(() => watcher.awareness.getStates().has(4242), 5000, "presence");
    // Stop reading: pings go unanswered, as with a laptop whose lid closed.
    (silent.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitFor(() => !watcher.awareness.getStates().has(4242), 5000, "the dead socket's presence to clear");
    silent.ws.terminate();
    destroyProvider(watcher);
  });
});

describe("who may connect", () => {
  it("closes with 4401 without a session or token", async () => {
    const client = await rawClient(server, await server.newDocument());
    expect(await client.closed).toMatchObject({ code: CLOSE_CODES.unauthenticated });
  });

  it("closes with 4401 for a forged token", async () => {
    const name = await server.newDocument();
    const forged = mintCollabToken("not-the-server-secret-not-the-server", {
      document: name,
      access: "write",
      organisationId: server.org.id,
      subject: { kind: "user", userId: server.people.admin.id },
    }).token;
    const client = await rawClient(server, name, { token: forged });
    expect(await client.closed).toMatchObject({ code: CLOSE_CODES.unauthenticated });
  });

  it("closes with 4400 for an unknown document name (the stock provider then stops)", async () => {
    const provider = stockProvider(server, "minutes:everything", { cookie: server.people.admin.cookie });
    expect(await whenClosed(provider)).toEqual({ code: CLOSE_CODES.badMessage, reason: "Unknown document name" });
    destroyProvider(provider);
  });

  it("closes with 4403 for someone of another organisation", async () => {
    const provider = stockProvider(server, await server.newDocument(), { cookie: server.people.outsider.cookie });
    expect((await whenClosed(provider)).code).toBe(CLOSE_CODES.forbidden);
    destroyProvider(provider);
  });

  it("closes with 4403 for a document whose indicator does not exist, or a meeting that does not exist", async () => {
    for (const name of [
      "exception:0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f:2025-04",
      "meeting:0b6f3c1e-9d2a-4c55-8e3f-2a1b0c9d8e7f",
    ]) {
      const client = await rawClient(server, name, { cookie: server.people.admin.cookie });
      expect(await client.closed).toMatchObject({ code: CLOSE_CODES.forbidden });
    }
  });

  it("closes with 4403 for a session cookie sent from another site", async () => {
    const client = await rawClient(server, await server.newDocument(), {
      cookie: server.people.admin.cookie,
      origin: "https://evil.example",
    });
    expect(await client.closed).toMatchObject({ code: CLOSE_CODES.forbidden });
  });

  it("closes with 4403 for a viewer whose token asks to write", async () => {
    const name = await server.newDocument();
    const client = await rawClient(server, name, { token: tokenFor(server.people.viewer.id, name, "write") });
    expect(await client.closed).toMatchObject({ code: CLOSE_CODES.forbidden });
  });

  it("opens a document for a viewer with a read token, and for an officer with a write token", async () => {
    const name = await server.newDocument();
    const reader = stockProvider(server, name, { token: tokenFor(server.people.viewer.id, name, "read") });
    const writer = stockProvider(server, name, { token: tokenFor(server.people.officer.id, name, "write") });
    await Promise.all([whenSynced(reader), whenSynced(writer)]);
    writer.doc.getText("body").insert(0, "by token");
    await waitFor(() => reader.doc.getText("body").toString() === "by token");
    destroyProvider(reader);
    destroyProvider(writer);
  });

  it("lets an organisation API token read through a collab token", async () => {
    const name = await server.newDocument();
    const { token: apiToken } = await createApiToken(
      server.services.db,
      { organisationId: server.org.id, name: "Board pack builder", createdBy: null },
      SYSTEM_ACTOR,
    );
    const found = await findApiTokenOrganisation(server.services.db, apiToken);
    const token = mintCollabToken(server.services.config.sessionSecret, {
      document: name,
      access: "read",
      organisationId: server.org.id,
      subject: { kind: "api-token", tokenId: found!.tokenId },
    }).token;
    const reader = stockProvider(server, name, { token });
    await whenSynced(reader);
    destroyProvider(reader);
  });
});

describe("read-only connections", () => {
  it("receive the document but their edits are dropped by the server", async () => {
    const name = await server.newDocument();
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    await whenSynced(officer);
    officer.doc.getText("body").insert(0, "The figure is verified.");

    const viewer = await rawClient(server, name, { cookie: server.people.viewer.cookie });
    const viewerDoc = new Y.Doc();
    viewer.send(syncStep1(viewerDoc));
    await waitFor(() => viewer.received.some((m) => m[0] === 0 && m[1] === 1), 5000, "sync step 2");
    // No sync step 1 is sent to a reader: its answer would be dropped anyway.
    expect(viewer.received.some((m) => m[0] === 0 && m[1] === 0)).toBe(false);
    for (const message of viewer.received.filter((m) => m[0] === 0 && m[1] === 1)) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      Y.applyUpdate(viewerDoc, decoding.readVarUint8Array(decoder));
    }
    expect(viewerDoc.getText("body").toString()).toBe("The figure is verified.");

    const before = Y.encodeStateVector(viewerDoc);
    viewerDoc.getText("body").insert(0, "NOT ");
    viewer.send(updateMessage(Y.encodeStateAsUpdate(viewerDoc, before)));
    await waitFor(() => viewer.received.some((m) => m[0] === 2), 5000, "the read-only notice");

    officer.doc.getText("body").insert(officer.doc.getText("body").length, " Checked.");
    await waitFor(
      async () => (await storedDocument(server, name)).getText("body").toString().endsWith("Checked."),
      5000,
      "commit",
    );
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("The figure is verified. Checked.");
    expect(officer.doc.getText("body").toString()).toBe("The figure is verified. Checked.");
    viewer.ws.close();
    destroyProvider(officer);
  });

  it("turns a writer whose role was lowered into a reader, and closes one who left the organisation", async () => {
    const name = await server.newDocument();
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const admin = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(officer), whenSynced(admin)]);
    officer.doc.getText("body").insert(0, "Before. ");
    await waitFor(() => admin.doc.getText("body").toString() === "Before. ");
    const membership = and(eq(memberships.userId, server.people.officer.id), eq(memberships.organisationId, server.org.id));
    try {
      await server.services.db.update(memberships).set({ role: "viewer" }).where(membership);
      await server.collab.checkAccess();
      officer.doc.getText("body").insert(0, "After the change. ");
      admin.doc.getText("body").insert(admin.doc.getText("body").length, "Admin still writes.");
      await waitFor(
        async () => (await storedDocument(server, name)).getText("body").toString().includes("Admin still writes."),
        5000,
        "commit",
      );
      expect((await storedDocument(server, name)).getText("body").toString()).toBe("Before. Admin still writes.");

      await server.services.db
        .delete(memberships)
        .where(and(eq(memberships.userId, server.people.admin.id), eq(memberships.organisationId, server.org.id)));
      const closed = whenClosed(admin);
      await server.collab.checkAccess();
      expect((await closed).code).toBe(4403);
    } finally {
      await server.services.db.update(memberships).set({ role: "officer" }).where(membership);
      await server.services.db
        .insert(memberships)
        .values({ userId: server.people.admin.id, organisationId: server.org.id, role: "admin" })
        .onConflictDoNothing();
      destroyProvider(officer);
      destroyProvider(admin);
    }
  });

  it("turns everyone into a reader once the document is frozen", async () => {
    const name = await server.newDocument();
    const officer = stockProvider(server, name, { cookie: server.people.officer.cookie });
    const admin = stockProvider(server, name, { cookie: server.people.admin.cookie });
    await Promise.all([whenSynced(officer), whenSynced(admin)]);
    officer.doc.getText("body").insert(0, "Final wording.");
    await waitFor(() => admin.doc.getText("body").toString() === "Final wording.");
    await server.collab.freezeDocument(name);
    officer.doc.getText("body").insert(0, "Late change. ");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(admin.doc.getText("body").toString()).toBe("Final wording.");
    destroyProvider(officer);
    destroyProvider(admin);
    await waitFor(() => server.collab.stats().documents === 0, 5000, "unload");
    expect((await storedDocument(server, name)).getText("body").toString()).toBe("Final wording.");
  });
});
