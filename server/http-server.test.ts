import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createTestServices } from "../tests/support/test-services";
import { createHttpServer, type RunningHttpServer } from "./http-server";
import { LARGEST_BODY_LIMIT } from "./http/body-limits";

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
    try {
      const res = await fetch(`http://127.0.0.1:${(server.server.address() as AddressInfo).port}/healthz`);
      expect(res.status).toBe(503);
    } finally {
      await server.close();
      await down.cleanup(); // its database is dropped (on PostgreSQL it was left behind)
    }
  });
});

/** A raw request, so that the test decides the path bytes and the headers exactly. */
function rawRequest(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const [host, port] = base.split(":");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest({ host, port: Number(port), path, method: init.method ?? "GET", headers: init.headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("request bodies larger than any route accepts", () => {
  it("are refused with 413 on their declared Content-Length, before a byte is read, and the server carries on", async () => {
    const res = await rawRequest("/sign-in", {
      method: "POST",
      headers: { "Content-Length": String(LARGEST_BODY_LIMIT + 1), "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatch(/is larger than the \d+(\.\d)? MB limit/);
    expect(res.headers.connection).toBe("close");
    expect((await fetch(`http://${base}/healthz`)).status).toBe(200);
  });
});

describe("security headers", () => {
  it("are on every answer: no framing, no sniffing, a strict referrer and a content security policy", async () => {
    // Pages are Remix's (not mounted here): the headers are set before any handler runs.
    for (const path of ["/healthz", "/favicon.svg"]) {
      const res = await fetch(`http://${base}${path}`);
      expect(res.headers.get("X-Frame-Options")).toBe("DENY");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    }
  });

  it("use a fresh script nonce for every answer", async () => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await fetch(`http://${base}/healthz`)).headers.get("Content-Security-Policy") ?? "")?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });
});

describe("addresses no route can serve", () => {
  it.each([
    ["a NUL in the path", "/o/north%00field/scorecard", 404],
    ["a newline in the path", "/o/northfield/indicators/BV%0A212", 404],
    ["a broken % escape in the path", "/o/northfield/indicators/%E0%A4%A", 400],
    ["a lone % in the path", "/o/northfield/indicators/50%", 400],
    ["a NUL in the query", "/o/northfield/scorecard?period=%00", 400],
  ])("answer %s with a 4xx before any route runs", async (_label, path, status) => {
    const res = await rawRequest(path);
    expect(res.status).toBe(status);
    expect(res.headers["x-frame-options"]).toBe("DENY");
  });
});
