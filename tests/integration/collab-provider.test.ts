import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { startCollabTestServer, waitFor, webSocketWith, type TestServer } from "../../server/realtime/yjs/test-support";
import { CLOSE_CODES } from "../../app/shared/realtime-events";
import { CONNECTION_MESSAGES, createCollabProvider, type CollabProvider } from "../../app/shared/collab/collab-provider";

let server: TestServer;
beforeAll(async () => {
  server = await startCollabTestServer({ unloadDelayMs: 20 });
});
afterAll(async () => {
  await server.close();
  expect(server.errors).toEqual([]);
});

function open(document: string, cookie: string, doc = new Y.Doc(), serverUrl = server.url): CollabProvider {
  return createCollabProvider({
    serverUrl,
    document,
    doc,
    color: "#047857",
    WebSocketPolyfill: webSocketWith({ Cookie: cookie, Origin: `http://${server.host}` }) as unknown as typeof WebSocket,
  });
}

describe("the collab provider wrapper", () => {
  it("says Connected, then saved only once the server has stored an edit", async () => {
    const collab = open(await server.newDocument(), server.people.officer.cookie);
    await waitFor(() => collab.status().connection === "connected");
    expect(collab.status()).toEqual({
      connection: "connected",
      message: "Connected",
      saved: true,
      readOnly: false,
      stopped: null,
    });
    const seen: boolean[] = [];
    collab.subscribe((status) => seen.push(status.saved));
    collab.provider.doc.getText("body").insert(0, "Rent arrears fell.");
    expect(collab.status().saved).toBe(false);
    await waitFor(() => collab.status().saved, 5000, "saved");
    expect(seen).toContain(false);
    collab.destroy();
  });

  it("marks edits made while disconnected as unsaved until they are sent and stored", async () => {
    const name = await server.newDocument();
    const collab = open(name, server.people.officer.cookie);
    await waitFor(() => collab.status().connection === "connected");
    await server.restartCollab("shutdown");
    await waitFor(() => collab.status().connection !== "connected", 5000, "disconnect");
    expect(collab.status().message).toMatch(/^(Reconnecting…|Offline: )/);
    collab.provider.doc.getText("body").insert(0, "Typed during the restart.");
    expect(collab.status().saved).toBe(false);
    await waitFor(() => collab.status().connection === "connected" && collab.status().saved, 10_000, "reconnect and save");
    collab.destroy();
  });

  it("shows a viewer's document as read only and never saved", async () => {
    const collab = open(await server.newDocument(), server.people.viewer.cookie);
    await waitFor(() => collab.status().connection === "connected");
    collab.provider.doc.getText("body").insert(0, "A viewer's attempt");
    await waitFor(() => collab.status().readOnly, 5000, "read only");
    expect(collab.status().saved).toBe(false);
    collab.destroy();
  });

  it("stops reconnecting after 4403 and says why", async () => {
    const collab = open(await server.newDocument(), server.people.outsider.cookie);
    await waitFor(() => collab.status().stopped !== null, 5000, "the refusal");
    expect(collab.status()).toMatchObject({
      connection: "offline",
      message: "You do not have access to this document",
      stopped: { code: CLOSE_CODES.forbidden },
    });
    expect(collab.provider.shouldConnect).toBe(false);
    collab.destroy();
  });

  it("says Offline after failed attempts in a row, with jittered waits in between", async () => {
    const collab = open(await server.newDocument(), server.people.officer.cookie, new Y.Doc(), "ws://127.0.0.1:9/collab");
    const waits: number[] = [];
    collab.provider.on("connection-close", () => waits.push(collab.provider.maxBackoffTime));
    await waitFor(() => collab.status().connection === "offline", 10_000, "offline");
    expect(collab.status().message).toBe(CONNECTION_MESSAGES.offline);
    expect(collab.status().message).toBe("Offline: your changes are kept on this device and will be sent when you reconnect");
    expect(waits.every((wait, i) => wait >= 2 ** (i + 1) * 50 && wait <= 2 ** (i + 1) * 100)).toBe(true);
    collab.destroy();
  });
});
