import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createWsTransport, sendBinary } from "./ws-transport";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const transport = createWsTransport({ maxPayloadBytes: 1024 * 1024, heartbeatMs: 60_000 }, quiet);
let http: Server;
let accepted: (ws: import("ws").WebSocket) => void = () => {};
let url: string;

beforeAll(async () => {
  http = createServer();
  http.on("upgrade", (request, socket, head) =>
    transport.upgrade(
      request,
      socket,
      head,
      async () => null,
      (ws) => accepted(ws),
    ),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  transport.stop(0);
  await new Promise((resolve) => http.close(resolve));
});

/** A client connected through the transport, with the server's side of its socket. */
async function connect() {
  const serverSide = new Promise<import("ws").WebSocket>((resolve) => (accepted = resolve));
  const client = new WebSocket(url);
  const received: Buffer[] = [];
  client.on("message", (data: Buffer, isBinary) => isBinary && received.push(data));
  await new Promise((resolve) => client.once("open", resolve));
  return { client, server: await serverSide, received };
}

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);

describe("sendBinary", () => {
  it("frames messages of every length class (7-bit, 16-bit and 64-bit lengths) that ws reads back intact and in order", async () => {
    const { client, server, received } = await connect();
    const lengths = [0, 1, 125, 126, 65_535, 65_536, 300_000];
    const messages = lengths.map((length, seed) => bytes(length, seed));
    for (const message of messages) sendBinary(server, message);
    await expectEventually(() => received.length === messages.length);
    expect(received.map((data) => data.length)).toEqual(lengths);
    expect(received.every((data, i) => data.equals(messages[i]))).toBe(true);
    client.close();
  });

  it("sends one message to several sockets, and keeps its order with ws's own frames (ping, close)", async () => {
    const first = await connect();
    const second = await connect();
    const pinged = new Promise((resolve) => first.client.once("ping", resolve));
    const closed = new Promise<number>((resolve) => first.client.once("close", resolve));
    const message = bytes(200, 7);
    sendBinary(first.server, message);
    sendBinary(second.server, message);
    first.server.ping();
    sendBinary(first.server, bytes(3, 1));
    first.server.close(4000, "done");
    await pinged;
    expect(await closed).toBe(4000);
    await expectEventually(() => second.received.length === 1);
    expect(first.received.map((data) => new Uint8Array(data))).toEqual([message, bytes(3, 1)]);
    expect(new Uint8Array(second.received[0])).toEqual(message);
    second.client.close();
  });
});

async function expectEventually(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
