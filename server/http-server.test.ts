import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createTestServices } from "../tests/support/test-services";
import { createHttpServer, type RunningHttpServer } from "./http-server";

let services: Awaited<ReturnType<typeof createTestServices>>;
let http: RunningHttpServer;
let base: string;

beforeAll(async () => {
  services = await createTestServices();
  http = await createHttpServer(services, { withRemix: false });
  await new Promise<void>((resolve) => http.server.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(http.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await http.close();
  await services.cleanup();
});

describe("the HTTP server", () => {
  it("answers /healthz with 200 while the database is reachable", async () => {
    const res = await fetch(`http://${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("refuses a mutating request from another site", async () => {
    const res = await fetch(`http://${base}/sign-in`, {
      method: "POST",
      headers: { Origin: "https://evil.example" },
      body: "x=1",
    });
    expect(res.status).toBe(403);
  });

  it("refuses a websocket upgrade on any path that is not a realtime path", async () => {
    const ws = new WebSocket(`ws://${base}/somewhere-else`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on("open", () => resolve("open"));
      ws.on("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
      ws.on("error", () => resolve("error"));
    });
    expect(outcome).toBe("404");
  });

  it("refuses a socket.io connection without a session", async () => {
    const { io } = await import("socket.io-client");
    const client = io(`http://${base}`, { transports: ["websocket"], reconnection: false });
    const error = await new Promise<Error>((resolve) => client.on("connect_error", resolve));
    client.close();
    expect(error.message).toBe("unauthenticated");
  });
});

describe("/healthz when the database is down", () => {
  it("answers 503", async () => {
    const down = await createTestServices();
    const server = await createHttpServer(down, { withRemix: false });
    await new Promise<void>((resolve) => server.server.listen(0, "127.0.0.1", resolve));
    await down.database.close();
    const res = await fetch(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}/healthz`);
    expect(res.status).toBe(503);
    await server.close();
  });
});
