import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUpgradeRouter } from "./upgrade-router";

let server: Server;
let base: string;
const logged: string[] = [];

beforeAll(async () => {
  server = createServer();
  server.on(
    "upgrade",
    createUpgradeRouter(
      [
        {
          prefix: "/throws/",
          handle: () => {
            throw new Error("the database is unreachable");
          },
        },
        { prefix: "/rejects/", handle: async () => Promise.reject(new Error("the database is unreachable")) },
      ],
      { error: (message) => void logged.push(message) },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The HTTP status an upgrade is refused with. */
function statusOf(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base}${path}`);
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => reject(new Error("the upgrade was accepted")));
    ws.on("error", () => {});
  });
}

it("answers 503 for an upgrade whose handler throws or rejects, logs it, and goes on serving", async () => {
  expect(await statusOf("/throws/x")).toBe(503);
  expect(await statusOf("/rejects/x")).toBe(503);
  expect(await statusOf("/rejects/y")).toBe(503);
  expect(logged).toEqual(["upgrade failed", "upgrade failed", "upgrade failed"]);
});

it("refuses an upgrade to any other path with 404", async () => {
  expect(await statusOf("/elsewhere")).toBe(404);
});
